import { DEFAULT_RULES } from '@jejak/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aTrack, anIdentify, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.close());

const PERSON = {
  userId: 'pelanggan-rina-77',
  email: 'rina.wijaya@contoh.id',
  phone: '+6281234567890',
  name: 'Rina Wijaya',
};

/** Every text value of every table, to look for what must be gone. */
async function everyValue(t: TestApp): Promise<string> {
  const tables =
    t.store.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.store.db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
          t.store.db,
        );
  const dumps: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql`select * from ${sql.table(name)}`.execute(t.store.db);
    dumps.push(JSON.stringify(rows.rows));
  }
  return dumps.join('\n');
}

/** Her email, phone (as given and as dialled), name, user id and anonymous id. */
const HER_VALUES = [PERSON.userId, PERSON.email, PERSON.phone, '81234567890', PERSON.name, 'anon-rina'];

async function expectNoneOfHer(t: TestApp) {
  const everything = await everyValue(t);
  for (const value of HER_VALUES) expect(everything, value).not.toContain(value);
}

/** The overview's counts per stage and status, which an erasure must leave as they were. */
async function counts(t: TestApp) {
  const overview = (await t.api('GET', '/journey/overview')).json<{
    customers: number;
    stages: unknown;
    statuses: unknown;
  }>();
  // Labels aside: a rules change may rename a stage.
  const stages = (overview.stages as { key: string; customers: number }[]).map((s) => [s.key, s.customers]);
  return { customers: overview.customers, stages, statuses: overview.statuses };
}

async function rinaId(): Promise<string> {
  const page = await t.services.customers.list(t.workspace.id, { limit: 10, search: PERSON.email });
  return page.items[0]!.id;
}

async function seedRina() {
  await t.ingest([
    anIdentify({
      anonymousId: 'anon-rina',
      userId: PERSON.userId,
      traits: { email: PERSON.email, phone: PERSON.phone, name: PERSON.name },
    }),
    aTrack({ userId: PERSON.userId, event: 'Order Completed', properties: { total: 45000 } }),
    aTrack({ anonymousId: 'anon-other', event: 'Product Viewed' }),
    // Refused (no event name), but it carries her email: it must go too.
    { type: 'track', messageId: 'bad-1', userId: PERSON.userId, properties: { email: PERSON.email } },
  ]);
}

describe('personal data', () => {
  it('exports everything held about one customer as JSON', async () => {
    await seedRina();
    const id = await rinaId();
    const response = await t.api('GET', `/customers/${id}/export`);
    expect(response.statusCode).toBe(200);
    const record = response.json<{
      customers: { email: string }[];
      identityKeys: { value: string }[];
      events: unknown[];
    }>();
    expect(record.customers[0]!.email).toBe(PERSON.email);
    expect(record.identityKeys.map((k) => k.value)).toEqual(
      expect.arrayContaining([PERSON.userId, PERSON.email]),
    );
    expect(record.events).toHaveLength(2);
  });

  it('erases a customer so that no table holds their personal data, and keeps the counts', async () => {
    await seedRina();
    const id = await rinaId();
    const before = (await t.api('GET', '/journey/overview')).json<{ customers: number }>();
    expect(await everyValue(t)).toContain(PERSON.email);
    const erased = await t.api('POST', `/customers/${id}/erase`, {});
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ events: 2, quarantined: 1 });

    await expectNoneOfHer(t);
    expect(await everyValue(t)).toContain('anon-other');
    expect((await t.api('GET', '/journey/overview')).json()).toMatchObject({ customers: before.customers });
    const audit = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${t.workspace.id}/audit?action=customer.erase`,
        headers: { authorization: `Bearer ${t.adminKey}` },
      })
    ).json<{ items: { target: string }[] }>();
    expect(audit.items).toEqual([expect.objectContaining({ target: `customer:${id}` })]);
  });

  it('starts a new customer when the same identity comes back after an erasure', async () => {
    await seedRina();
    const id = await rinaId();
    await t.api('POST', `/customers/${id}/erase`, {});
    await t.ingest([aTrack({ userId: PERSON.userId, event: 'Product Viewed' })]);
    const customers = (await t.api('GET', '/customers')).json<{ items: { id: string }[] }>().items;
    expect(customers).toHaveLength(3);
    const detail = (await t.api('GET', `/customers/${id}`)).json<{ timeline: unknown[] }>();
    expect(detail.timeline.filter((e) => (e as { kind: string }).kind === 'event')).toHaveLength(0);
  });

  it('keeps an erased customer erased, and counted, through a rebuild and a rules change', async () => {
    await seedRina();
    const id = await rinaId();
    const before = await counts(t);
    await t.api('POST', `/customers/${id}/erase`, {});

    await t.services.rebuild.run({ workspaceId: t.workspace.id });
    await expectNoneOfHer(t);
    expect(await counts(t)).toEqual(before);

    const rules = structuredClone(DEFAULT_RULES) as { stages: { label: { id: string } }[] };
    rules.stages[0]!.label.id = 'Kenal';
    const saved = await t.api('PUT', '/journey/rules', { rules });
    expect(saved.statusCode).toBe(200);
    await expectNoneOfHer(t);
    expect(await counts(t)).toEqual(before);
    const [row] = await t.store.db.selectFrom('customers').selectAll().where('id', '=', id).execute();
    expect(row).toMatchObject({ name: null, email: null, phone: null, traits_json: '{}' });
    expect(row!.erased_at).not.toBeNull();
    const detail = (await t.api('GET', `/customers/${id}`)).json<{ timeline: { kind: string }[] }>();
    expect(detail.timeline.filter((e) => e.kind === 'event')).toHaveLength(0);
  });

  it('attaches nothing new to an erased customer: no sale, survey link, note or merge', async () => {
    await seedRina();
    const id = await rinaId();
    await t.api('POST', `/customers/${id}/erase`, {});
    const other = (await t.api('GET', '/customers'))
      .json<{ items: { id: string }[] }>()
      .items.find((c) => c.id !== id)!;
    const survey = await t.services.surveys.create(t.workspace.id, {
      name: 'Puas?',
      kind: 'csat',
      questions: [{ key: 'csat', type: 'csat', required: true, label: { id: 'Puas?', en: 'Satisfied?' } }],
    });
    const branch = await t.services.branches.create(t.workspace.id, { name: 'Outlet' });
    const product = await t.services.products.create(t.workspace.id, {
      sku: 'K-1',
      name: 'Kopi',
      price: 5_000,
    });
    const seller = { id: null, name: 'kasir', role: null };
    const receipt = { productId: product.id, kind: 'received' as const, quantity: 5 };
    await t.services.stock.record(t.workspace.id, branch.id, receipt, seller);
    const sale = {
      customerId: id,
      lines: [{ productId: product.id, quantity: 1 }],
      payments: [{ method: 'cash', amount: 5_000 }],
    };
    for (const [method, url, body] of [
      ['POST', `/branches/${branch.id}/orders`, sale],
      ['POST', `/surveys/${survey.id}/links`, { customerId: id }],
      ['POST', '/merges', { survivorId: id, mergedId: other.id }],
      ['POST', '/merges', { survivorId: other.id, mergedId: id }],
      ['POST', '/interviews', { customerId: id, stage: 'experience', title: 'Wawancara', body: 'Catatan' }],
    ] as const) {
      const refused = await t.api(method, url, body);
      expect(refused.statusCode, `${method} ${url}`).toBe(409);
      expect(refused.json<ErrorBody>().error.code).toBe('customer_erased');
    }
    await expectNoneOfHer(t);
  });
});
