import type { Localized, Question, SurveyKind } from './surveys.api.ts';

/*
 * The public answer page talks to the API without a session: no cookie is read or set, no CSRF token,
 * only the link's token in the path.
 */

export interface PublicSurvey {
  business: string;
  name: string;
  kind: SurveyKind;
  intro: Localized | null;
  questions: Question[];
  personal: boolean;
  answered: boolean;
  closed: boolean;
}

export class PublicSurveyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1/public/surveys/${path}`, {
    method,
    credentials: 'omit',
    headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const parsed = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
  if (!response.ok) throw new PublicSurveyError(response.status, parsed.error?.code ?? 'unknown');
  return parsed as T;
}

export const openSurvey = (token: string, via: string | null) =>
  call<PublicSurvey>('GET', `${encodeURIComponent(token)}${via ? `?via=${encodeURIComponent(via)}` : ''}`);

export const submitAnswers = (
  token: string,
  body: { answers: Record<string, number | string>; language: 'id' | 'en'; via?: string },
) => call<{ ok: boolean }>('POST', `${encodeURIComponent(token)}/responses`, body);
