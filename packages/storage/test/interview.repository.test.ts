import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixRange, searchTerms } from '@jejak/core';
import {
  CustomerRepository,
  InterviewRepository,
  WorkspaceRepository,
  type InterviewSearch,
  type NewInterviewNote,
  type Store,
} from '../src/index.ts';
import { aCustomer, aWorkspace, DAY, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

let store: Store;
let ws: string;
let other: string;
let siti: string;
let budi: string;

beforeAll(async () => {
  store = await openTestStore();
  ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  siti = (await new CustomerRepository(store.db).create(aCustomer({ workspace_id: ws }))).id;
  budi = (await new CustomerRepository(store.db).create(aCustomer({ workspace_id: ws, name: 'Budi' }))).id;
  await aNote({
    title: 'Antrean di kasir',
    body: 'Menunggu 20 menit saat jam makan siang.',
    tags: ['antrean'],
  });
  await aNote({
    customer_id: budi,
    author_id: 'u-ani',
    title: 'Harga langganan',
    body: 'Paket bulanan terasa mahal; ingin diskon pelajar.',
    tags: ['harga', 'langganan'],
    stage: 'consideration',
    interviewed_at: T0 + 2 * DAY,
  });
  await aNote({
    title: 'Kopi susu favorit',
    body: 'Suka rasa gula aren, antreannya saja yang lama.',
    tags: ['produk', 'antrean'],
    stage: 'retention',
    interviewed_at: T0 + 5 * DAY,
  });
  await aNote({ workspace_id: other, customer_id: 'x', title: 'Antrean', body: 'lain', tags: ['antrean'] });
});
afterAll(() => store.close());

async function aNote(o: Partial<NewInterviewNote> & { tags: string[] }) {
  const { tags, ...overrides } = o;
  const row: NewInterviewNote = {
    id: randomUUID(),
    workspace_id: ws,
    customer_id: siti,
    author_id: 'u-owner',
    author_name: 'Pemilik',
    stage: 'experience',
    channel: 'store',
    title: '',
    body: '',
    tags_json: JSON.stringify(tags),
    interviewed_at: T0,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
  return new InterviewRepository(store.db).create(row, tags, searchTerms([row.title, row.body, ...tags]));
}

const titles = async (o: Partial<InterviewSearch> & { q?: string }) => {
  const { q, ...rest } = o;
  const words = q ? searchTerms([q]).map(prefixRange) : undefined;
  const page = await new InterviewRepository(store.db).search(ws, { limit: 50, words, ...rest });
  return page.items.map((n) => n.title);
};

describe('interview notes', () => {
  it('finds notes by every word of a query, each a prefix of a word in the title, body or tags', async () => {
    expect(await titles({ q: 'antre' })).toEqual(['Kopi susu favorit', 'Antrean di kasir']);
    expect(await titles({ q: 'ANTREAN kasir' })).toEqual(['Antrean di kasir']);
    expect(await titles({ q: 'langganan' })).toEqual(['Harga langganan']);
    expect(await titles({ q: 'pelajar mahal' })).toEqual(['Harga langganan']);
    expect(await titles({ q: 'antrean mahal' })).toEqual([]);
    expect(await titles({ q: 'pelajaran' })).toEqual([]);
  });

  it('filters by tag, stage, customer, author and period, and combines them with the query', async () => {
    expect(await titles({ tag: 'antrean' })).toEqual(['Kopi susu favorit', 'Antrean di kasir']);
    expect(await titles({ stage: 'consideration' })).toEqual(['Harga langganan']);
    expect(await titles({ customerIds: [budi] })).toEqual(['Harga langganan']);
    expect(await titles({ authorId: 'u-ani' })).toEqual(['Harga langganan']);
    expect(await titles({ from: T0 + DAY, to: T0 + 3 * DAY })).toEqual(['Harga langganan']);
    expect(await titles({ tag: 'antrean', q: 'gula' })).toEqual(['Kopi susu favorit']);
  });

  it('pages the most recent interview first', async () => {
    const notes = new InterviewRepository(store.db);
    const first = await notes.search(ws, { limit: 2 });
    expect(first.items.map((n) => n.title)).toEqual(['Kopi susu favorit', 'Harga langganan']);
    const second = await notes.search(ws, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((n) => n.title)).toEqual(['Antrean di kasir']);
    expect(second.nextCursor).toBeNull();
  });

  it('re-indexes a changed note, forgets a deleted one, and counts tags per workspace', async () => {
    const notes = new InterviewRepository(store.db);
    const note = await aNote({ title: 'Parkir sempit', body: 'Susah parkir motor.', tags: ['lokasi'] });
    expect(await titles({ q: 'parkir' })).toEqual(['Parkir sempit']);
    await notes.update(
      ws,
      note.id,
      { title: 'Tempat duduk', body: 'Kursi kurang.', tags_json: '["tempat"]', updated_at: T0 + DAY },
      { tags: ['tempat'], terms: searchTerms(['Tempat duduk', 'Kursi kurang.', 'tempat']) },
    );
    expect(await titles({ q: 'parkir' })).toEqual([]);
    expect(await titles({ q: 'kursi' })).toEqual(['Tempat duduk']);
    expect(await notes.tagCounts(ws)).toEqual([
      { tag: 'antrean', notes: 2 },
      { tag: 'harga', notes: 1 },
      { tag: 'langganan', notes: 1 },
      { tag: 'produk', notes: 1 },
      { tag: 'tempat', notes: 1 },
    ]);
    expect(await notes.delete(ws, note.id)).toBe(true);
    expect(await notes.delete(other, note.id)).toBe(false);
    expect(await titles({ q: 'kursi' })).toEqual([]);
    expect(await notes.tagCounts(other)).toEqual([{ tag: 'antrean', notes: 1 }]);
  });

  it("erases every note about a person's profiles", async () => {
    const notes = new InterviewRepository(store.db);
    expect((await notes.forCustomers(ws, [budi])).map((n) => n.title)).toEqual(['Harga langganan']);
    expect(await notes.eraseCustomers(ws, [budi])).toBe(1);
    expect(await titles({ q: 'mahal' })).toEqual([]);
    expect(await titles({ tag: 'harga' })).toEqual([]);
  });
});
