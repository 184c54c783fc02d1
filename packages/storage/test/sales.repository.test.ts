import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BranchRepository,
  OrderRepository,
  ProductRepository,
  StockRepository,
  WorkspaceRepository,
  writeTransaction,
  type NewOrder,
  type NewOrderLine,
  type NewOrderPayment,
  type NewProduct,
  type Store,
} from '../src/index.ts';
import { aWorkspace, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

let store: Store;
let ws: string;
let branch: string;

function aProduct(overrides: Partial<NewProduct> = {}): NewProduct {
  return {
    id: randomUUID(),
    workspace_id: ws,
    sku: `SKU-${randomUUID().slice(0, 8)}`,
    barcode: null,
    name: 'Kopi Susu Gula Aren',
    category: 'Minuman',
    unit: 'cup',
    price: 18_000,
    cost: 7_000,
    active: 1,
    track_stock: 1,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

function anOrder(overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    id: randomUUID(),
    workspace_id: ws,
    branch_id: branch,
    receipt_no: Math.floor(Math.random() * 1e9),
    source: 'counter',
    external_ref: null,
    customer_id: null,
    employee_id: null,
    employee_name: 'Dewi',
    status: 'completed',
    subtotal: 20_000,
    order_discount: 0,
    discount_total: 0,
    tax_total: 1_982,
    tax_rate_bp: 1100,
    tax_mode: 'included',
    total: 20_000,
    change_due: 0,
    refunded_total: 0,
    note: null,
    share_token: randomUUID(),
    version: 0,
    completed_at: T0,
    created_at: T0,
    ...overrides,
  };
}

function linesOf(orderId: string, productId: string): NewOrderLine[] {
  return [
    {
      id: randomUUID(),
      workspace_id: ws,
      order_id: orderId,
      line_no: 1,
      product_id: productId,
      sku: 'KSA',
      name: 'Kopi Susu Gula Aren',
      category: null,
      quantity: 2,
      unit_price: 10_000,
      unit_cost: 4_000,
      gross: 20_000,
      line_discount: 0,
      order_discount_share: 0,
      tax: 1_982,
      total: 20_000,
      refunded_quantity: 0,
      refunded_amount: 0,
    },
  ];
}

function paymentsOf(orderId: string): NewOrderPayment[] {
  return [
    {
      id: randomUUID(),
      workspace_id: ws,
      order_id: orderId,
      seq: 1,
      method: 'qris',
      label: null,
      reference: null,
      amount: 20_000,
      tendered: 20_000,
      change: 0,
      refunded_amount: 0,
    },
  ];
}

beforeAll(async () => {
  store = await openTestStore();
  ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  branch = (
    await new BranchRepository(store.db).create({
      id: randomUUID(),
      workspace_id: ws,
      name: 'Outlet Kemang',
      address: null,
      timezone: 'Asia/Jakarta',
      currency: 'IDR',
      created_at: T0,
    })
  ).id;
});
afterAll(() => store.close());

describe('ProductRepository', () => {
  it('finds a product by barcode or SKU, and refuses a second product with the same SKU', async () => {
    const products = new ProductRepository(store.db);
    const made = await products.create(aProduct({ sku: 'KSA-01', barcode: '8991234567890' }));
    expect((await products.findByCode(ws, '8991234567890'))?.id).toBe(made.id);
    expect((await products.findByCode(ws, 'KSA-01'))?.id).toBe(made.id);
    await expect(products.create(aProduct({ sku: 'KSA-01' }))).rejects.toThrow();
    // Many products may have no barcode.
    await products.create(aProduct());
    await products.create(aProduct());
  });

  it('upserts by SKU: new rows inserted, known rows updated, ids kept', async () => {
    const products = new ProductRepository(store.db);
    const known = await products.create(aProduct({ sku: 'ROTI-1', price: 10_000 }));
    await products.upsertMany([
      aProduct({ sku: 'ROTI-1', price: 12_000, name: 'Roti Bakar' }),
      aProduct({ sku: 'ROTI-2', price: 9_000 }),
    ]);
    const [one, two] = await products
      .getBySkus(ws, ['ROTI-1', 'ROTI-2'])
      .then((rows) => rows.sort((a, b) => a.sku.localeCompare(b.sku)));
    expect(one).toMatchObject({ id: known.id, price: 12_000, name: 'Roti Bakar' });
    expect(two).toMatchObject({ price: 9_000 });
  });

  it('pages products by name and searches name, SKU and category', async () => {
    const products = new ProductRepository(store.db);
    for (const name of ['Teh Tarik', 'Teh Manis', 'Teh Hijau']) await products.create(aProduct({ name }));
    const first = await products.list(ws, { search: 'teh', limit: 2 });
    expect(first.items.map((p) => p.name)).toEqual(['Teh Hijau', 'Teh Manis']);
    const second = await products.list(ws, { search: 'teh', limit: 2, cursor: first.nextCursor });
    expect(second.items.map((p) => p.name)).toEqual(['Teh Tarik']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('StockRepository', () => {
  it('keeps the level equal to the sum of the movements and refuses going below zero when asked', async () => {
    const product = await new ProductRepository(store.db).create(aProduct());
    const stock = new StockRepository(store.db);
    const at = T0;
    const base = {
      workspaceId: ws,
      branchId: branch,
      productId: product.id,
      actorId: null,
      actorLabel: 'test',
      at,
    };
    expect(await stock.move({ ...base, kind: 'received', quantity: 3 }, true)).toMatchObject({
      on_hand_after: 3,
    });
    expect(await stock.move({ ...base, kind: 'sold', quantity: -2 }, true)).toMatchObject({
      on_hand_after: 1,
    });
    expect(await stock.move({ ...base, kind: 'sold', quantity: -2 }, true)).toBeUndefined();
    expect(await stock.move({ ...base, kind: 'sold', quantity: -2 }, false)).toMatchObject({
      on_hand_after: -1,
    });
    expect(await stock.onHand(ws, branch, product.id)).toBe(-1);
    const line = (await stock.reconcile(ws)).find((r) => r.productId === product.id);
    expect(line).toEqual({ branchId: branch, productId: product.id, onHand: -1, ledger: -1 });
    const movements = await stock.movements(ws, branch, product.id, { limit: 10 });
    expect(movements.map((m) => [m.kind, m.quantity, m.on_hand_after])).toEqual([
      ['sold', -2, -1],
      ['sold', -2, 1],
      ['received', 3, 3],
    ]);
  });

  it('lists what is running low at a branch', async () => {
    const product = await new ProductRepository(store.db).create(aProduct({ name: 'Susu Oat' }));
    const stock = new StockRepository(store.db);
    await stock.setThreshold(ws, branch, product.id, 5, T0);
    const base = {
      workspaceId: ws,
      branchId: branch,
      productId: product.id,
      actorId: null,
      actorLabel: 't',
      at: T0,
    };
    await stock.move({ ...base, kind: 'received', quantity: 5 }, true);
    expect((await stock.levels(ws, [branch], { lowOnly: true })).map((l) => l.name)).toContain('Susu Oat');
    await stock.move({ ...base, kind: 'received', quantity: 1 }, true);
    expect((await stock.levels(ws, [branch], { lowOnly: true })).map((l) => l.name)).not.toContain(
      'Susu Oat',
    );
  });
});

describe('OrderRepository', () => {
  it('numbers receipts per branch without gaps', async () => {
    const orders = new OrderRepository(store.db);
    const first = await orders.nextReceiptNumbers(ws, branch);
    expect(await orders.nextReceiptNumbers(ws, branch, 3)).toBe(first + 1);
    expect(await orders.nextReceiptNumbers(ws, branch)).toBe(first + 4);
  });

  it('stores an order with the same external reference once', async () => {
    const product = await new ProductRepository(store.db).create(aProduct());
    const orders = new OrderRepository(store.db);
    const first = anOrder({ source: 'online-retail', external_ref: '536365' });
    expect(await orders.insert(first, linesOf(first.id, product.id), paymentsOf(first.id))).toBe(true);
    const again = anOrder({ source: 'online-retail', external_ref: '536365' });
    expect(await orders.insert(again, linesOf(again.id, product.id), paymentsOf(again.id))).toBe(false);
    expect((await orders.getByExternalRef(ws, 'online-retail', '536365'))?.id).toBe(first.id);
    expect(await orders.get(ws, again.id)).toBeUndefined();
    // Another source may use the same number.
    const other = anOrder({ source: 'cdnow', external_ref: '536365' });
    expect(await orders.insert(other, [], [])).toBe(true);
  });

  it('records a refund only at the version it was planned on, and never more than a line or payment took', async () => {
    const product = await new ProductRepository(store.db).create(aProduct());
    const orders = new OrderRepository(store.db);
    const order = anOrder();
    const lines = linesOf(order.id, product.id);
    const payments = paymentsOf(order.id);
    await orders.insert(order, lines, payments);
    const refund = (amount: number, quantity: number) => ({
      refund: {
        id: randomUUID(),
        workspace_id: ws,
        order_id: order.id,
        kind: 'refund' as const,
        reason: 'Salah pesan',
        amount,
        restocked: 1,
        actor_id: null,
        actor_label: 'Manajer',
        actor_role: 'manager',
        at: T0,
      },
      lines: [{ orderLineId: lines[0]!.id, quantity, amount }],
      payments: [{ paymentId: payments[0]!.id, method: 'qris', amount }],
    });
    expect(await orders.recordRefund(refund(10_000, 1), 0, 'partially_refunded')).toBe(true);
    // Planned on version 0, but the order has moved on.
    expect(await orders.recordRefund(refund(10_000, 1), 0, 'refunded')).toBe(false);
    // More than the line and the payment took: the database itself refuses, and nothing is kept.
    await expect(
      writeTransaction(store, (trx) =>
        new OrderRepository(trx).recordRefund(refund(15_000, 1), 1, 'refunded'),
      ),
    ).rejects.toThrow();
    const record = await orders.record((await orders.get(ws, order.id))!);
    expect(record.order).toMatchObject({ refunded_total: 10_000, version: 1, status: 'partially_refunded' });
    expect(record.lines[0]).toMatchObject({ refunded_quantity: 1, refunded_amount: 10_000 });
    expect(record.payments[0]).toMatchObject({ refunded_amount: 10_000 });
    expect(record.refunds).toHaveLength(1);
    expect(record.refunds[0]!.lines).toHaveLength(1);
  });
});
