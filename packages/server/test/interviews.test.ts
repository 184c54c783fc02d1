import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { DAY, T0, aTrack, anIdentify, startTestApp, type ErrorBody, type TestApp } from './harness.ts';
import { eventNamesOf, journeyOf } from './support.harness.ts';

let t: TestApp;
let manager: SignedInUser;
let otherManager: SignedInUser;
let analyst: SignedInUser;
let cashier: SignedInUser;
let siti: string;
let budi: string;

interface Note {
  id: string;
  customerId: string;
  authorId: string | null;
  authorName: string;
  stage: string;
  title: string;
  tags: string[];
  interviewedAt: number;
}

beforeAll(async () => {
  t = await startTestApp();
  manager = await aMember(t, 'manager');
  otherManager = await aMember(t, 'manager');
  analyst = await aMember(t, 'analyst');
  cashier = await aMember(t, 'cashier');
  await t.ingest([
    anIdentify({ userId: 'u-siti', traits: { name: 'Siti' } }),
    aTrack({ userId: 'u-siti', event: 'Order Completed', properties: { order_id: 'o-1', total: 45_000 } }),
    anIdentify({ userId: 'u-budi', traits: { name: 'Budi' } }),
    aTrack({ userId: 'u-budi', event: 'Product Viewed', timestamp: new Date(T0 - 2 * DAY).toISOString() }),
  ]);
  const customers = (await t.services.customers.list(t.workspace.id, { limit: 5 })).items;
  siti = customers.find((c) => c.name === 'Siti')!.id;
  budi = customers.find((c) => c.name === 'Budi')!.id;
});
afterAll(() => t.close());

const url = (path: string) => `/api/v1/workspaces/${t.workspace.id}${path}`;

async function aNote(by: SignedInUser, body: object): Promise<Note> {
  const response = await asUser(t, by, 'POST', url('/interviews'), {
    customerId: siti,
    stage: 'experience',
    channel: 'store',
    title: 'Antrean di kasir',
    body: 'Menunggu 20 menit saat jam makan siang.',
    tags: ['Antrean'],
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Note>();
}

const search = async (by: SignedInUser, query: string) => {
  const response = await asUser(t, by, 'GET', url(`/interviews?${query}`));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Note[] }>().items.map((n) => n.title);
};

describe('interviews', () => {
  it("records a note as the customer's Feedback Given touchpoint, which moves a buyer to experience", async () => {
    expect((await journeyOf(t, siti))?.stage).toBe('purchase');
    const note = await aNote(manager, {});
    expect(note).toMatchObject({
      customerId: siti,
      authorId: manager.id,
      authorName: 'manager',
      tags: ['antrean'],
    });
    expect(note.interviewedAt).toBe(T0);
    expect(await eventNamesOf(t, siti)).toContain('Feedback Given');
    expect((await journeyOf(t, siti))?.stage).toBe('experience');
    const timeline = await asUser(t, analyst, 'GET', url(`/customers/${siti}/timeline`));
    expect(timeline.body).toContain('interview');
  });

  it('refuses a note with a problem, naming it, and stores nothing', async () => {
    const post = (body: object) =>
      asUser(t, manager, 'POST', url('/interviews'), {
        customerId: budi,
        stage: 'consideration',
        title: 'Harga',
        body: 'Terlalu mahal',
        ...body,
      });
    const cases: [object, number, string][] = [
      [{ stage: 'bingung' }, 400, 'stage must be one of'],
      [{ title: '   ' }, 400, 'title must not be empty'],
      [{ channel: 'pigeon' }, 400, 'channel'],
      [{ interviewedAt: new Date(T0 + DAY).toISOString() }, 400, 'interviewedAt must not be in the future'],
      [{ customerId: 'nobody' }, 404, 'Customer nobody'],
      [{ tags: ['x'.repeat(41)] }, 400, 'tags'],
    ];
    for (const [body, status, message] of cases) {
      const response = await post(body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json<ErrorBody>().error.message).toContain(message);
    }
    expect(await search(manager, `customerId=${budi}`)).toEqual([]);
  });

  it('searches across notes by words, tag, stage, customer, author and period', async () => {
    await aNote(otherManager, {
      customerId: budi,
      stage: 'consideration',
      title: 'Harga langganan',
      body: 'Paket bulanan terasa mahal; ingin diskon pelajar.',
      tags: ['harga', 'langganan'],
      interviewedAt: new Date(T0 - 3 * DAY).toISOString(),
    });
    expect(await search(analyst, 'q=antre')).toEqual(['Antrean di kasir']);
    expect(await search(analyst, 'q=Pelajar%20MAHAL')).toEqual(['Harga langganan']);
    expect(await search(analyst, 'tag=harga')).toEqual(['Harga langganan']);
    expect(await search(analyst, 'stage=experience')).toEqual(['Antrean di kasir']);
    expect(await search(analyst, `customerId=${budi}`)).toEqual(['Harga langganan']);
    expect(await search(analyst, `authorId=${otherManager.id}`)).toEqual(['Harga langganan']);
    const from = new Date(T0 - 4 * DAY).toISOString();
    const to = new Date(T0 - DAY).toISOString();
    expect(await search(analyst, `from=${from}&to=${to}`)).toEqual(['Harga langganan']);
    const tags = await asUser(t, analyst, 'GET', url('/interviews/tags'));
    expect(tags.json()).toEqual({
      items: [
        { tag: 'antrean', notes: 1 },
        { tag: 'harga', notes: 1 },
        { tag: 'langganan', notes: 1 },
      ],
    });
    const backwards = await asUser(t, analyst, 'GET', url(`/interviews?from=${to}&to=${from}`));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<ErrorBody>().error.message).toBe('from must be before to');
  });

  it('lets the author and managers and above change and delete a note; analysts read, cashiers see nothing', async () => {
    const note = await aNote(manager, {
      title: 'Parkir sempit',
      body: 'Susah parkir motor.',
      tags: ['lokasi'],
    });
    const patched = await asUser(t, manager, 'PATCH', url(`/interviews/${note.id}`), {
      body: 'Kursi kurang di sore hari.',
      tags: ['tempat'],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await search(analyst, 'q=parkir%20motor')).toEqual([]);
    expect(await search(analyst, 'q=kursi')).toEqual(['Parkir sempit']);
    const byOther = await asUser(t, otherManager, 'PATCH', url(`/interviews/${note.id}`), {
      stage: 'retention',
    });
    expect(byOther.json<Note>().stage).toBe('retention');
    expect(
      (await asUser(t, analyst, 'PATCH', url(`/interviews/${note.id}`), { title: 'x' })).statusCode,
    ).toBe(403);
    expect((await asUser(t, analyst, 'DELETE', url(`/interviews/${note.id}`))).statusCode).toBe(403);
    expect((await asUser(t, cashier, 'GET', url('/interviews'))).statusCode).toBe(403);
    expect((await asUser(t, analyst, 'GET', url(`/interviews/${note.id}`))).statusCode).toBe(200);
    // A writer below manager may change only their own notes.
    const writer = { id: 'someone-else', label: 'Staf', mayChangeAny: false };
    await expect(t.services.interviews.delete(t.workspace.id, writer, note.id)).rejects.toMatchObject({
      statusCode: 403,
    });
    expect((await asUser(t, otherManager, 'DELETE', url(`/interviews/${note.id}`))).statusCode).toBe(204);
    expect((await asUser(t, analyst, 'GET', url(`/interviews/${note.id}`))).statusCode).toBe(404);
    expect(await search(analyst, 'q=kursi')).toEqual([]);
  });

  it("exports a customer's notes with his data and deletes them when he is erased", async () => {
    const exported = await t.api('GET', `/customers/${budi}/export`);
    expect(exported.json<{ interviewNotes: Note[] }>().interviewNotes.map((n) => n.title)).toEqual([
      'Harga langganan',
    ]);
    const erased = await t.api('POST', `/customers/${budi}/erase`);
    expect(erased.json()).toMatchObject({ interviewNotes: 1 });
    expect(await search(analyst, 'q=mahal')).toEqual([]);
  });
});
