import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from './accounts.harness.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { openShop, salesUrl, type Shop } from './sales.harness.ts';

let t: TestApp;
let shop: Shop;

beforeAll(async () => {
  t = await startTestApp();
  shop = await openShop(t);
});
afterAll(() => t.close());

const CSV = [
  'SKU;Nama;Kategori;Harga;Modal;Barcode;Satuan',
  'TEH-01;Teh Tarik;Minuman;15.000;4.000;8990000000011;cup',
  'TEH-02;Teh Manis;Minuman;8000;2000;;cup',
  'TEH-03;Teh Rusak;Minuman;8000,50;2000;;cup',
  'TEH-01;Teh Tarik Lagi;Minuman;16000;4000;;cup',
  ';Tanpa SKU;Minuman;1000;0;;pcs',
  'TEH-04;Teh Curian;Minuman;9000;0;8991234500017;cup',
].join('\n');

function importCsv(csv: string, dryRun = false) {
  return asUser(t, shop.owner, 'POST', salesUrl(t, '/products/import'), { csv, dryRun });
}

describe('product CSV', () => {
  it('checks a file in a dry run, reporting every refused row by line, and writes nothing', async () => {
    const response = await importCsv(CSV, true);
    const report = response.json<{
      dryRun: boolean;
      created: number;
      updated: number;
      rejected: { line: number; code: string; reason: string }[];
    }>();
    expect(report).toMatchObject({ dryRun: true, created: 2, updated: 0 });
    expect(report.rejected.map((r) => [r.line, r.code, r.reason])).toEqual([
      [4, 'not_rupiah', 'price "8000,50" is not a whole number of Rupiah'],
      [5, 'duplicate_sku', 'sku TEH-01 is already on line 2'],
      [6, 'empty', 'sku is empty'],
      [7, 'barcode_taken', 'barcode 8991234500017 already belongs to sku KOPI-250'],
    ]);
    const list = await asUser(t, shop.owner, 'GET', salesUrl(t, '/products?search=TEH-0'));
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it('imports the good rows, then updates them in place on a second run', async () => {
    expect((await importCsv(CSV)).json()).toMatchObject({ created: 2, updated: 0 });
    const found = await asUser(t, shop.cashier, 'GET', salesUrl(t, '/products/by-code/8990000000011'));
    expect(found.json()).toMatchObject({
      sku: 'TEH-01',
      name: 'Teh Tarik',
      price: 15_000,
      unit: 'cup',
      cost: null,
    });
    const again = await importCsv('sku,name,price\nTEH-01,Teh Tarik Besar,17000\n');
    expect(again.json()).toMatchObject({ created: 0, updated: 1, rejected: [] });
    const updated = await asUser(
      t,
      shop.owner,
      'GET',
      salesUrl(t, `/products/${found.json<{ id: string }>().id}`),
    );
    expect(updated.json()).toMatchObject({ name: 'Teh Tarik Besar', price: 17_000, cost: 0 });
  });

  it('exports the catalogue in the columns the import reads, so a round trip changes nothing', async () => {
    const exported = await asUser(t, shop.owner, 'GET', salesUrl(t, '/products/export'));
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    expect(exported.body.split('\n')[0]).toBe('sku,barcode,name,category,unit,price,cost,active,track_stock');
    expect(exported.body).toContain('LATTE,,Es Kopi Susu,Minuman,pcs,22000,6000,1,0');
    const roundTrip = await importCsv(exported.body, true);
    const count = exported.body.trim().split('\n').length - 1;
    expect(roundTrip.json()).toEqual({ dryRun: true, created: 0, updated: count, rejected: [] });
  });

  it('refuses a file without the needed columns, and a cashier changing the catalogue', async () => {
    const bad = await importCsv('nama,harga\nTeh,1000\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toBe('The header has no sku column');
    const cashier = await asUser(t, shop.cashier, 'POST', salesUrl(t, '/products/import'), { csv: CSV });
    expect(cashier.statusCode).toBe(403);
  });

  it('refuses a second product with a barcode already taken, naming the product that has it', async () => {
    const response = await asUser(t, shop.owner, 'POST', salesUrl(t, '/products'), {
      sku: 'NEW-1',
      name: 'Baru',
      price: 1000,
      barcode: '8991234500024',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { message: string } }>().error.message).toBe(
      'Barcode 8991234500024 already belongs to Roti Bakar Cokelat (ROTI-01)',
    );
  });
});

describe('stock', () => {
  it('lists what runs low, and explains a level line by line', async () => {
    const url = salesUrl(t, `/branches/${shop.branch}/stock/${shop.product.roti}`);
    expect((await asUser(t, shop.manager, 'PUT', `${url}/threshold`, { threshold: 12 })).statusCode).toBe(
      200,
    );
    const low = await asUser(t, shop.cashier, 'GET', salesUrl(t, '/stock/low'));
    expect(low.json()).toMatchObject({
      items: [{ name: 'Roti Bakar Cokelat', onHand: 10, lowThreshold: 12, low: true }],
    });
    const adjust = await asUser(
      t,
      shop.manager,
      'POST',
      salesUrl(t, `/branches/${shop.branch}/stock/movements`),
      {
        productId: shop.product.roti,
        kind: 'adjusted',
        quantity: -2,
      },
    );
    expect(adjust.json<{ error: { message: string } }>().error.message).toBe(
      'body/reason is required for an adjustment',
    );
    await asUser(t, shop.manager, 'POST', salesUrl(t, `/branches/${shop.branch}/stock/movements`), {
      productId: shop.product.roti,
      kind: 'adjusted',
      quantity: -2,
      reason: 'Rusak saat dikirim',
    });
    const transfer = await asUser(
      t,
      shop.owner,
      'POST',
      salesUrl(t, `/branches/${shop.branch}/stock/transfers`),
      {
        toBranchId: shop.otherBranch,
        lines: [{ productId: shop.product.roti, quantity: 3 }],
      },
    );
    expect(transfer.statusCode).toBe(201);
    const ledger = await asUser(t, shop.manager, 'GET', `${url}/movements`);
    expect(
      ledger
        .json<{ items: { kind: string; quantity: number; onHandAfter: number }[] }>()
        .items.map((m) => [m.kind, m.quantity, m.onHandAfter]),
    ).toEqual([
      ['transfer_out', -3, 5],
      ['adjusted', -2, 8],
      ['received', 10, 10],
    ]);
    // The manager works at the first outlet only; the owner sees the other one received the goods.
    expect(
      (await asUser(t, shop.manager, 'GET', salesUrl(t, `/branches/${shop.otherBranch}/stock`))).statusCode,
    ).toBe(404);
    const there = await asUser(t, shop.owner, 'GET', salesUrl(t, `/branches/${shop.otherBranch}/stock`));
    expect(there.json<{ items: { productId: string; onHand: number }[] }>().items).toContainEqual(
      expect.objectContaining({ productId: shop.product.roti, onHand: 3 }),
    );
  });
});
