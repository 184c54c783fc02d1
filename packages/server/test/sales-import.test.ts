import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { presetMapping } from '@jejak/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember } from './accounts.harness.ts';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let ws: string;
let branch: string;

const sample = readFileSync(
  new URL('../../core/test/sales/import/online-retail.sample.csv', import.meta.url),
);
const cdnow = readFileSync(new URL('../../core/test/sales/import/cdnow.sample.txt', import.meta.url));

beforeAll(async () => {
  t = await startTestApp();
  const shop = await t.services.workspaces.create({
    name: 'Online Retail UK',
    timezone: 'Europe/London',
    currency: 'GBP',
  });
  ws = shop.id;
  branch = (await t.services.branches.create(ws, { name: 'Web shop' })).id;
});
afterAll(() => t.close());

const importSales = (
  bytes: Uint8Array,
  dryRun: boolean,
  preset: 'online-retail' | 'cdnow' = 'online-retail',
) =>
  t.services.salesImport.importSales(ws, bytes, { mapping: presetMapping(preset), source: preset, dryRun });

async function counts() {
  const db = t.services.store.db;
  const one = async (
    table: 'orders' | 'order_lines' | 'order_refunds' | 'events' | 'products' | 'customers',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspace_id', '=', ws)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    orders: await one('orders'),
    lines: await one('order_lines'),
    refunds: await one('order_refunds'),
    events: await one('events'),
    products: await one('products'),
    customers: await one('customers'),
  };
}

describe('importing historical sales', () => {
  it('reports in a dry run what would be imported, line by line, and writes nothing', async () => {
    const summary = await importSales(gzipSync(sample), true);
    expect(summary).toMatchObject({
      dryRun: true,
      lines: { total: 19, inOrders: 10, inRefunds: 2, alreadyImported: 0, rejected: 7 },
      orders: { created: 5, guest: 1, alreadyImported: 0 },
      refunds: { created: 2, alreadyImported: 0 },
      customers: { created: 4 },
      products: { created: 9 },
      rejectedByCode: { stock_note: 2, adjustment: 2, no_original_sale: 2, return_without_customer: 1 },
    });
    expect(summary.errors.map((e) => e.line)).toEqual([5, 6, 7, 12, 13, 14, 19]);
    expect(await counts()).toMatchObject({ orders: 0, events: 0, products: 0, customers: 0 });
  });

  it('writes orders, guest sales, refunds of the original orders and the journey at the sales’ own times', async () => {
    const summary = await importSales(sample, false);
    expect(summary.lines).toEqual({ total: 19, inOrders: 10, inRefunds: 2, alreadyImported: 0, rejected: 7 });
    const db = t.services.store.db;
    const order = await db
      .selectFrom('orders')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('external_ref', '=', '536365')
      .executeTakeFirstOrThrow();
    // 6 × 2.55 + 6 × 3.39 + 8 × 2.75 + 6 × 2.55 (the invoice's repeated line), in pence; 2 lanterns back.
    expect(order).toMatchObject({
      source: 'online-retail',
      branch_id: branch,
      total: 1530 + 2034 + 2200 + 1530,
      refunded_total: 678,
      status: 'partially_refunded',
      completed_at: Date.parse('2010-12-01T08:26:00Z'),
    });
    const jar = await db
      .selectFrom('orders')
      .select(['status', 'customer_id'])
      .where('workspace_id', '=', ws)
      .where('external_ref', '=', '541431')
      .executeTakeFirstOrThrow();
    expect(jar.status).toBe('refunded');
    const guest = await db
      .selectFrom('orders')
      .select('customer_id')
      .where('workspace_id', '=', ws)
      .where('external_ref', '=', '539492')
      .executeTakeFirstOrThrow();
    expect(guest.customer_id).toBeNull();
    // Events carry money in major units as Segment clients send it (pounds here), orders in minor (pence).
    const completed = await db
      .selectFrom('events')
      .select('properties_json')
      .where('workspace_id', '=', ws)
      .where('message_id', '=', `order-completed:${order.id}`)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(completed.properties_json)).toMatchObject({
      total: 72.94,
      revenue: 72.94,
      currency: 'GBP',
    });
    const events = await db
      .selectFrom('events')
      .select(['name', 'at', 'channel'])
      .where('workspace_id', '=', ws)
      .where('customer_id', '=', order.customer_id!)
      .orderBy('at')
      .execute();
    expect(events.map((e) => [e.name, e.at])).toEqual([
      ['Identified', Date.parse('2010-12-01T08:26:00Z')],
      ['Order Completed', Date.parse('2010-12-01T08:26:00Z')],
      ['Order Refunded', Date.parse('2010-12-01T10:00:00Z')],
    ]);
    const state = await db
      .selectFrom('journey_states')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('customer_id', '=', order.customer_id!)
      .executeTakeFirstOrThrow();
    expect(state.stage).not.toBeNull();
    expect(state.stage).not.toBe('awareness');
    const product = await db
      .selectFrom('products')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('sku', '=', '85123A')
      .executeTakeFirstOrThrow();
    expect(product).toMatchObject({ name: 'WHITE HANGING HEART T-LIGHT HOLDER', price: 255 });
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await counts();
    const summary = await importSales(sample, false);
    expect(summary.lines).toEqual({ total: 19, inOrders: 0, inRefunds: 0, alreadyImported: 12, rejected: 7 });
    expect(summary.orders).toEqual({ created: 0, guest: 0, alreadyImported: 5 });
    expect(summary.refunds).toEqual({ created: 0, alreadyImported: 2 });
    expect(await counts()).toEqual(before);
  });

  it('imports CDNOW’s customer-days, and again adds nothing', async () => {
    const first = await importSales(cdnow, false, 'cdnow');
    expect(first.lines).toEqual({ total: 7, inOrders: 5, inRefunds: 0, alreadyImported: 0, rejected: 2 });
    expect(first.orders.created).toBe(4);
    const before = await counts();
    const again = await importSales(cdnow, false, 'cdnow');
    expect(again.lines.alreadyImported).toBe(5);
    expect(await counts()).toEqual(before);
  });

  it('refuses a mapping the file cannot give with a message naming the column', async () => {
    await expect(
      t.services.salesImport.importSales(ws, sample, {
        mapping: {
          ...presetMapping('online-retail'),
          columns: { ...presetMapping('online-retail').columns, date: 'Tanggal' },
        },
        source: 'x',
        dryRun: true,
      }),
    ).rejects.toThrow(/no column "Tanggal"/);
  });
});

describe('importing customers', () => {
  const csv = Buffer.from(
    [
      'Kode;Nama;No HP;Email',
      'P-001;Siti Rahma;0812-3456-7890;Siti@Toko.co.id',
      'P-002;Budi;+62 813 1111 2222;',
      ';Dewi;0857 2222 3333;',
      'P-003;Andi;12345;',
      ';Tanpa Kunci;;',
      'P-001;Siti lagi;;',
    ].join('\n'),
  );

  it('matches phones and emails by the identity rules, rejects what cannot be a key, and adds nothing again', async () => {
    const dry = await t.services.customerImport.importCustomers(ws, csv, { dryRun: true });
    expect(dry.lines).toEqual({ total: 6, imported: 3, alreadyImported: 0, rejected: 3 });
    expect(dry.errors.map((e) => [e.line, e.code])).toEqual([
      [5, 'bad_phone'],
      [6, 'no_key'],
      [7, 'duplicate'],
    ]);
    const first = await t.services.customerImport.importCustomers(ws, csv, { dryRun: false });
    expect(first.customers).toEqual({ created: 3, matched: 0 });
    const keys = await t.services.store.db
      .selectFrom('identity_keys')
      .select(['kind', 'value'])
      .where('workspace_id', '=', ws)
      .where('kind', 'in', ['phone', 'email'])
      .where('value', 'in', ['+6281234567890', 'siti@toko.co.id', '+6285722223333'])
      .execute();
    expect(keys).toHaveLength(3);
    const before = await counts();
    const again = await t.services.customerImport.importCustomers(ws, csv, { dryRun: false });
    expect(again.lines).toEqual({ total: 6, imported: 0, alreadyImported: 3, rejected: 3 });
    expect(await counts()).toEqual(before);
  });
});

describe('the import API', () => {
  const post = async (role: 'owner' | 'admin' | 'manager', query: string, body: Buffer | string) => {
    const user = await aMember(t, role, { workspaceId: ws, branchIds: role === 'manager' ? [branch] : [] });
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/imports/sales?${query}`,
      headers: { cookie: user.cookie, 'x-csrf-token': user.csrf, 'content-type': 'application/gzip' },
      payload: body,
    });
  };

  it('takes the gzipped file as the body and answers a dry run to an admin; a manager may not import', async () => {
    const dry = await post('admin', 'preset=online-retail&source=api-check&dryRun=true', gzipSync(sample));
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      source: 'api-check',
      lines: { total: 19, inOrders: 10 },
    });
    expect(dry.json<{ errors: unknown[] }>().errors[0]).toEqual({
      line: 5,
      code: 'no_original_sale',
      reason: expect.stringContaining('C536379') as unknown,
    });
    expect((await post('manager', 'preset=online-retail&dryRun=true', gzipSync(sample))).statusCode).toBe(
      403,
    );
  });

  it('answers 400 naming the problem for a missing mapping, an unknown column or an empty body', async () => {
    const none = await post('owner', 'dryRun=true', sample);
    expect(none.statusCode).toBe(400);
    expect(none.json<{ error: { message: string } }>().error.message).toMatch(/preset or map/);
    const unknown = await post('owner', 'preset=online-retail&map=Tanggal=date&dryRun=true', sample);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { message: string } }>().error.message).toMatch(/no column "Tanggal"/);
    expect((await post('owner', 'preset=online-retail', '')).statusCode).toBe(400);
  });
});
