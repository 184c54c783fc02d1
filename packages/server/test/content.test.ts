import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { aTrack, startTestApp, type ErrorBody, type TestApp } from './harness.ts';
import { eventNamesOf, journeyOf } from './support.harness.ts';

let t: TestApp;
let manager: SignedInUser;
let analyst: SignedInUser;
let cashier: SignedInUser;
let customerId: string;

interface Item {
  id: string;
  generalPath: string;
  stage: string;
}

beforeAll(async () => {
  t = await startTestApp();
  manager = await aMember(t, 'manager');
  analyst = await aMember(t, 'analyst');
  cashier = await aMember(t, 'cashier');
  // A visitor who has only been seen: a comparison sheet shows interest and moves him on.
  await t.ingest([aTrack({ userId: 'u-dina', event: 'Page Viewed' })]);
  customerId = (await t.services.customers.list(t.workspace.id, { limit: 1 })).items[0]!.id;
});
afterAll(() => t.close());

const url = (path: string) => `/api/v1/workspaces/${t.workspace.id}${path}`;
const follow = (path: string) => t.app.inject({ method: 'GET', url: path });

async function anItem(overrides: object = {}): Promise<Item> {
  const response = await asUser(t, manager, 'POST', url('/content'), {
    kind: 'comparison',
    title: 'Perbandingan paket langganan kopi',
    stage: 'consideration',
    url: 'https://kopi.example/perbandingan.pdf',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Item>();
}

describe('stage content', () => {
  it("redirects a customer's tracked link to the material and records his Content Viewed touchpoint", async () => {
    const item = await anItem();
    const link = await asUser(t, manager, 'POST', url(`/content/${item.id}/links`), { customerId });
    expect(link.statusCode, link.body).toBe(201);
    const opened = await follow(link.json<{ path: string }>().path);
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe('https://kopi.example/perbandingan.pdf');
    expect(opened.headers['set-cookie']).toBeUndefined();
    expect(await eventNamesOf(t, customerId)).toContain('Content Viewed');
    expect((await journeyOf(t, customerId))?.stage).toBe('consideration');
  });

  it('counts views per item, per stage and per customer; the general link counts without a customer', async () => {
    const item = await anItem({ kind: 'price_list', title: 'Daftar harga', stage: 'purchase' });
    await follow(item.generalPath);
    await follow(item.generalPath);
    const link = await asUser(t, manager, 'POST', url(`/content/${item.id}/links`), { customerId });
    await follow(link.json<{ path: string }>().path);
    const stats = await asUser(t, analyst, 'GET', url('/content/views'));
    expect(stats.statusCode, stats.body).toBe(200);
    const body = stats.json<{
      byItem: { itemId: string; views: number; customers: number }[];
      byStage: { stage: string; views: number; customers: number }[];
      byCustomer: { customerId: string; views: number }[];
    }>();
    expect(body.byItem.find((r) => r.itemId === item.id)).toEqual({
      itemId: item.id,
      views: 3,
      customers: 1,
    });
    expect(body.byStage).toEqual(
      expect.arrayContaining([
        { stage: 'purchase', views: 3, customers: 1 },
        { stage: 'consideration', views: 1, customers: 1 },
      ]),
    );
    expect(body.byCustomer).toMatchObject([{ customerId, views: 2 }]);
  });

  it("shows each stage's content views on the journey map", async () => {
    const day = new Date(t.services.now()).toISOString().slice(0, 10);
    const response = await t.api('GET', `/journey/map?from=${day}&to=${day}`);
    expect(response.statusCode, response.body).toBe(200);
    const stages = response.json<{
      stages: { key: string; content: { views: number; customers: number } }[];
    }>().stages;
    expect(stages.find((s) => s.key === 'purchase')?.content).toEqual({ views: 3, customers: 1 });
    expect(stages.find((s) => s.key === 'consideration')?.content).toEqual({ views: 1, customers: 1 });
    expect(stages.find((s) => s.key === 'advocacy')?.content).toEqual({ views: 0, customers: 0 });
  });

  it('refuses a stage the journey does not have and an address that is not a web page, saying why', async () => {
    const stage = await asUser(t, manager, 'POST', url('/content'), {
      kind: 'case_study',
      title: 'Studi kasus',
      stage: 'loyalty',
      url: 'https://kopi.example/studi',
    });
    expect(stage.statusCode).toBe(400);
    expect(stage.json<ErrorBody>().error.message).toMatch(/stage must be one of awareness/);
    const address = await asUser(t, manager, 'POST', url('/content'), {
      kind: 'case_study',
      title: 'Studi kasus',
      stage: 'consideration',
      url: 'javascript:alert(1)',
    });
    expect(address.statusCode).toBe(400);
    expect(address.json<ErrorBody>().error.message).toMatch(/https:\/\//);
  });

  it('leads nowhere once archived, and lets an analyst read but not add, a cashier neither', async () => {
    const item = await anItem({ kind: 'demo_video', title: 'Video cara seduh' });
    const archived = await asUser(t, manager, 'PATCH', url(`/content/${item.id}`), { archived: true });
    expect(archived.statusCode, archived.body).toBe(200);
    expect((await follow(item.generalPath)).statusCode).toBe(404);
    expect((await asUser(t, analyst, 'GET', url('/content'))).statusCode).toBe(200);
    expect((await asUser(t, analyst, 'POST', url('/content'), {})).statusCode).toBe(403);
    expect((await asUser(t, cashier, 'GET', url('/content'))).statusCode).toBe(403);
  });
});
