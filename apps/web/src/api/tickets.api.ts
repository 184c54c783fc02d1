import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type TicketStatus = 'open' | 'pending' | 'resolved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type TicketCategory = 'question' | 'complaint' | 'request' | 'other';
export type TicketChannel = 'whatsapp' | 'phone' | 'email' | 'chat' | 'store' | 'web';

export interface Target {
  kind: 'first_response' | 'resolution';
  clock: 'business' | 'calendar';
  state: 'running' | 'paused' | 'met' | 'missed';
  budgetMs: number;
  dueAt: number | null;
  endedAt: number | null;
  leftMs: number | null;
}

export interface Ticket {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: TicketCategory;
  channel: TicketChannel;
  customerId: string;
  customerName: string | null;
  branchId: string | null;
  assigneeId: string | null;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  csatScore: number | null;
  targets: Target[];
}

export interface TicketMessage {
  id: string;
  kind: 'customer' | 'reply' | 'note';
  authorLabel: string;
  body: string;
  createdAt: number;
}

export interface TicketDetail {
  ticket: Ticket;
  customer: { id: string; name: string | null; phone: string | null; email: string | null };
  messages: TicketMessage[];
  csat: { path: string; answeredAt: number | null } | null;
}

export interface TicketFilters {
  status: string;
  priority: string;
  branchId: string;
  target: string;
  q: string;
  /** A user id, or none for unassigned tickets. */
  assigneeId: string;
}

export interface NewTicket {
  subject: string;
  customer: { name?: string; phone?: string; email?: string };
  channel: TicketChannel;
  message?: string;
  branchId?: string | null;
  priority: TicketPriority;
  category: TicketCategory;
}

const base = (ws: string) => `/workspaces/${ws}/tickets`;

export function useTickets(ws: string, filters: TicketFilters) {
  const query = new URLSearchParams({ limit: '100' });
  for (const [key, value] of Object.entries(filters) as [string, string][]) if (value) query.set(key, value);
  return useQuery({
    queryKey: ['tickets', ws, 'list', filters],
    queryFn: () => api.get<{ items: Ticket[]; nextCursor: string | null }>(`${base(ws)}?${query}`),
    placeholderData: keepPreviousData,
    // The timers move: refresh while the inbox is open.
    refetchInterval: 60_000,
  });
}

export function useTicket(ws: string, id: string) {
  return useQuery({
    queryKey: ['tickets', ws, 'one', id],
    queryFn: () => api.get<TicketDetail>(`${base(ws)}/${id}`),
  });
}

function useInvalidate(ws: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['tickets', ws] });
}

export function useCreateTicket(ws: string) {
  const invalidate = useInvalidate(ws);
  return useMutation({
    mutationFn: (input: NewTicket) => api.post<Ticket>(base(ws), input),
    onSuccess: invalidate,
  });
}

export function useUpdateTicket(ws: string, id: string) {
  const invalidate = useInvalidate(ws);
  return useMutation({
    mutationFn: (changes: Partial<Pick<Ticket, 'status' | 'priority' | 'category' | 'assigneeId'>>) =>
      api.patch<Ticket>(`${base(ws)}/${id}`, changes),
    onSuccess: invalidate,
  });
}

export function useAddMessage(ws: string, id: string) {
  const invalidate = useInvalidate(ws);
  return useMutation({
    mutationFn: (input: { body: string; kind: 'reply' | 'note' }) =>
      api.post<TicketMessage>(`${base(ws)}/${id}/messages`, input),
    onSuccess: invalidate,
  });
}

export interface Branch {
  id: string;
  name: string;
  timezone: string;
}

export function useBranches(ws: string) {
  return useQuery({
    queryKey: ['branches', ws],
    queryFn: async () => (await api.get<{ items: Branch[] }>(`/workspaces/${ws}/branches`)).items,
  });
}
