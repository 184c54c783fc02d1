import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type SurveyKind = 'nps' | 'csat' | 'ces' | 'custom';
export type QuestionType = 'nps' | 'csat' | 'ces' | 'choice' | 'rating' | 'text';

export interface Localized {
  id: string;
  en: string;
}

export interface Question {
  key: string;
  type: QuestionType;
  label: Localized;
  required: boolean;
  options?: Localized[];
}

export interface Survey {
  id: string;
  name: string;
  kind: SurveyKind;
  status: 'active' | 'closed';
  purpose: string | null;
  questions: Question[];
  intro: Localized | null;
  generalPath: string;
  createdAt: number;
}

export interface SurveyResults {
  from: number;
  to: number;
  bucket: 'day' | 'week' | 'month';
  summary: {
    responses: number;
    score: number | null;
    distribution: { value: number; count: number }[];
    groups: { positive: number; neutral: number; negative: number };
  } | null;
  trend: { start: string; responses: number; score: number | null }[];
  reach: {
    linksSent: number;
    personalResponses: number;
    generalViews: number;
    generalResponses: number;
    personalRate: number | null;
    generalRate: number | null;
  };
  choices: { question: string; counts: number[] }[];
}

export interface SurveyComment {
  id: string;
  score: number | null;
  comment: string;
  via: 'personal' | 'general' | 'qr' | 'receipt';
  submittedAt: number;
  customerName: string | null;
}

const base = (ws: string) => `/workspaces/${ws}/surveys`;

export function useSurveys(ws: string) {
  return useQuery({
    queryKey: ['surveys', ws, 'list'],
    queryFn: async () => (await api.get<{ items: Survey[] }>(base(ws))).items,
  });
}

export function useSurvey(ws: string, id: string) {
  return useQuery({
    queryKey: ['surveys', ws, 'one', id],
    queryFn: () => api.get<Survey>(`${base(ws)}/${id}`),
  });
}

export function useSurveyResults(ws: string, id: string, from: number, to: number) {
  const query = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  return useQuery({
    queryKey: ['surveys', ws, 'results', id, from, to],
    queryFn: () => api.get<SurveyResults>(`${base(ws)}/${id}/results?${query}`),
  });
}

export function useSurveyComments(ws: string, id: string) {
  return useQuery({
    queryKey: ['surveys', ws, 'comments', id],
    queryFn: async () =>
      (await api.get<{ items: SurveyComment[] }>(`${base(ws)}/${id}/comments?limit=20`)).items,
  });
}

export function useCreateSurvey(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; kind: SurveyKind; questions: Question[] }) =>
      api.post<Survey>(base(ws), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['surveys', ws] }),
  });
}

export function useSetSurveyStatus(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: 'active' | 'closed') => api.patch<Survey>(`${base(ws)}/${id}`, { status }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['surveys', ws] }),
  });
}

export function useSendSurvey(ws: string, id: string) {
  return useMutation({
    mutationFn: (customerId: string) => api.post<{ path: string }>(`${base(ws)}/${id}/links`, { customerId }),
  });
}

export interface CustomerHit {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
}

export function useCustomerSearch(ws: string, search: string) {
  return useQuery({
    queryKey: ['customers', ws, 'search', search],
    queryFn: async () =>
      (
        await api.get<{ items: CustomerHit[] }>(
          `/workspaces/${ws}/customers?limit=5&search=${encodeURIComponent(search)}`,
        )
      ).items,
    enabled: search.trim().length >= 2,
  });
}
