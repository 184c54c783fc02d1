import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aTrack, anIdentify, startTestApp, type TestApp } from './harness.ts';

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

    const everything = await everyValue(t);
    for (const value of [
      PERSON.userId,
      PERSON.email,
      PERSON.phone,
      '81234567890',
      PERSON.name,
      'anon-rina',
    ]) {
      expect(everything, value).not.toContain(value);
    }
    expect(everything).toContain('anon-other');
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
});
