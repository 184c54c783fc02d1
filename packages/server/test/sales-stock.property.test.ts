import fc from 'fast-check';
import { StockRepository } from '@jejak/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/sales/actor.ts';
import { startTestApp, type TestApp } from './harness.ts';

/*
 * Any mix of goods received, sales, refunds, voids, corrections and transfers, through the services:
 * afterwards every stock level equals the sum of its ledger, and both equal a plain model of what the
 * successful operations should have done. Refused operations (not enough stock, nothing left to
 * refund, a second void) change nothing.
 */

const manager: Actor = { id: null, name: 'Manajer Uji', role: 'manager' };
const PRICES = [18_000, 12_500];

type Op =
  | { kind: 'receive'; branch: number; product: number; quantity: number }
  | { kind: 'adjust'; branch: number; product: number; quantity: number }
  | { kind: 'transfer'; branch: number; product: number; quantity: number }
  | { kind: 'sell'; branch: number; lines: { product: number; quantity: number }[] }
  | { kind: 'refund'; order: number; line: number; quantity: number }
  | { kind: 'void'; order: number };

const branch = fc.integer({ min: 0, max: 1 });
const product = fc.integer({ min: 0, max: 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    branch,
    product,
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    branch,
    product,
    quantity: fc.integer({ min: -3, max: 3 }).filter((q) => q !== 0),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    branch,
    product,
    quantity: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('sell' as const),
    branch,
    lines: fc.uniqueArray(fc.record({ product, quantity: fc.integer({ min: 1, max: 3 }) }), {
      minLength: 1,
      maxLength: 2,
      selector: (l) => l.product,
    }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    order: fc.nat(20),
    line: fc.nat(1),
    quantity: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('void' as const), order: fc.nat(20) }),
);

let t: TestApp;
let runs = 0;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function run(ops: Op[], allowNegativeStock: boolean) {
  const s = t.services;
  const ws = (await s.workspaces.create({ name: `Toko Properti ${(runs += 1)}` })).id;
  await s.salesSettings.put(ws, { taxRateBp: 1100, taxMode: 'included', allowNegativeStock });
  const branches = [
    (await s.branches.create(ws, { name: 'A' })).id,
    (await s.branches.create(ws, { name: 'B' })).id,
  ];
  const products: string[] = [];
  for (const [i, price] of PRICES.entries()) {
    products.push((await s.products.create(ws, { sku: `P${i}`, name: `Produk ${i}`, price })).id);
  }
  const model = new Map<string, number>();
  const add = (b: number, p: number, q: number) =>
    model.set(`${branches[b]}|${products[p]}`, (model.get(`${branches[b]}|${products[p]}`) ?? 0) + q);
  const orders: { id: string; branch: number; lines: { id: string; product: number }[] }[] = [];
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
      return true;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === undefined) throw error;
      return false;
    }
  };
  for (const o of ops) {
    switch (o.kind) {
      case 'receive':
      case 'adjust': {
        const body = {
          productId: products[o.product]!,
          kind: o.kind === 'receive' ? ('received' as const) : ('adjusted' as const),
          quantity: o.quantity,
          reason: 'Stok opname',
        };
        if (await attempt(() => s.stock.record(ws, branches[o.branch]!, body, manager)))
          add(o.branch, o.product, o.quantity);
        break;
      }
      case 'transfer': {
        const to = 1 - o.branch;
        const body = {
          toBranchId: branches[to]!,
          lines: [{ productId: products[o.product]!, quantity: o.quantity }],
        };
        if (await attempt(() => s.stock.transfer(ws, branches[o.branch]!, body, manager))) {
          add(o.branch, o.product, -o.quantity);
          add(to, o.product, o.quantity);
        }
        break;
      }
      case 'sell': {
        const total = o.lines.reduce((sum, l) => sum + PRICES[l.product]! * l.quantity, 0);
        const body = {
          lines: o.lines.map((l) => ({ productId: products[l.product]!, quantity: l.quantity })),
          payments: [{ method: 'cash' as const, amount: total }],
        };
        let placed: Awaited<ReturnType<typeof s.orders.checkout>> | undefined;
        if (
          await attempt(
            async () => (placed = await s.orders.checkout(ws, branches[o.branch]!, body, manager)),
          )
        ) {
          for (const l of o.lines) add(o.branch, l.product, -l.quantity);
          orders.push({
            id: placed!.order.id,
            branch: o.branch,
            lines: placed!.order.lines.map((l, i) => ({ id: l.id, product: o.lines[i]!.product })),
          });
        }
        break;
      }
      case 'refund': {
        const order = orders[o.order % Math.max(orders.length, 1)];
        const line = order?.lines[o.line % (order?.lines.length ?? 1)];
        if (!order || !line) break;
        const body = { reason: 'Dikembalikan', lines: [{ lineId: line.id, quantity: o.quantity }] };
        if (await attempt(() => s.refunds.refund(ws, branches[order.branch]!, order.id, body, manager))) {
          add(order.branch, line.product, o.quantity);
        }
        break;
      }
      case 'void': {
        const order = orders[o.order % Math.max(orders.length, 1)];
        if (!order) break;
        const view = await s.orders.get(ws, branches[order.branch]!, order.id);
        if (
          await attempt(() => s.refunds.void(ws, branches[order.branch]!, order.id, 'Salah input', manager))
        ) {
          view.lines.forEach((l, i) => add(order.branch, order.lines[i]!.product, l.quantity));
        }
        break;
      }
    }
  }
  const levels = await new StockRepository(t.store.db).reconcile(ws);
  for (const level of levels) {
    expect(level.onHand, 'level = ledger').toBe(level.ledger);
    expect(level.onHand, 'level = model').toBe(model.get(`${level.branchId}|${level.productId}`) ?? 0);
    if (!allowNegativeStock) expect(level.onHand).toBeGreaterThanOrEqual(0);
  }
  for (const [key, quantity] of model) {
    if (quantity !== 0)
      expect(
        levels.some((l) => `${l.branchId}|${l.productId}` === key),
        key,
      ).toBe(true);
  }
}

describe('the stock ledger', () => {
  it('sums to the stock level after any mix of sales, refunds, voids, corrections and transfers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 18 }), fc.boolean(), (ops, allowNegative) =>
        run(ops, allowNegative),
      ),
      { numRuns: 30 },
    );
  });
});
