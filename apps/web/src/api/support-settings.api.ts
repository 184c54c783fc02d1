import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { TicketPriority } from './tickets.api.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DayHours {
  open: string;
  close: string;
  breakStart?: string | null;
  breakEnd?: string | null;
}

export type WeekHours = Partial<Record<Weekday, DayHours | null>>;

export interface Hours {
  branchId: string;
  timeZone: string;
  week: WeekHours;
}

export interface Holiday {
  id: string;
  branchId: string | null;
  date: string;
  name: string;
}

export type TargetPolicy = { minutes: number; clock: 'business' | 'calendar' } | null;
export type TargetPolicies = Record<
  TicketPriority,
  { first_response: TargetPolicy; resolution: TargetPolicy }
>;

const base = (ws: string) => `/workspaces/${ws}/support`;

export function useHours(ws: string) {
  return useQuery({
    queryKey: ['support', ws, 'hours'],
    queryFn: async () => (await api.get<{ items: Hours[] }>(`${base(ws)}/hours`)).items,
  });
}

export function useHolidays(ws: string) {
  return useQuery({
    queryKey: ['support', ws, 'holidays'],
    queryFn: async () => (await api.get<{ items: Holiday[] }>(`${base(ws)}/holidays`)).items,
  });
}

export function useTargets(ws: string) {
  return useQuery({
    queryKey: ['support', ws, 'targets'],
    queryFn: () => api.get<TargetPolicies>(`${base(ws)}/targets`),
  });
}

function useSupportMutation<I, O>(ws: string, run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: ['support', ws] }),
  });
}

export const useSetHours = (ws: string) =>
  useSupportMutation(ws, (input: { scope: string; week: WeekHours }) =>
    api.put<Hours>(`${base(ws)}/hours/${encodeURIComponent(input.scope)}`, { week: input.week }),
  );
export const useClearHours = (ws: string) =>
  useSupportMutation(ws, (scope: string) =>
    api.delete<void>(`${base(ws)}/hours/${encodeURIComponent(scope)}`),
  );
export const useAddHoliday = (ws: string) =>
  useSupportMutation(ws, (input: { date: string; name: string; branchId: string | null }) =>
    api.post<Holiday>(`${base(ws)}/holidays`, input),
  );
export const useDeleteHoliday = (ws: string) =>
  useSupportMutation(ws, (id: string) => api.delete<void>(`${base(ws)}/holidays/${id}`));
export const useSetTargets = (ws: string) =>
  useSupportMutation(ws, (targets: TargetPolicies) =>
    api.put<TargetPolicies>(`${base(ws)}/targets`, targets),
  );
export const useRotateSecret = (ws: string) =>
  useSupportMutation(ws, () => api.post<{ secret: string; url: string }>(`${base(ws)}/webhook-secret`));
