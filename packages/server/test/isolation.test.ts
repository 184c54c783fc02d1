import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { aTrack, anIdentify, startTestApp, type TestApp } from './harness.ts';

/**
 * Workspace B holds one of every resource; a person and a key of workspace A try every workspace
 * route of the route table on it (list, read, change, delete), through B's address and by guessing
 * B's ids under A's address. The routes come from the app itself, so a new route is tried as soon
 * as it exists, and one whose parameters or body this file cannot fill fails until they are added.
 */
let t: TestApp;
let ownerOfA: SignedInUser;
let keyOfA: string;
let branchOfA: string;
const b = {
  id: '',
  branch: '',
  user: '',
  invitation: '',
  key: '',
  customer: '',
  merge: '',
  product: '',
  order: '',
  orderLine: '',
  ticket: '',
  survey: '',
  holiday: '',
  review: '',
  content: '',
  interview: '',
  promotion: '',
  segment: '',
  affiliate: '',
};

beforeAll(async () => {
  t = await startTestApp();
  ownerOfA = await aMember(t, 'owner');
  keyOfA = (await t.services.keys.create({ workspaceId: t.workspace.id, kind: 'secret', name: 'a' })).key;
  branchOfA = (await t.services.branches.create(t.workspace.id, { name: 'Outlet A' })).id;
  const other = await t.services.workspaces.create({ name: 'Toko B' });
  b.id = other.id;
  b.branch = (await t.services.branches.create(b.id, { name: 'Outlet B' })).id;
  b.user = (await aMember(t, 'admin', { workspaceId: b.id })).id;
  b.invitation = (
    await t.services.members.invite(b.id, { email: 'x@b.id', role: 'analyst' }, null, null)
  ).invitation.id;
  const write = await t.services.keys.create({ workspaceId: b.id, kind: 'write', name: 'web' });
  b.key = write.row.id;
  const basic = `Basic ${Buffer.from(`${write.key}:`).toString('base64')}`;
  await t.app.inject({
    method: 'POST',
    url: '/v1/batch',
    headers: { authorization: basic },
    payload: { batch: [anIdentify({ anonymousId: 'b1', userId: 'u-b1' }), aTrack({ anonymousId: 'b2' })] },
  });
  const customers = await t.services.customers.list(b.id, { limit: 10 });
  const [first, second] = customers.items;
  b.customer = first!.id;
  b.merge = (await t.services.merges.merge(b.id, first!.id, second!.id)).id;
  const seller = { id: null, name: 'kasir B', role: null };
  b.product = (await t.services.products.create(b.id, { sku: 'B-1', name: 'Produk B', price: 5_000 })).id;
  await t.services.stock.record(
    b.id,
    b.branch,
    { productId: b.product, kind: 'received', quantity: 5 },
    seller,
  );
  const sale = {
    lines: [{ productId: b.product, quantity: 1 }],
    payments: [{ method: 'cash' as const, amount: 5_000 }],
  };
  const checkout = await t.services.orders.checkout(b.id, b.branch, sale, seller);
  b.order = checkout.order.id;
  b.orderLine = checkout.order.lines[0]!.id;
  b.ticket = (
    await t.services.tickets.create(
      b.id,
      { subject: 'Tiket B', customer: { phone: '081298765432' }, channel: 'phone', branchId: b.branch },
      { id: null, label: 'test' },
    )
  ).id;
  b.survey = (
    await t.services.surveys.create(b.id, {
      name: 'Survei B',
      kind: 'csat',
      questions: [{ key: 'csat', type: 'csat', required: true, label: { id: 'Puas?', en: 'Satisfied?' } }],
    })
  ).id;
  b.holiday = (await t.services.supportSettings.addHoliday(b.id, { date: '2026-08-17', name: 'Libur B' })).id;
  b.review = (
    await t.services.reviews.enter(
      b.id,
      { productId: b.product, rating: 4, body: 'Ulasan B', authorName: 'Pembeli B' },
      null,
    )
  ).id;
  b.content = (
    await t.services.content.create(b.id, {
      kind: 'case_study',
      title: 'Konten B',
      stage: 'consideration',
      url: 'https://b.example/studi',
    })
  ).id;
  b.promotion = (
    await t.services.promotions.create(b.id, {
      name: 'Promo B',
      trigger: 'code',
      reward: { type: 'amount', amount: 1_000 },
    })
  ).id;
  await t.services.attribution.putSpend(b.id, {
    channel: 'ads',
    month: '2026-06',
    amount: 777_000,
    campaign: 'kampanye-rahasia-b',
  });
  b.affiliate = (
    await t.services.affiliates.create(b.id, {
      name: 'Afiliasi B',
      code: 'AFIL-B',
      commission: { type: 'percent', rateBp: 500 },
    })
  ).id;
  b.interview = (
    await t.services.interviews.create(
      b.id,
      { id: null, label: 'B', mayChangeAny: true },
      { customerId: b.customer, stage: 'experience', title: 'Wawancara B', body: 'Catatan B', tags: ['b'] },
    )
  ).id;
  b.segment = (
    await t.services.segments.create(b.id, {
      name: 'Segmen B',
      rules: { match: 'all', conditions: [{ type: 'stage', in: ['awareness'] }] },
    })
  ).id;
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Route = { method: string; url: string };

/** B's thing for every id a route's path takes. A route with a parameter not named here fails the test. */
function idsOfB(): Record<string, string> {
  return {
    branchId: b.branch,
    userId: b.user,
    invitationId: b.invitation,
    keyId: b.key,
    customerId: b.customer,
    mergeId: b.merge,
    productId: b.product,
    orderId: b.order,
    ticketId: b.ticket,
    surveyId: b.survey,
    holidayId: b.holiday,
    reviewId: b.review,
    itemId: b.content,
    interviewId: b.interview,
    promotionId: b.promotion,
    segmentId: b.segment,
    affiliateId: b.affiliate,
    code: 'B-1',
    // Support hours: a branch's, or the whole business's (*).
    scope: b.branch,
  };
}

/**
 * A valid body for every change that names one of B's things in its path, so that under A's
 * address the request passes validation and the lookup of B's id is what answers. A new such
 * route fails the test until its body is written here.
 */
function bodies(): Record<string, object> {
  const line = { productId: b.product, quantity: 1 };
  return {
    'PATCH /branches/:branchId': { name: 'Diambil' },
    'POST /branches/:branchId/archive': {},
    'POST /branches/:branchId/restore': {},
    'DELETE /branches/:branchId': {},
    'PUT /members/:userId': { role: 'analyst' },
    'DELETE /members/:userId': {},
    'DELETE /invitations/:invitationId': {},
    'DELETE /keys/:keyId': {},
    'POST /customers/:customerId/erase': {},
    'POST /merges/:mergeId/undo': {},
    'PATCH /products/:productId': { price: 1 },
    'POST /branches/:branchId/stock/movements': { productId: b.product, kind: 'received', quantity: 5 },
    'POST /branches/:branchId/stock/transfers': { toBranchId: branchOfA, lines: [line] },
    'PUT /branches/:branchId/stock/:productId/threshold': { threshold: 3 },
    'POST /branches/:branchId/orders': { lines: [line], payments: [{ method: 'cash', amount: 5_000 }] },
    'POST /branches/:branchId/orders/:orderId/refunds': {
      reason: 'diambil alih',
      lines: [{ lineId: b.orderLine, quantity: 1 }],
    },
    'POST /branches/:branchId/orders/:orderId/void': { reason: 'diambil alih' },
    'PATCH /tickets/:ticketId': { status: 'closed' },
    'POST /tickets/:ticketId/messages': { body: 'diambil alih' },
    'PUT /support/hours/:scope': { week: { mon: { open: '08:00', close: '09:00' } } },
    'DELETE /support/hours/:scope': {},
    'DELETE /support/holidays/:holidayId': {},
    'PATCH /surveys/:surveyId': { status: 'closed' },
    'POST /surveys/:surveyId/links': { customerId: b.customer },
    'PATCH /reviews/:reviewId': { status: 'approved', reply: 'diambil alih' },
    'PATCH /content/:itemId': { archived: true },
    'POST /content/:itemId/links': { customerId: b.customer },
    'PATCH /interviews/:interviewId': { title: 'Diambil' },
    'DELETE /interviews/:interviewId': {},
    'PATCH /promotions/:promotionId': { name: 'Diambil' },
    'POST /promotions/:promotionId/archive': { archived: true },
    'POST /promotions/:promotionId/codes': { code: 'CURI-1' },
    'POST /promotions/:promotionId/batches': { count: 1 },
    'POST /branches/:branchId/promotions/quote': { codes: [], lines: [line] },
    'PUT /segments/:segmentId': {
      name: 'Diambil',
      rules: { match: 'all', conditions: [{ type: 'stage', in: ['awareness'] }] },
    },
    'DELETE /segments/:segmentId': {},
    'PATCH /affiliates/:affiliateId': { active: false },
    'POST /loyalty/customers/:customerId/adjustments': {
      points: 5,
      reason: 'diambil alih',
      idempotencyKey: 'isolation',
    },
  };
}

/** Lists asked for B's things by what identifies them (a search needs its query). */
function queries(): Record<string, string[]> {
  return {
    'GET /customers': ['?search=u-b1'],
    'GET /sales/customers': ['?q=u-b1'],
    'GET /interviews': ['?q=wawancara', `?customerId=${b.customer}`],
    'GET /affiliates/:affiliateId/statement': ['?month=2026-06'],
    'GET /affiliates/:affiliateId/statement/export': ['?month=2026-06'],
    'GET /analytics/retention': ['', `?branchId=${b.branch}`],
    'GET /analytics/retention/cohorts.csv': ['', `?branchId=${b.branch}`],
  };
}

/** Changes under A's own address whose body names B's things: refused, and B stays as it was. */
function bodyGuesses(): [Method, string, object][] {
  return [
    ['POST', '/merges', { survivorId: b.customer, mergedId: b.customer }],
    // B's spend, named under A's address: A has none such, and B's stays (checked below).
    ['DELETE', '/analytics/ad-spend?channel=ads&month=2026-06&campaign=kampanye-rahasia-b', {}],
    ['POST', '/reviews/links', { orderId: b.order, productId: b.product }],
    ['POST', '/reviews', { productId: b.product, rating: 1, body: 'palsu', authorName: 'A' }],
    [
      'POST',
      '/interviews',
      { customerId: b.customer, stage: 'experience', title: 'Palsu', body: 'Catatan palsu' },
    ],
  ];
}

/** Every workspace route (public ones, such as the signed inbound webhook, take no person or key). */
function workspaceRoutes(): Route[] {
  return t.routes.filter((r) => r.access !== 'public' && r.url.includes(':workspaceId'));
}

const BASE = '/api/v1/workspaces/:workspaceId';
const pathOf = (route: Route) => route.url.slice(BASE.length);
const paramsOf = (route: Route) =>
  [...route.url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]!).filter((p) => p !== 'workspaceId');

/** The route's address in workspace `ws`, with B's ids for every other parameter. */
function addressOf(route: Route, ws: string): string {
  const ids = idsOfB();
  return route.url.replace(':workspaceId', ws).replace(/:([a-zA-Z]+)/g, (_m, name: string) => ids[name]!);
}

function asKey(method: Method, url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${keyOfA}` },
    ...(payload ? { payload } : {}),
  });
}

describe('workspace isolation, from the route table', () => {
  it('knows B’s id for every parameter and a body for every change to one of B’s things', () => {
    const ids = idsOfB();
    const missing = workspaceRoutes().flatMap((route) => [
      ...paramsOf(route)
        .filter((p) => !(p in ids))
        .map((p) => `${route.method} ${route.url}: no id of B for :${p}`),
      ...(route.method !== 'GET' &&
      paramsOf(route).length > 0 &&
      !(`${route.method} ${pathOf(route)}` in bodies())
        ? [`${route.method} ${route.url}: no body in bodies()`]
        : []),
    ]);
    expect(missing).toEqual([]);
  });

  it('answers every route on workspace B’s address with 404, to a person and a key of A', async () => {
    const leaks: string[] = [];
    for (const route of workspaceRoutes()) {
      const method = route.method as Method;
      const url = addressOf(route, b.id);
      const body = method === 'GET' ? undefined : (bodies()[`${method} ${pathOf(route)}`] ?? {});
      const asPerson = await asUser(t, ownerOfA, method, url, body);
      const byKey = await asKey(method, url, body);
      if (asPerson.statusCode !== 404) leaks.push(`user ${method} ${url}: ${asPerson.statusCode}`);
      if (byKey.statusCode !== 404) leaks.push(`key ${method} ${url}: ${byKey.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('finds none of B’s ids under A’s address, and lists none of B’s things there', async () => {
    const leaks: string[] = [];
    for (const route of workspaceRoutes()) {
      const method = route.method as Method;
      const guessesInPath = paramsOf(route).length > 0;
      if (!guessesInPath && method !== 'GET') continue;
      const body = method === 'GET' ? undefined : bodies()[`${method} ${pathOf(route)}`];
      for (const query of queries()[`${method} ${pathOf(route)}`] ?? ['']) {
        const url = addressOf(route, t.workspace.id) + query;
        // A query naming one of B's ids is a guess too, and is answered as one.
        const guesses = guessesInPath || Object.values(b).some((id) => id && query.includes(id));
        for (const [who, response] of [
          ['user', await asUser(t, ownerOfA, method, url, body)],
          ['key', await asKey(method, url, body)],
        ] as const) {
          if (guesses && response.statusCode !== 404) {
            leaks.push(`${who} ${method} ${url}: ${response.statusCode} ${response.body.slice(0, 120)}`);
          }
          if (!guesses) {
            if (response.statusCode !== 200) leaks.push(`${who} ${method} ${url}: ${response.statusCode}`);
            for (const id of Object.values(b)) {
              if (id && response.body.includes(id)) leaks.push(`${who} ${method} ${url} shows ${id}`);
            }
          }
        }
      }
    }
    for (const [method, path, body] of bodyGuesses()) {
      const response = await asUser(t, ownerOfA, method, `/api/v1/workspaces/${t.workspace.id}${path}`, body);
      if (![400, 404].includes(response.statusCode))
        leaks.push(`user ${method} ${path}: ${response.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('leaves everything of B as it was', async () => {
    expect((await t.services.branches.get(b.id, b.branch)).name).toBe('Outlet B');
    expect((await t.services.members.list(b.id)).map((m) => m.role)).toEqual(['admin']);
    expect(await t.services.members.listInvitations(b.id)).toHaveLength(1);
    expect((await t.services.keys.list(b.id))[0]!.revoked_at).toBeNull();
    expect((await t.services.merges.list(b.id, { limit: 5 })).items[0]!.undone_at).toBeNull();
    expect((await t.services.products.get(b.id, b.product)).price).toBe(5_000);
    expect((await t.services.orders.get(b.id, b.branch, b.order)).status).toBe('completed');
    expect((await t.services.stock.branchLevels(b.id, b.branch, false))[0]).toMatchObject({
      onHand: 4,
      lowThreshold: null,
    });
    expect((await t.services.customers.list(b.id, { limit: 5 })).items).toHaveLength(2);
    expect((await t.services.tickets.get(b.id, b.ticket)).ticket.status).toBe('open');
    expect((await t.services.tickets.get(b.id, b.ticket)).messages).toHaveLength(0);
    expect((await t.services.surveys.get(b.id, b.survey)).status).toBe('active');
    expect((await t.services.segments.get(b.id, b.segment)).name).toBe('Segmen B');
    expect(await t.services.supportSettings.listHolidays(b.id)).toHaveLength(1);
    expect(await t.services.supportSettings.hours(b.id)).toHaveLength(0);
    const reviews = await t.services.reviews.list(b.id, { limit: 5 });
    expect(reviews.items).toMatchObject([{ id: b.review, status: 'pending', reply: null }]);
    expect(await t.services.content.list(b.id)).toMatchObject([{ id: b.content, archived_at: null }]);
    expect(await t.services.promotions.get(b.id, b.promotion)).toMatchObject({
      name: 'Promo B',
      active: true,
    });
    expect(await t.services.promotions.codes(b.id, b.promotion)).toHaveLength(0);
    const notes = await t.services.interviews.search(b.id, { limit: 5 });
    expect(notes.items).toMatchObject([{ id: b.interview, title: 'Wawancara B' }]);
    expect(await t.services.loyalty.entries(b.id, b.customer, { limit: 5 })).toEqual([]);
    expect(await t.services.attribution.listSpend(b.id)).toMatchObject([
      { channel: 'ads', month: '2026-06', campaign: 'kampanye-rahasia-b', amount: 777_000 },
    ]);
    const ofA = await asUser(t, ownerOfA, 'GET', `/api/v1/workspaces/${t.workspace.id}/analytics/ad-spend`);
    expect(ofA.body).not.toContain('kampanye-rahasia-b');
    expect(await t.services.affiliates.get(b.id, b.affiliate)).toMatchObject({
      active: true,
      name: 'Afiliasi B',
    });
  });
});
