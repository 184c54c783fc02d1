import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CustomerRepository,
  ReviewRepository,
  WorkspaceRepository,
  type NewReview,
  type Store,
} from '../src/index.ts';
import { aCustomer, aWorkspace, MINUTE, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

let store: Store;
let ws: string;
let other: string;
let customer: string;

beforeAll(async () => {
  store = await openTestStore();
  ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  customer = (await new CustomerRepository(store.db).create(aCustomer({ workspace_id: ws }))).id;
});
afterAll(() => store.close());

function aReview(overrides: Partial<NewReview> = {}): NewReview {
  return {
    id: randomUUID(),
    workspace_id: ws,
    product_id: 'kopi',
    customer_id: null,
    link_token: null,
    source: 'staff',
    verified: 0,
    rating: 5,
    body: 'Kopinya harum',
    author_name: 'Ani',
    status: 'pending',
    reply: null,
    replied_at: null,
    moderated_by: null,
    moderated_at: null,
    created_at: T0,
    ...overrides,
  };
}

describe('ReviewRepository', () => {
  it('uses a personal link once, even when two reviews race through it', async () => {
    const reviews = new ReviewRepository(store.db);
    const token = randomUUID();
    await reviews.createLink({
      token,
      workspace_id: ws,
      customer_id: customer,
      order_id: 'order-1',
      product_id: 'kopi',
      created_at: T0,
      viewed_at: null,
      reviewed_at: null,
    });
    const results = await Promise.all([reviews.markReviewed(token, T0), reviews.markReviewed(token, T0)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await reviews.create(aReview({ link_token: token }));
    await expect(reviews.create(aReview({ link_token: token }))).rejects.toThrow();
    expect((await reviews.link(token))?.reviewed_at).toBe(T0);
  });

  it('lists one status newest first, in pages, and counts ratings per product', async () => {
    const reviews = new ReviewRepository(store.db);
    const product = randomUUID();
    for (const [i, rating, status] of [
      [1, 5, 'approved'],
      [2, 4, 'approved'],
      [3, 1, 'hidden'],
      [4, 5, 'pending'],
    ] as const) {
      await reviews.create(aReview({ product_id: product, rating, status, created_at: T0 + i * MINUTE }));
    }
    await reviews.create(aReview({ workspace_id: other, product_id: product, status: 'approved' }));
    const first = await reviews.list(ws, { productId: product, status: 'approved', limit: 1 });
    expect(first.items.map((r) => r.rating)).toEqual([4]);
    const second = await reviews.list(ws, {
      productId: product,
      status: 'approved',
      limit: 1,
      cursor: first.nextCursor,
    });
    expect(second.items.map((r) => r.rating)).toEqual([5]);
    expect(second.nextCursor).toBeNull();
    expect(await reviews.ratings(ws, { productId: product })).toEqual([
      { product_id: product, rating: 1, count: 1 },
      { product_id: product, rating: 4, count: 1 },
      { product_id: product, rating: 5, count: 2 },
    ]);
    expect(await reviews.ratings(ws, { productId: product, status: 'approved' })).toHaveLength(2);
  });

  it('keeps one widget token per workspace', async () => {
    const reviews = new ReviewRepository(store.db);
    const first = await reviews.ensureWidget(ws, 'widget-a', T0);
    const again = await reviews.ensureWidget(ws, 'widget-b', T0);
    expect(again.token).toBe(first.token);
    expect((await reviews.widgetByToken(first.token))?.workspace_id).toBe(ws);
  });
});
