import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { aTrack, anIdentify, startTestApp, type TestApp } from './harness.ts';

/**
 * Workspace B holds one of every resource; a person and a key of workspace A try every list,
 * read, change and delete on it, through B's address and by guessing B's ids under A's address.
 */
let t: TestApp;
let ownerOfA: SignedInUser;
let keyOfA: string;
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
  ticket: '',
  survey: '',
  holiday: '',
  review: '',
  content: '',
  interview: '',
};

beforeAll(async () => {
  t = await startTestApp();
  ownerOfA = await aMember(t, 'owner');
  keyOfA = (await t.services.keys.create({ workspaceId: t.workspace.id, kind: 'secret', name: 'a' })).key;
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
  b.order = (await t.services.orders.checkout(b.id, b.branch, sale, seller)).order.id;
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
  b.interview = (
    await t.services.interviews.create(
      b.id,
      { id: null, label: 'B', mayChangeAny: true },
      { customerId: b.customer, stage: 'experience', title: 'Wawancara B', body: 'Catatan B', tags: ['b'] },
    )
  ).id;
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function attempts(ws: string): [Method, string, object?][] {
  const base = `/api/v1/workspaces/${ws}`;
  return [
    ['GET', base],
    ['GET', `${base}/branches`],
    ['GET', `${base}/branches/${b.branch}`],
    ['PATCH', `${base}/branches/${b.branch}`, { name: 'Diambil' }],
    ['DELETE', `${base}/branches/${b.branch}`],
    ['GET', `${base}/members`],
    ['PUT', `${base}/members/${b.user}`, { role: 'analyst' }],
    ['DELETE', `${base}/members/${b.user}`],
    ['GET', `${base}/invitations`],
    ['DELETE', `${base}/invitations/${b.invitation}`],
    ['GET', `${base}/keys`],
    ['DELETE', `${base}/keys/${b.key}`],
    ['GET', `${base}/customers`],
    ['GET', `${base}/customers/${b.customer}`],
    ['GET', `${base}/customers/${b.customer}/timeline`],
    ['POST', `${base}/merges`, { survivorId: b.customer, mergedId: 'anyone' }],
    ['GET', `${base}/customers/${b.customer}/export`],
    ['POST', `${base}/customers/${b.customer}/erase`, {}],
    ['GET', `${base}/merges`],
    ['POST', `${base}/merges/${b.merge}/undo`, {}],
    ['GET', `${base}/journey/overview`],
    ['PUT', `${base}/journey/rules`, { rules: {} }],
    ['GET', `${base}/quarantine`],
    ['GET', `${base}/audit`],
    ['GET', `${base}/products`],
    ['GET', `${base}/products/${b.product}`],
    ['PATCH', `${base}/products/${b.product}`, { price: 1 }],
    ['GET', `${base}/products/by-code/B-1`],
    ['GET', `${base}/products/export`],
    ['GET', `${base}/sales/settings`],
    ['GET', `${base}/stock/low`],
    ['GET', `${base}/branches/${b.branch}/stock`],
    ['GET', `${base}/branches/${b.branch}/stock/${b.product}/movements`],
    [
      'POST',
      `${base}/branches/${b.branch}/stock/movements`,
      { productId: b.product, kind: 'received', quantity: 5 },
    ],
    ['PUT', `${base}/branches/${b.branch}/stock/${b.product}/threshold`, { threshold: 3 }],
    ['GET', `${base}/orders`],
    ['GET', `${base}/branches/${b.branch}/orders`],
    ['GET', `${base}/branches/${b.branch}/orders/${b.order}`],
    [
      'POST',
      `${base}/branches/${b.branch}/orders`,
      { lines: [{ productId: b.product, quantity: 1 }], payments: [{ method: 'cash', amount: 5_000 }] },
    ],
    ['POST', `${base}/branches/${b.branch}/orders/${b.order}/void`, { reason: 'diambil alih' }],
    ['GET', `${base}/sales/customers?q=u-b1`],
    ['GET', `${base}/tickets`],
    ['GET', `${base}/tickets/${b.ticket}`],
    ['PATCH', `${base}/tickets/${b.ticket}`, { status: 'closed' }],
    ['POST', `${base}/tickets/${b.ticket}/messages`, { body: 'diambil alih' }],
    ['GET', `${base}/support/holidays`],
    ['DELETE', `${base}/support/holidays/${b.holiday}`],
    ['PUT', `${base}/support/hours/${b.branch}`, { week: { mon: { open: '08:00', close: '09:00' } } }],
    ['GET', `${base}/surveys`],
    ['GET', `${base}/surveys/${b.survey}`],
    ['PATCH', `${base}/surveys/${b.survey}`, { status: 'closed' }],
    ['POST', `${base}/surveys/${b.survey}/links`, { customerId: b.customer }],
    ['GET', `${base}/surveys/${b.survey}/results`],
    ['GET', `${base}/surveys/${b.survey}/comments`],
    ['GET', `${base}/reviews`],
    ['GET', `${base}/reviews/ratings`],
    ['PATCH', `${base}/reviews/${b.review}`, { status: 'approved', reply: 'diambil alih' }],
    ['POST', `${base}/reviews`, { productId: b.product, rating: 1, body: 'palsu', authorName: 'A' }],
    ['POST', `${base}/reviews/links`, { orderId: b.order, productId: b.product }],
    ['GET', `${base}/content`],
    ['GET', `${base}/content/views`],
    ['PATCH', `${base}/content/${b.content}`, { archived: true }],
    ['POST', `${base}/content/${b.content}/links`, { customerId: b.customer }],
    ['GET', `${base}/interviews`],
    ['GET', `${base}/interviews?customerId=${b.customer}`],
    ['GET', `${base}/interviews?q=wawancara`],
    ['GET', `${base}/interviews/tags`],
    ['GET', `${base}/interviews/${b.interview}`],
    ['PATCH', `${base}/interviews/${b.interview}`, { title: 'Diambil' }],
    ['DELETE', `${base}/interviews/${b.interview}`],
    [
      'POST',
      `${base}/interviews`,
      { customerId: b.customer, stage: 'experience', title: 'Palsu', body: 'Catatan palsu' },
    ],
  ];
}

function asKey(method: Method, url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${keyOfA}` },
    ...(payload ? { payload } : {}),
  });
}

describe('workspace isolation', () => {
  it('answers every request on workspace B’s address with 404, to a person and a key of A', async () => {
    for (const [method, url, body] of attempts(b.id)) {
      expect((await asUser(t, ownerOfA, method, url, body)).statusCode, `user ${method} ${url}`).toBe(404);
      expect((await asKey(method, url, body)).statusCode, `key ${method} ${url}`).toBe(404);
    }
  });

  it('finds none of B’s ids under A’s address, and lists none of B’s things there', async () => {
    for (const [method, url, body] of attempts(t.workspace.id)) {
      const response = await asUser(t, ownerOfA, method, url, body);
      const guessesAnId = Object.entries(b).some(([name, id]) => name !== 'id' && url.includes(id));
      if (guessesAnId) {
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      } else if (method === 'GET') {
        for (const id of Object.values(b)) expect(response.body, `${method} ${url}`).not.toContain(id);
      }
    }
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
    expect(await t.services.supportSettings.listHolidays(b.id)).toHaveLength(1);
    expect(await t.services.supportSettings.hours(b.id)).toHaveLength(0);
    const reviews = await t.services.reviews.list(b.id, { limit: 5 });
    expect(reviews.items).toMatchObject([{ id: b.review, status: 'pending', reply: null }]);
    expect(await t.services.content.list(b.id)).toMatchObject([{ id: b.content, archived_at: null }]);
    const notes = await t.services.interviews.search(b.id, { limit: 5 });
    expect(notes.items).toMatchObject([{ id: b.interview, title: 'Wawancara B' }]);
  });
});
