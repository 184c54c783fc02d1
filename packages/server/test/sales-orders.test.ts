import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from './accounts.harness.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { openShop, salesUrl, sell, type OrderBody, type Shop } from './sales.harness.ts';

let t: TestApp;
let shop: Shop;

beforeAll(async () => {
  t = await startTestApp();
  shop = await openShop(t);
});
afterAll(() => t.close());

async function customerAtTheTill(phone: string, name?: string) {
  const response = await asUser(t, shop.cashier, 'POST', salesUrl(t, '/sales/customers'), {
    phone,
    ...(name ? { name } : {}),
  });
  return {
    status: response.statusCode,
    customer: response.json<{ id: string; name: string; phone: string }>(),
  };
}

async function onHand(productId: string, branch = shop.branch) {
  const response = await asUser(t, shop.manager, 'GET', salesUrl(t, `/branches/${branch}/stock`));
  return response
    .json<{ items: { productId: string; onHand: number }[] }>()
    .items.find((l) => l.productId === productId)?.onHand;
}

describe('checkout at the counter', () => {
  it('sells to a customer found by phone, split between cash with change and QRIS, PPN included', async () => {
    const added = await customerAtTheTill('0812-3456-7801', 'Siti Rahayu');
    expect(added.status).toBe(201);
    const found = await customerAtTheTill('+62 812 3456 7801');
    expect(found).toMatchObject({
      status: 200,
      customer: { id: added.customer.id, phone: '+6281234567801' },
    });

    const response = await sell(t, shop, {
      customerId: added.customer.id,
      lines: [
        { productId: shop.product.kopi, quantity: 2 },
        { productId: shop.product.latte, quantity: 1 },
      ],
      payments: [
        { method: 'cash', amount: 20_000, tendered: 50_000 },
        { method: 'qris', amount: 38_000, reference: 'QR-0001' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const order = response.json<OrderBody>();
    // 58,000 including 11% PPN: 58,000 − round(58,000 / 1.11) = 58,000 − 52,252 = 5,748.
    expect(order).toMatchObject({ status: 'completed', total: 58_000, taxTotal: 5_748, changeDue: 30_000 });
    expect(order.customer).toMatchObject({ id: added.customer.id, name: 'Siti Rahayu' });
    expect(order.payments.map((p) => [p.method, p.amount, p.change])).toEqual([
      ['cash', 20_000, 30_000],
      ['qris', 38_000, 0],
    ]);
    expect(await onHand(shop.product.kopi)).toBe(8);

    const detail = await t.services.customers.detail(t.workspace.id, added.customer.id);
    expect(detail.journey).toMatchObject({ stage: 'purchase', orderCount: 1 });
    const moves = detail.timeline.filter((e) => e.kind === 'transition' && e.transition === 'stage');
    expect(moves).toContainEqual(
      expect.objectContaining({ to: 'purchase', cause: `order-completed:${order.id}` }),
    );
    const completed = detail.timeline.find((e) => e.kind === 'event' && e.name === 'Order Completed');
    expect(completed).toMatchObject({
      channel: 'store',
      properties: { order_id: order.id, total: 58_000, branch_id: shop.branch, employee: 'cashier' },
    });
  });

  it('sells to a guest without touching any journey, and numbers receipts per branch', async () => {
    const first = (await sell(t, shop, guestSale())).json<OrderBody>();
    const second = (await sell(t, shop, guestSale())).json<OrderBody>();
    expect(first.customer).toBeNull();
    expect(second.receiptNo).toBe(first.receiptNo + 1);
  });

  it('returns the stored order when the till sends the same sale again', async () => {
    const body = { ...guestSale(), externalRef: 'till-7-000123' };
    const first = await sell(t, shop, body);
    const again = await sell(t, shop, body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json<OrderBody>().id).toBe(first.json<OrderBody>().id);
  });

  it('refuses payments that do not cover the total, naming the problem', async () => {
    const response = await sell(t, shop, { ...guestSale(), payments: [{ method: 'qris', amount: 1_000 }] });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(
      /payments: the payments add up to 1000/,
    );
    const other = await sell(t, shop, { ...guestSale(), payments: [{ method: 'other', amount: 22_000 }] });
    expect(other.json<{ error: { message: string } }>().error.message).toMatch(/needs a name/);
  });

  it('refuses to sell what is not in stock when the workspace says so, and names the product', async () => {
    const response = await sell(t, shop, {
      lines: [{ productId: shop.product.roti, quantity: 11 }],
      payments: [{ method: 'cash', amount: 137_500 }],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { message: string } }>().error.message).toBe(
      'Not enough Roti Bakar Cokelat in stock: 10 left, 11 needed',
    );
    expect(await onHand(shop.product.roti)).toBe(10);
  });

  it('keeps a cashier to their own branch', async () => {
    const response = await sell(t, shop, guestSale(), shop.cashier, shop.otherBranch);
    expect(response.statusCode).toBe(404);
    const list = await asUser(t, shop.cashier, 'GET', salesUrl(t, '/orders'));
    expect(
      list.json<{ items: { branchId: string }[] }>().items.every((o) => o.branchId === shop.branch),
    ).toBe(true);
  });

  it('shows a receipt by its link, without the customer’s phone', async () => {
    const { customer } = await customerAtTheTill('081234567802', 'Budi');
    const order = (await sell(t, shop, { ...guestSale(), customerId: customer.id })).json<OrderBody>();
    const receipt = await t.app.inject({ method: 'GET', url: `/api/v1/receipts/${order.shareToken}` });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json()).toMatchObject({
      shop: 'Kopi Uji',
      branch: { name: 'Outlet Kemang' },
      customerName: 'Budi',
    });
    expect(receipt.body).not.toContain('81234567802');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/receipts/not-a-real-token' })).statusCode).toBe(
      404,
    );
  });
});

describe('refunds and voids', () => {
  it('refuses a refund or a void by a cashier, and keeps the order as it was', async () => {
    const order = (await sell(t, shop, guestSale())).json<OrderBody>();
    const refund = await asUser(t, shop.cashier, 'POST', orderUrl(order, '/refunds'), {
      reason: 'Pelanggan berubah pikiran',
      lines: [{ lineId: order.lines[0]!.id, quantity: 1 }],
    });
    const voided = await asUser(t, shop.cashier, 'POST', orderUrl(order, '/void'), { reason: 'Salah input' });
    expect([refund.statusCode, voided.statusCode]).toEqual([403, 403]);
    const stored = await asUser(t, shop.cashier, 'GET', orderUrl(order));
    expect(stored.json<OrderBody>()).toMatchObject({ status: 'completed', refundedTotal: 0, history: [] });
  });

  it('lets a manager refund part of an order, back to the chosen method, kept in the order’s history', async () => {
    const { customer } = await customerAtTheTill('081234567803', 'Ayu');
    const order = (
      await sell(t, shop, {
        customerId: customer.id,
        lines: [{ productId: shop.product.roti, quantity: 3 }],
        payments: [
          { method: 'cash', amount: 17_500 },
          { method: 'gopay', amount: 20_000 },
        ],
      })
    ).json<OrderBody>();
    const before = await onHand(shop.product.roti);
    const response = await asUser(t, shop.manager, 'POST', orderUrl(order, '/refunds'), {
      reason: 'Roti gosong',
      lines: [{ lineId: order.lines[0]!.id, quantity: 1 }],
      payTo: [{ method: 'gopay', amount: 12_500 }],
    });
    expect(response.statusCode).toBe(201);
    const refunded = response.json<OrderBody>();
    expect(refunded).toMatchObject({ status: 'partially_refunded', refundedTotal: 12_500 });
    expect(refunded.payments.map((p) => p.refundedAmount)).toEqual([0, 12_500]);
    expect(refunded.history).toEqual([
      expect.objectContaining({
        kind: 'refund',
        reason: 'Roti gosong',
        amount: 12_500,
        actorName: 'manager',
        actorRole: 'manager',
      }),
    ]);
    expect(await onHand(shop.product.roti)).toBe(before! + 1);
    const audit = await t.services.audit.list(t.workspace.id, {}, { limit: 20 });
    expect(audit.items.map((a) => a.action)).toContain('order.refund');
  });

  it('never gives back more than was paid, per line and per method', async () => {
    const order = (
      await sell(t, shop, {
        lines: [{ productId: shop.product.latte, quantity: 2 }],
        payments: [
          { method: 'cash', amount: 4_000 },
          { method: 'qris', amount: 40_000 },
        ],
      })
    ).json<OrderBody>();
    const refund = (body: object) =>
      asUser(t, shop.manager, 'POST', orderUrl(order, '/refunds'), { reason: 'Tumpah', ...body });
    const line = order.lines[0]!.id;
    const tooMuchCash = await refund({
      lines: [{ lineId: line, quantity: 1 }],
      payTo: [{ method: 'cash', amount: 22_000 }],
    });
    expect(tooMuchCash.statusCode).toBe(400);
    expect(tooMuchCash.json<{ error: { message: string } }>().error.message).toMatch(
      /18000 more than was paid/,
    );
    expect((await refund({ lines: [{ lineId: line, quantity: 2 }] })).statusCode).toBe(201);
    const again = await refund({ lines: [{ lineId: line, quantity: 1 }] });
    expect(again.statusCode).toBe(400);
    expect(again.json<{ error: { message: string } }>().error.message).toMatch(
      /from 1 to 0 \(left to refund\)/,
    );
    const stored = (await asUser(t, shop.manager, 'GET', orderUrl(order))).json<OrderBody>();
    expect(stored).toMatchObject({ status: 'refunded', refundedTotal: 44_000 });
    expect(stored.payments.map((p) => p.refundedAmount)).toEqual([4_000, 40_000]);
  });

  it('moves the journey on a full refund as the rules say: the stage stays, risk rises', async () => {
    const { customer } = await customerAtTheTill('081234567804', 'Rina');
    const order = (await sell(t, shop, { ...guestSale(), customerId: customer.id })).json<OrderBody>();
    const response = await asUser(t, shop.manager, 'POST', orderUrl(order, '/refunds'), {
      reason: 'Pesanan salah',
      lines: [{ lineId: order.lines[0]!.id, quantity: 1 }],
    });
    expect(response.json<OrderBody>().status).toBe('refunded');
    const detail = await t.services.customers.detail(t.workspace.id, customer.id);
    expect(detail.journey).toMatchObject({ stage: 'purchase', risk: 'raised' });
    const refunded = detail.timeline.find((e) => e.kind === 'event' && e.name === 'Order Refunded');
    expect(refunded).toMatchObject({ properties: { total: 22_000, full: true } });
  });

  it('voids a whole sale: stock back, payments returned, Order Cancelled on the journey, no second void', async () => {
    const { customer } = await customerAtTheTill('081234567805', 'Dodi');
    const before = await onHand(shop.product.kopi);
    const order = (
      await sell(t, shop, {
        customerId: customer.id,
        lines: [{ productId: shop.product.kopi, quantity: 1 }],
        payments: [{ method: 'debit_card', amount: 18_000 }],
      })
    ).json<OrderBody>();
    expect(await onHand(shop.product.kopi)).toBe(before! - 1);
    const voided = await asUser(t, shop.manager, 'POST', orderUrl(order, '/void'), {
      reason: 'Salah input kasir',
    });
    expect(voided.statusCode).toBe(200);
    expect(voided.json<OrderBody>()).toMatchObject({ status: 'voided', refundedTotal: 18_000 });
    expect(await onHand(shop.product.kopi)).toBe(before);
    const again = await asUser(t, shop.manager, 'POST', orderUrl(order, '/void'), {
      reason: 'Salah input kasir',
    });
    expect(again.statusCode).toBe(409);
    const detail = await t.services.customers.detail(t.workspace.id, customer.id);
    expect(detail.timeline).toContainEqual(
      expect.objectContaining({ kind: 'event', name: 'Order Cancelled' }),
    );
    const ledger = await asUser(
      t,
      shop.manager,
      'GET',
      salesUrl(t, `/branches/${shop.branch}/stock/${shop.product.kopi}/movements`),
    );
    expect(
      ledger
        .json<{ items: { kind: string }[] }>()
        .items.slice(0, 2)
        .map((m) => m.kind),
    ).toEqual(['voided', 'sold']);
  });

  it('leaves every journey as a rebuild from the stored events computes it', async () => {
    const customers = (await t.services.customers.list(t.workspace.id, { limit: 100 })).items.map(
      (c) => c.id,
    );
    const journeys = async () =>
      Promise.all(
        customers.map(async (id) => (await t.services.customers.detail(t.workspace.id, id)).journey),
      );
    const before = await journeys();
    expect(before.filter((j) => j?.stage === 'purchase').length).toBeGreaterThanOrEqual(4);
    await t.services.rebuild.run({ workspaceId: t.workspace.id });
    expect(await journeys()).toEqual(before);
  });

  it('refuses to delete a branch that has sales, and to sell at an archived one', async () => {
    const deleted = await asUser(t, shop.owner, 'DELETE', salesUrl(t, `/branches/${shop.branch}`));
    expect(deleted.statusCode).toBe(409);
    await t.services.branches.archive(t.workspace.id, shop.otherBranch);
    const response = await sell(t, shop, guestSale(), shop.owner, shop.otherBranch);
    expect(response.statusCode).toBe(409);
    await t.services.branches.restore(t.workspace.id, shop.otherBranch);
  });

  it('asks for a reason', async () => {
    const order = (await sell(t, shop, guestSale())).json<OrderBody>();
    const response = await asUser(t, shop.manager, 'POST', orderUrl(order, '/void'), { reason: '  ' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(/reason/);
  });
});

function guestSale() {
  return {
    lines: [{ productId: shop.product.latte, quantity: 1 }],
    payments: [{ method: 'cash', amount: 22_000 }],
  };
}

function orderUrl(order: { id: string }, rest = '') {
  return salesUrl(t, `/branches/${shop.branch}/orders/${order.id}${rest}`);
}
