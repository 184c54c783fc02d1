import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, aTrack, startTestApp, type ErrorBody, type TestApp } from './harness.ts';
import { eventNamesOf, journeyOf } from './support.harness.ts';

interface SurveyView {
  id: string;
  generalPath: string;
}

let t: TestApp;
let survey: SurveyView;
let customerId: string;

const NPS = {
  name: 'Rekomendasi Kopi Uji',
  kind: 'nps',
  questions: [
    {
      key: 'score',
      type: 'nps',
      required: true,
      label: {
        id: 'Seberapa mungkin Anda merekomendasikan kami?',
        en: 'How likely are you to recommend us?',
      },
    },
    { key: 'why', type: 'text', required: false, label: { id: 'Apa alasannya?', en: 'Why?' } },
  ],
};

beforeAll(async () => {
  t = await startTestApp();
  const created = await t.api('POST', '/surveys', NPS);
  expect(created.statusCode, created.body).toBe(201);
  survey = created.json<SurveyView>();
  // A customer who bought: a promoter answer then moves him to advocacy.
  await t.ingest([aTrack({ userId: 'u-ani', event: 'Order Completed', properties: { total: 50_000 } })]);
  customerId = (await t.services.customers.list(t.workspace.id, { limit: 1 })).items[0]!.id;
});
afterAll(() => t.close());

const publicGet = (path: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${path}` });
const answer = (token: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/public/surveys/${token}/responses`,
    payload: { answers, language: 'id', ...extra },
  });

async function personalLink(): Promise<string> {
  const link = await t.api('POST', `/surveys/${survey.id}/links`, { customerId });
  expect(link.statusCode, link.body).toBe(201);
  return link.json<{ path: string }>().path.slice(3);
}

describe('surveys', () => {
  it('shows the questions on a public link without any login or cookie', async () => {
    const token = survey.generalPath.slice(3);
    const page = await publicGet(`${token}?via=qr`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.json()).toMatchObject({
      kind: 'nps',
      personal: false,
      answered: false,
      questions: [{ key: 'score' }, { key: 'why' }],
    });
  });

  it('takes one answer per personal link, and says so clearly the second time', async () => {
    const token = await personalLink();
    expect((await answer(token, { score: 10, why: 'Kopinya enak' })).statusCode).toBe(201);
    const second = await answer(token, { score: 3 });
    expect(second.statusCode).toBe(409);
    expect(second.json<ErrorBody>().error).toMatchObject({ code: 'already_answered' });
    expect((await publicGet(token)).json()).toMatchObject({ personal: true, answered: true });
  });

  it('takes exactly one of several answers racing through one personal link', async () => {
    const token = await personalLink();
    const results = await Promise.all([1, 2, 3, 4].map((i) => answer(token, { score: i })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const rows = await t.store.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('link_token', '=', token)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('emits Survey Responded: a promoter moves to advocacy, a detractor is a negative experience', async () => {
    const names = await eventNamesOf(t, customerId);
    expect(names.filter((n) => n === 'Survey Responded').length).toBeGreaterThanOrEqual(2);
    const journey = await journeyOf(t, customerId);
    // The 10 moved him to advocacy; one of the race's answers (1-4) is a detractor.
    expect(journey).toMatchObject({ stage: 'advocacy', negatives: 1 });
  });

  it('refuses answers that do not fit, naming the question', async () => {
    const token = survey.generalPath.slice(3);
    const bad = await answer(token, { score: 11 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toBe('answers.score must be a whole number from 0 to 10');
    expect((await answer(token, {})).json<ErrorBody>().error.message).toBe(
      'answers.score an answer is required',
    );
    expect((await answer('no-such-token-here', { score: 1 })).statusCode).toBe(404);
  });

  it('scores NPS by the convention over those who answered, with the response rate', async () => {
    const fresh = (await t.api('POST', '/surveys', { ...NPS, name: 'NPS hitung' })).json<SurveyView>();
    const general = fresh.generalPath.slice(3);
    for (const score of [10, 9, 9, 8, 7, 6, 3, 0]) {
      expect((await answer(general, { score }, { via: 'qr' })).statusCode).toBe(201);
    }
    await publicGet(`${general}?via=qr`);
    await publicGet(`${general}?via=qr`);
    await publicGet(`${general}?via=receipt`);
    await publicGet(`${general}?via=receipt`);
    const results = await t.api(
      'GET',
      `/surveys/${fresh.id}/results?from=${new Date(t.services.now() - DAY).toISOString()}&to=${new Date(t.services.now() + DAY).toISOString()}`,
    );
    expect(results.statusCode, results.body).toBe(200);
    // 3 promoters, 2 passives, 3 detractors of 8: 37.5% - 37.5% = 0
    expect(results.json()).toMatchObject({
      summary: { responses: 8, score: 0, groups: { positive: 3, neutral: 2, negative: 3 } },
      reach: { generalViews: 4, generalResponses: 8, generalRate: 1, linksSent: 0, personalRate: null },
      trend: [{ responses: 8, score: 0 }],
    });
  });

  it('refuses a survey whose first question does not give its score', async () => {
    const bad = await t.api('POST', '/surveys', { ...NPS, kind: 'csat' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toMatch(
      /first question of a csat survey must be of type csat/,
    );
  });

  it('takes no answer once closed', async () => {
    const closed = await t.api('PATCH' as 'POST', `/surveys/${survey.id}`, { status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    const refused = await answer(survey.generalPath.slice(3), { score: 9 });
    expect(refused.statusCode).toBe(410);
  });
});
