import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './client.ts';

export const INTERVIEW_CHANNELS = ['store', 'phone', 'whatsapp', 'chat', 'email', 'web', 'other'] as const;
export type InterviewChannel = (typeof INTERVIEW_CHANNELS)[number];

export interface Interview {
  id: string;
  customerId: string;
  customerName: string | null;
  authorId: string | null;
  authorName: string;
  stage: string;
  channel: string;
  title: string;
  body: string;
  tags: string[];
  interviewedAt: number;
  createdAt: number;
  updatedAt: number;
}

/** The search as the URL carries it; empty strings are no filter. */
export interface InterviewFilters {
  q: string;
  tag: string;
  stage: string;
  customerId: string;
  authorId: string;
  /** ISO instants, [from, to). */
  from: string;
  to: string;
}

export interface InterviewFields {
  stage: string;
  channel: InterviewChannel;
  title: string;
  body: string;
  tags: string[];
  interviewedAt?: string;
}

const base = (ws: string) => `/workspaces/${ws}/interviews`;

export function useInterviews(ws: string, filters: Partial<InterviewFilters>, enabled = true) {
  const query = new URLSearchParams({ limit: '50' });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return useInfiniteQuery({
    queryKey: ['interviews', ws, 'list', filters],
    queryFn: ({ pageParam }) => {
      const page = new URLSearchParams(query);
      if (pageParam) page.set('cursor', pageParam);
      return api.get<{ items: Interview[]; nextCursor: string | null }>(`${base(ws)}?${page}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInterviewTags(ws: string) {
  return useQuery({
    queryKey: ['interviews', ws, 'tags'],
    queryFn: async () =>
      (await api.get<{ items: { tag: string; notes: number }[] }>(`${base(ws)}/tags`)).items,
  });
}

function useInterviewMutation<I, O>(ws: string, run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['interviews', ws] });
      // A new note is a touchpoint: the customer's timeline and stage move.
      await client.invalidateQueries({ queryKey: ['customers', ws] });
    },
  });
}

export const useAddInterview = (ws: string) =>
  useInterviewMutation(ws, (input: InterviewFields & { customerId: string }) =>
    api.post<Interview>(base(ws), input),
  );
export const useUpdateInterview = (ws: string) =>
  useInterviewMutation(ws, ({ id, ...fields }: InterviewFields & { id: string }) =>
    api.patch<Interview>(`${base(ws)}/${id}`, fields),
  );
export const useDeleteInterview = (ws: string) =>
  useInterviewMutation(ws, (id: string) => api.delete<void>(`${base(ws)}/${id}`));
