import { priceOrder, type Discount } from '@jejak/core';
import { offsetSegments } from '../src/reports/report-period.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { DAY, HOUR, startTestApp, T0, type TestApp } from './harness.ts';
import { openShop, salesUrl, sell, type Shop } from './sales.harness.ts';

/*
 * The reports against an independent reckoning: a few weeks of generated sales at two outlets (line and
 * order discounts, PPN included, split payments, partial refunds on later days, a void), then every
 * report compared with a plain fold over the orders as the order API shows them.
 */

interface Order {
  id: string;
  status: string;
  branchId: string;
  employeeName: string;
  completedAt: number;
  total: number;
  discountTotal: number;
  taxTotal: number;
  lines: { id: string; productId: string; name: string; quantity: number; tax: number; total: number }[];
  payments: { method: string; amount: number }[];
  history: {
    kind: string;
    amount: number;
    at: number;
    lines: { lineId: string; quantity: number; amount: number }[];
    payments: { method: string; amount: number }[];
  }[];
}

const JAKARTA = 7 * HOUR;
const dayOf = (at: number) => Math.floor((at + JAKARTA) / DAY);
const dayText = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const halfUp = (a: number, b: number, c: number) => Math.floor((2 * a * b + c) / (2 * c));

let t: TestApp;
let shop: Shop;
let analyst: SignedInUser;
const orders: Order[] = [];
const cost: Record<string, number> = {};
const category: Record<string, string> = {};
const price: Record<string, number> = {};

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

const FIRST_DAY = dayOf(T0);
const period = { from: dayText(FIRST_DAY + 2), to: dayText(FIRST_DAY + 16) };

beforeAll(async () => {
  // The sales span a month of the test's clock: sessions must outlast it.
  t = await startTestApp({ config: { sessionTtlMs: 365 * DAY } });
  shop = await openShop(t);
  analyst = await aMember(t, 'analyst');
  const ws = t.workspace.id;
  const odd = await asUser(t, shop.owner, 'POST', `/api/v1/workspaces/${ws}/products`, {
    sku: 'PROMO',
    name: '=Paket "Hemat", pagi',
    category: 'Promo',
    price: 30_000,
    cost: 11_000,
    trackStock: false,
  });
  const products = [
    [shop.product.kopi, 9_000, 'Kopi', 18_000],
    [shop.product.roti, 5_000, 'Makanan', 12_500],
    [shop.product.latte, 6_000, 'Minuman', 22_000],
    [odd.json<{ id: string }>().id, 11_000, 'Promo', 30_000],
  ] as const;
  for (const [id, c, cat, p] of products) {
    cost[id] = c;
    category[id] = cat;
    price[id] = p;
  }
  for (const branch of [shop.branch, shop.otherBranch]) {
    for (const productId of [shop.product.kopi, shop.product.roti]) {
      await asUser(t, shop.owner, 'POST', salesUrl(t, `/branches/${branch}/stock/movements`), {
        productId,
        kind: 'received',
        quantity: 500,
      });
    }
  }

  const draw = random(20261125);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(draw() * xs.length)]!;
  const sales: { at: number; branch: string; who: SignedInUser }[] = [];
  for (let i = 0; i < 70; i++) {
    // Across 20 days, some in the last half hour of a Jakarta day (16:30 UTC and after).
    const day = Math.floor(draw() * 20);
    const at = Math.floor(
      FIRST_DAY * DAY - JAKARTA + day * DAY + (draw() < 0.15 ? 23.5 * HOUR : (7 + draw() * 14) * HOUR),
    );
    const atFirst = draw() < 0.6;
    sales.push({
      at,
      branch: atFirst ? shop.branch : shop.otherBranch,
      who: atFirst ? pick([shop.cashier, shop.manager]) : shop.owner,
    });
  }
  sales.sort((a, b) => a.at - b.at);
  const refunds: { at: number; order: Order; who: SignedInUser; kind: 'refund' | 'void' }[] = [];
  for (const sale of sales) {
    t.setNow(sale.at);
    const lines = Array.from({ length: 1 + Math.floor(draw() * 3) }, () => {
      const productId = pick(products)[0];
      const discount: Discount | undefined =
        draw() < 0.2
          ? pick([
              { type: 'percent', value: 10 },
              { type: 'amount', value: 2_000 },
            ] as const)
          : undefined;
      return { productId, quantity: 1 + Math.floor(draw() * 3), ...(discount ? { discount } : {}) };
    });
    const orderDiscount: Discount | undefined = draw() < 0.15 ? { type: 'percent', value: 5 } : undefined;
    const { total } = priceOrder(
      lines.map((l) => ({
        quantity: l.quantity,
        unitPrice: price[l.productId]!,
        ...(l.discount ? { discount: l.discount } : {}),
      })),
      orderDiscount,
      { rateBp: 1100, mode: 'included' },
    );
    const split = draw();
    const payments =
      split < 0.35
        ? [
            {
              method: 'cash',
              amount: Math.floor(total / 2),
              tendered: Math.ceil(total / 2 / 50_000) * 50_000 + 50_000,
            },
            { method: pick(['qris', 'gopay', 'debit_card']), amount: total - Math.floor(total / 2) },
          ]
        : [{ method: pick(['cash', 'qris', 'ovo', 'bank_transfer', 'credit_card']), amount: total }];
    const response = await sell(
      t,
      shop,
      { lines, payments, ...(orderDiscount ? { orderDiscount } : {}) },
      sale.who,
      sale.branch,
    );
    if (response.statusCode !== 201) throw new Error(`sale: ${response.body}`);
    const order = response.json<Order>();
    const roll = draw();
    const who = sale.branch === shop.branch ? shop.manager : shop.owner;
    if (roll < 0.3)
      refunds.push({ at: sale.at + Math.floor((0.2 + draw() * 6) * DAY), order, who, kind: 'refund' });
    else if (roll < 0.34) refunds.push({ at: sale.at + HOUR, order, who, kind: 'void' });
  }
  refunds.sort((a, b) => a.at - b.at);
  for (const r of refunds) {
    t.setNow(r.at);
    const url = salesUrl(t, `/branches/${r.order.branchId}/orders/${r.order.id}`);
    const response =
      r.kind === 'void'
        ? await asUser(t, r.who, 'POST', `${url}/void`, { reason: 'Salah input kasir' })
        : await asUser(t, r.who, 'POST', `${url}/refunds`, {
            reason: 'Pelanggan mengembalikan',
            lines: [{ lineId: r.order.lines[0]!.id, quantity: Math.max(1, r.order.lines[0]!.quantity - 1) }],
          });
    if (response.statusCode >= 300) throw new Error(`${r.kind}: ${response.body}`);
  }
  for (const sale of await listOrders()) orders.push(sale);
}, 120_000);
afterAll(() => t.close());

async function listOrders(): Promise<Order[]> {
  const out: Order[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: string; branchId: string }[]; nextCursor: string | null } = (
      await asUser(t, shop.owner, 'GET', salesUrl(t, `/orders?limit=500${cursor ? `&cursor=${cursor}` : ''}`))
    ).json();
    for (const o of page.items) {
      out.push(
        (
          await asUser(t, shop.owner, 'GET', salesUrl(t, `/branches/${o.branchId}/orders/${o.id}`))
        ).json<Order>(),
      );
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

interface Sums {
  orders: number;
  sales: number;
  discounts: number;
  tax: number;
  net: number;
  cost: number;
  refunds: number;
  refunded: number;
  refundedNet: number;
  refundedCost: number;
}
const zero = (): Sums => ({
  orders: 0,
  sales: 0,
  discounts: 0,
  tax: 0,
  net: 0,
  cost: 0,
  refunds: 0,
  refunded: 0,
  refundedNet: 0,
  refundedCost: 0,
});

/** The independent reckoning: a fold over the orders, keyed by what a report breaks them down by. */
function fold(keyOf: (o: Order, at: number) => string, branches?: string[]) {
  const from = Date.parse(`${period.from}T00:00:00+07:00`);
  const to = Date.parse(`${period.to}T00:00:00+07:00`) + DAY;
  const out = new Map<string, Sums>();
  const at = (k: string) => out.get(k) ?? (out.set(k, zero()), out.get(k)!);
  for (const o of orders) {
    if (branches && !branches.includes(o.branchId)) continue;
    if (o.status !== 'voided' && o.completedAt >= from && o.completedAt < to) {
      const s = at(keyOf(o, o.completedAt));
      s.orders++;
      s.sales += o.total;
      s.discounts += o.discountTotal;
      s.tax += o.taxTotal;
      for (const l of o.lines) {
        s.net += l.total - l.tax;
        s.cost += l.quantity * cost[l.productId]!;
      }
    }
    for (const h of o.history) {
      if (h.kind !== 'refund' || h.at < from || h.at >= to) continue;
      const s = at(keyOf(o, h.at));
      s.refunds++;
      s.refunded += h.amount;
      for (const hl of h.lines) {
        const line = o.lines.find((l) => l.id === hl.lineId)!;
        s.refundedNet += hl.amount - halfUp(hl.amount, line.tax, line.total);
        s.refundedCost += hl.quantity * cost[line.productId]!;
      }
    }
  }
  return out;
}

function figures(s: Sums) {
  const revenue = s.net - s.refundedNet;
  const grossProfit = revenue - (s.cost - s.refundedCost);
  return {
    orders: s.orders,
    sales: s.sales,
    discounts: s.discounts,
    tax: s.tax,
    refunds: s.refunds,
    refunded: s.refunded,
    netSales: s.sales - s.refunded,
    revenue,
    cost: s.cost - s.refundedCost,
    grossProfit,
    margin: revenue === 0 ? null : Math.round((grossProfit / revenue) * 10_000) / 10_000,
    averageOrder: s.orders === 0 ? null : Math.round(s.sales / s.orders),
  };
}

const total = (m: Map<string, Sums>) =>
  [...m.values()].reduce((a, b) => {
    const out = zero();
    for (const k of Object.keys(out) as (keyof Sums)[]) out[k] = a[k] + b[k];
    return out;
  }, zero());

async function report<T>(path: string, who: SignedInUser = shop.owner) {
  const response = await asUser(t, who, 'GET', salesUrl(t, `/reports/${path}`));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

const q = (extra = '') => `from=${period.from}&to=${period.to}${extra}`;

describe('business reports', () => {
  it('has sales with refunds, voids and split payments to report on', () => {
    expect(orders.length).toBe(70);
    expect(orders.some((o) => o.status === 'voided')).toBe(true);
    expect(orders.some((o) => o.history.some((h) => h.kind === 'refund'))).toBe(true);
    expect(orders.some((o) => o.payments.length === 2)).toBe(true);
  });

  it('gives sales, orders, average order and margin per day, matching a fold over the orders', async () => {
    const body = await report<{ totals: object; rows: ({ start: string } & object)[] }>(`sales?${q()}`);
    const expected = fold((_o, at) => dayText(dayOf(at)));
    expect(body.rows).toHaveLength(15);
    for (const row of body.rows) {
      const { start, ...rest } = row;
      expect(rest, start).toEqual(figures(expected.get(start) ?? zero()));
    }
    expect(body.totals).toEqual(figures(total(expected)));
  });

  it('rolls days into ISO weeks and calendar months', async () => {
    const weeks = await report<{ rows: { start: string; netSales: number; orders: number }[] }>(
      `sales?${q('&interval=week')}`,
    );
    const monday = (day: number) => day - ((((day + 3) % 7) + 7) % 7);
    const byWeek = fold((_o, at) => dayText(monday(dayOf(at))));
    for (const row of weeks.rows) expect(row).toMatchObject(figures(byWeek.get(row.start) ?? zero()));
    expect(weeks.rows.map((r) => new Date(r.start).getUTCDay())).toEqual(weeks.rows.map(() => 1));
    const months = await report<{ rows: { start: string }[] }>(`sales?${q('&interval=month')}`);
    const byMonth = fold((_o, at) => `${dayText(dayOf(at)).slice(0, 7)}-01`);
    for (const row of months.rows) expect(row).toMatchObject(figures(byMonth.get(row.start) ?? zero()));
  });

  it('breaks sales down by branch and by employee', async () => {
    const branches = await report<{ rows: { branchId: string; name: string }[] }>(`branches?${q()}`);
    const byBranch = fold((o) => o.branchId);
    expect(branches.rows.map((r) => r.name).sort()).toEqual(['Outlet Depok', 'Outlet Kemang']);
    for (const row of branches.rows) expect(row).toMatchObject(figures(byBranch.get(row.branchId)!));
    const employees = await report<{ rows: { name: string }[] }>(`employees?${q()}`);
    const byEmployee = fold((o) => o.employeeName);
    expect(employees.rows.map((r) => r.name).sort()).toEqual(['cashier', 'manager', 'owner']);
    for (const row of employees.rows) expect(row).toMatchObject(figures(byEmployee.get(row.name)!));
  });

  it('breaks lines down by product and category, refunds taking back their share of PPN and cost', async () => {
    const lineFold = (keyOf: (productId: string) => string) => {
      const out = new Map<
        string,
        {
          quantity: number;
          refundedQuantity: number;
          sales: number;
          refunded: number;
          net: number;
          cost: number;
        }
      >();
      const from = Date.parse(`${period.from}T00:00:00+07:00`);
      const to = Date.parse(`${period.to}T00:00:00+07:00`) + DAY;
      const at = (k: string) =>
        out.get(k) ??
        (out.set(k, { quantity: 0, refundedQuantity: 0, sales: 0, refunded: 0, net: 0, cost: 0 }),
        out.get(k)!);
      for (const o of orders) {
        if (o.status !== 'voided' && o.completedAt >= from && o.completedAt < to) {
          for (const l of o.lines) {
            const s = at(keyOf(l.productId));
            s.quantity += l.quantity;
            s.sales += l.total;
            s.net += l.total - l.tax;
            s.cost += l.quantity * cost[l.productId]!;
          }
        }
        for (const h of o.history.filter((x) => x.kind === 'refund' && x.at >= from && x.at < to)) {
          for (const hl of h.lines) {
            const line = o.lines.find((l) => l.id === hl.lineId)!;
            const s = at(keyOf(line.productId));
            s.refundedQuantity += hl.quantity;
            s.refunded += hl.amount;
            s.net -= hl.amount - halfUp(hl.amount, line.tax, line.total);
            s.cost -= hl.quantity * cost[line.productId]!;
          }
        }
      }
      return out;
    };
    const expectRow = (
      row: Record<string, unknown>,
      s: ReturnType<ReturnType<typeof lineFold>['get']> & object,
    ) =>
      expect(row).toMatchObject({
        quantity: s.quantity,
        refundedQuantity: s.refundedQuantity,
        sales: s.sales,
        refunded: s.refunded,
        netSales: s.sales - s.refunded,
        revenue: s.net,
        cost: s.cost,
        grossProfit: s.net - s.cost,
      });
    const products = await report<{ rows: ({ productId: string } & Record<string, unknown>)[] }>(
      `products?${q()}`,
    );
    const byProduct = lineFold((id) => id);
    expect(products.rows).toHaveLength(byProduct.size);
    for (const row of products.rows) expectRow(row, byProduct.get(row.productId)!);
    const categories = await report<{ rows: ({ category: string } & Record<string, unknown>)[] }>(
      `categories?${q()}`,
    );
    const byCategory = lineFold((id) => category[id]!);
    for (const row of categories.rows) expectRow(row, byCategory.get(row.category)!);
  });

  it('adds up each payment method, split payments counted in both methods', async () => {
    const body = await report<{
      rows: { method: string; payments: number; amount: number; refunded: number }[];
    }>(`payments?${q()}`);
    const from = Date.parse(`${period.from}T00:00:00+07:00`);
    const to = Date.parse(`${period.to}T00:00:00+07:00`) + DAY;
    const expected = new Map<string, { payments: number; amount: number; refunded: number }>();
    const at = (m: string) =>
      expected.get(m) ?? (expected.set(m, { payments: 0, amount: 0, refunded: 0 }), expected.get(m)!);
    for (const o of orders) {
      if (o.status !== 'voided' && o.completedAt >= from && o.completedAt < to) {
        for (const p of o.payments) {
          at(p.method).payments++;
          at(p.method).amount += p.amount;
        }
      }
      for (const h of o.history.filter((x) => x.kind === 'refund' && x.at >= from && x.at < to)) {
        for (const p of h.payments) at(p.method).refunded += p.amount;
      }
    }
    expect(
      Object.fromEntries(
        body.rows.map((r) => [r.method, { payments: r.payments, amount: r.amount, refunded: r.refunded }]),
      ),
    ).toEqual(Object.fromEntries(expected));
  });

  it('lists the refunds and voids of the period', async () => {
    const body = await report<{
      totals: { refunds: number; refunded: number; voids: number };
      rows: { kind: string; amount: number }[];
    }>(`refunds?${q()}`);
    const from = Date.parse(`${period.from}T00:00:00+07:00`);
    const to = Date.parse(`${period.to}T00:00:00+07:00`) + DAY;
    const made = orders.flatMap((o) => o.history).filter((h) => h.at >= from && h.at < to);
    expect(body.rows).toHaveLength(made.length);
    expect(body.totals.refunds).toBe(made.filter((h) => h.kind === 'refund').length);
    expect(body.totals.voids).toBe(made.filter((h) => h.kind === 'void').length);
    expect(body.totals.refunded).toBe(
      made.filter((h) => h.kind === 'refund').reduce((s, h) => s + h.amount, 0),
    );
  });

  it('values the stock on hand at cost and at price per branch', async () => {
    const body = await report<{
      rows: { branchId: string; units: number; costValue: number; retailValue: number }[];
    }>('stock-value');
    for (const branch of [shop.branch, shop.otherBranch]) {
      const stock = (await asUser(t, shop.owner, 'GET', salesUrl(t, `/branches/${branch}/stock`))).json<{
        items: { productId: string; onHand: number }[];
      }>();
      const rows = body.rows.filter((r) => r.branchId === branch);
      expect(rows.reduce((s, r) => s + r.costValue, 0)).toBe(
        stock.items.reduce((s, l) => s + Math.max(0, l.onHand) * cost[l.productId]!, 0),
      );
      expect(rows.reduce((s, r) => s + r.retailValue, 0)).toBe(
        stock.items.reduce((s, l) => s + Math.max(0, l.onHand) * price[l.productId]!, 0),
      );
    }
  });

  it('keeps a manager to his branch, lets the analyst read, and refuses the cashier', async () => {
    const mine = await report<{ totals: object; filter: { branches: string[] } }>(
      `sales?${q()}`,
      shop.manager,
    );
    expect(mine.filter.branches).toEqual([shop.branch]);
    expect(mine.totals).toEqual(figures(total(fold(() => 'all', [shop.branch]))));
    const other = await asUser(
      t,
      shop.manager,
      'GET',
      salesUrl(t, `/reports/sales?branch=${shop.otherBranch}`),
    );
    expect(other.statusCode).toBe(404);
    const filtered = await report<{ totals: object }>(
      `branches?${q(`&branch=${shop.otherBranch}`)}`,
      analyst,
    );
    expect(filtered.totals).toEqual(figures(total(fold(() => 'all', [shop.otherBranch]))));
    const cashier = await asUser(t, shop.cashier, 'GET', salesUrl(t, '/reports/sales'));
    expect(cashier.statusCode).toBe(403);
  });

  it('refuses a period that is not one, naming the parameter', async () => {
    const bad = await asUser(t, shop.owner, 'GET', salesUrl(t, '/reports/sales?from=2026-02-30'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(
      /from \(2026-02-30\) is not a date/,
    );
    const long = await asUser(
      t,
      shop.owner,
      'GET',
      salesUrl(t, '/reports/products?from=2020-01-01&to=2026-01-01'),
    );
    expect(long.statusCode).toBe(400);
    const interval = await asUser(t, shop.owner, 'GET', salesUrl(t, '/reports/sales?interval=year'));
    expect(interval.statusCode).toBe(400);
  });

  it('exports each report as CSV: a header row, Rupiah as whole numbers, text escaped', async () => {
    const plain = await asUser(t, shop.owner, 'GET', salesUrl(t, `/reports/products/csv?${q('&lang=en')}`));
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^text\/csv/);
    expect(plain.headers['content-disposition']).toBe(
      `attachment; filename="penjualan-per-produk-${period.from}-${period.to}.csv"`,
    );
    const lines = plain.body.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'sku,product,category,quantity,refunded_quantity,sales,refunded,net_sales,revenue,cost,gross_profit,margin_pct',
    );
    // A name that would start a formula, with quotes and a comma: quoted, doubled quotes, an apostrophe in front.
    expect(plain.body).toContain(`PROMO,"'=Paket ""Hemat"", pagi",Promo,`);
    const json = await report<{ rows: { sku: string; netSales: number; margin: number }[] }>(
      `products?${q()}`,
    );
    const promo = json.rows.find((r) => r.sku === 'PROMO')!;
    const cells = lines.find((l) => l.startsWith('PROMO'))!.split(',');
    expect(cells.at(-5)).toBe(String(promo.netSales));
    expect(cells.at(-1)).toBe((Math.round(promo.margin * 1000) / 10).toFixed(1));

    const excel = await asUser(
      t,
      shop.owner,
      'GET',
      salesUrl(t, `/reports/sales/csv?${q('&delimiter=semicolon')}`),
    );
    expect(excel.body.startsWith('\ufeffmulai;pesanan;penjualan;')).toBe(true);
    expect(excel.body).toContain('\r\n');
    expect(excel.body.trimEnd().split('\r\n')).toHaveLength(16);
    expect(excel.body).toMatch(/;\d+,\d;\d+\r\n/);

    for (const name of ['categories', 'branches', 'employees', 'payments', 'refunds', 'stock-value']) {
      const response = await asUser(t, analyst, 'GET', salesUrl(t, `/reports/${name}/csv?${q()}`));
      expect(response.statusCode, name).toBe(200);
    }
    const bad = await asUser(t, shop.owner, 'GET', salesUrl(t, '/reports/sales/csv?delimiter=tab'));
    expect(bad.statusCode).toBe(400);
  });
});

describe('report days in a zone with daylight saving', () => {
  it('cuts the period where the offset changes, to the quarter hour', () => {
    const from = Date.parse('2026-03-01T00:00:00+01:00');
    const to = Date.parse('2026-04-01T00:00:00+02:00');
    expect(offsetSegments(from, to, 'Europe/Berlin')).toEqual([
      { until: Date.parse('2026-03-29T01:00:00Z'), offset: HOUR },
      { until: null, offset: 2 * HOUR },
    ]);
    expect(offsetSegments(from, to, 'Asia/Makassar')).toEqual([{ until: null, offset: 8 * HOUR }]);
  });
});
