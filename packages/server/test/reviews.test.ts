import { JourneySignalRepository } from '@jejak/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { startTestApp, type ErrorBody, type TestApp } from './harness.ts';
import { openShop, salesUrl, sell, type OrderBody, type Shop } from './sales.harness.ts';
import { eventNamesOf, journeyOf } from './support.harness.ts';

let t: TestApp;
let shop: Shop;
let analyst: SignedInUser;
let customerId: string;
let orderId: string;

interface ReviewBody {
  id: string;
  status: string;
  verified: boolean;
  source: string;
  rating: number;
  reply: string | null;
}
interface WidgetBody {
  business: string;
  timeZone: string;
  summary: { count: number; average: number; distribution: number[] } | null;
  reviews: { id: string; body: string; verified: boolean; reply: string | null }[];
}

beforeAll(async () => {
  t = await startTestApp();
  shop = await openShop(t);
  analyst = await aMember(t, 'analyst');
  const added = await asUser(t, shop.cashier, 'POST', salesUrl(t, '/sales/customers'), {
    phone: '0812-5555-0101',
    name: 'Rina Wijaya',
  });
  customerId = added.json<{ id: string }>().id;
  const sale = await sell(t, shop, {
    customerId,
    lines: [{ productId: shop.product.kopi, quantity: 1 }],
    payments: [{ method: 'cash', amount: 18_000, tendered: 20_000 }],
  });
  expect(sale.statusCode, sale.body).toBe(201);
  orderId = sale.json<OrderBody>().id;
});
afterAll(() => t.close());

const url = (path: string) => salesUrl(t, path);
const publicReview = (token: string, body: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/public/reviews/${token}`, payload: body });
const widget = async (token: string, productId?: string) => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/public/review-widget/${token}${productId ? `?productId=${productId}` : ''}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['access-control-allow-origin']).toBe('*');
  return response.json<WidgetBody>();
};

async function reviewLink(): Promise<string> {
  const link = await asUser(t, shop.manager, 'POST', url('/reviews/links'), {
    orderId,
    productId: shop.product.kopi,
  });
  expect(link.statusCode, link.body).toBe(201);
  return link.json<{ token: string }>().token;
}

describe('product reviews', () => {
  it("takes one review per personal link, as a verified buyer's, and moves the buyer's journey", async () => {
    const token = await reviewLink();
    const form = await t.app.inject({ method: 'GET', url: `/api/v1/public/reviews/${token}` });
    expect(form.headers['set-cookie']).toBeUndefined();
    expect(form.json()).toMatchObject({ productName: 'Biji Kopi Gayo 250 g', reviewed: false });
    const first = await publicReview(token, { rating: 5, body: 'Harum sekali', authorName: 'Rina' });
    expect(first.statusCode, first.body).toBe(201);
    const second = await publicReview(token, { rating: 1, body: 'Ganti pikiran', authorName: 'Rina' });
    expect(second.statusCode).toBe(409);
    expect(second.json<ErrorBody>().error.code).toBe('already_reviewed');
    const list = await asUser(t, shop.manager, 'GET', url('/reviews?status=pending'));
    expect(list.json<{ items: ReviewBody[] }>().items).toMatchObject([
      { rating: 5, verified: true, source: 'link', status: 'pending' },
    ]);
    expect(await eventNamesOf(t, customerId)).toContain('Review Posted');
    expect((await journeyOf(t, customerId))?.stage).toBe('advocacy');
    const signals = await new JourneySignalRepository(t.store.db).listForCustomer(t.workspace.id, customerId);
    expect(signals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ measure: 'rating', score: 5, sentiment: 'positive' }),
      ]),
    );
  });

  it('takes exactly one of several reviews racing through one link', async () => {
    const token = await reviewLink();
    const results = await Promise.all(
      [1, 2, 3].map((n) => publicReview(token, { rating: 4, body: `Ulasan ${n}`, authorName: 'Rina' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('refuses a link for a product the order does not have, and a rating out of range, saying why', async () => {
    const wrong = await asUser(t, shop.manager, 'POST', url('/reviews/links'), {
      orderId,
      productId: shop.product.roti,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().error.message).toMatch(/not in order/);
    const token = await reviewLink();
    const bad = await publicReview(token, { rating: 6, body: '', authorName: 'Rina' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toMatch(/rating/);
  });

  it('shows only approved reviews in the widget, with the reply, and counts them', async () => {
    const token = (await asUser(t, analyst, 'GET', url('/reviews/widget'))).json<{ token: string }>().token;
    const product = shop.product.latte;
    const entered: ReviewBody[] = [];
    for (const [rating, body] of [
      [4, 'Manisnya pas'],
      [2, 'Terlalu encer'],
      [5, 'Favorit saya'],
    ] as const) {
      const response = await asUser(t, shop.manager, 'POST', url('/reviews'), {
        productId: product,
        rating,
        body,
        authorName: 'Pelanggan toko',
      });
      expect(response.statusCode, response.body).toBe(201);
      entered.push(response.json<ReviewBody>());
    }
    expect((await widget(token, product)).reviews).toEqual([]);
    const [good, bad, best] = entered as [ReviewBody, ReviewBody, ReviewBody];
    for (const [id, body] of [
      [good.id, { status: 'approved', reply: 'Terima kasih!' }],
      [bad.id, { status: 'hidden' }],
      [best.id, { status: 'approved' }],
    ] as const) {
      const response = await asUser(t, shop.manager, 'PATCH', url(`/reviews/${id}`), body);
      expect(response.statusCode, response.body).toBe(200);
    }
    const shown = await widget(token, product);
    // The test clock stands still, so both were written at one moment: compare them as a set.
    expect(shown.reviews.map((r) => r.body).sort()).toEqual(['Favorit saya', 'Manisnya pas']);
    expect(shown.reviews.find((r) => r.id === good.id)).toMatchObject({
      reply: 'Terima kasih!',
      verified: false,
    });
    expect(shown.timeZone).toBe(t.workspace.timezone);
    expect(shown.summary).toEqual({ count: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] });
    const ratings = await asUser(t, analyst, 'GET', url(`/reviews/ratings?productId=${product}`));
    expect(ratings.json()).toEqual({
      items: [
        {
          productId: product,
          productName: 'Es Kopi Susu',
          count: 3,
          average: 3.7,
          distribution: [0, 1, 0, 1, 1],
        },
      ],
    });
  });

  it("records the widget's views and clicks as touchpoints of the visitor", async () => {
    const token = (await asUser(t, analyst, 'GET', url('/reviews/widget'))).json<{ token: string }>().token;
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: `/api/v1/public/review-widget/${token}/events`,
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    for (const action of ['view', 'click']) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/review-widget/${token}/events`,
        payload: {
          action,
          anonymousId: 'visitor-42',
          productId: shop.product.latte,
          url: 'https://kopi.test/',
        },
      });
      expect(response.statusCode, response.body).toBe(202);
    }
    const customers = await t.services.customers.list(t.workspace.id, { limit: 50, search: 'visitor-42' });
    const visitor = customers.items[0]!;
    expect((await eventNamesOf(t, visitor.id)).sort()).toEqual(['Review Clicked', 'Reviews Viewed']);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/review-widget/not-a-widget-token/events',
      payload: { action: 'view', anonymousId: 'visitor-42' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('lets an analyst read but not moderate, and a cashier do neither', async () => {
    const list = await asUser(t, analyst, 'GET', url('/reviews'));
    expect(list.statusCode).toBe(200);
    const id = list.json<{ items: ReviewBody[] }>().items[0]!.id;
    expect(
      (await asUser(t, analyst, 'PATCH', url(`/reviews/${id}`), { status: 'approved' })).statusCode,
    ).toBe(403);
    expect((await asUser(t, shop.cashier, 'GET', url('/reviews'))).statusCode).toBe(403);
    const empty = await asUser(t, shop.manager, 'PATCH', url(`/reviews/${id}`), {});
    expect(empty.statusCode).toBe(400);
  });

  it('serves the widget script to any origin without a cookie', async () => {
    const script = await t.app.inject({ method: 'GET', url: '/review-widget.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['access-control-allow-origin']).toBe('*');
    expect(script.headers['set-cookie']).toBeUndefined();
    expect(script.body).toContain('data-widget');
  });
});
