import { randomUUID } from 'node:crypto';
import { ROLES, isBranchScoped, roleCan, type Role } from '@jejak/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLabel, type Access } from '../src/auth/principal.ts';
import { aMember, type SignedInUser } from './accounts.harness.ts';
import { startTestApp, type TestApp } from './harness.ts';

/**
 * Every route and what it needs. A new route fails this test until it is added here, so each
 * route's permission is a decision someone wrote down and reviewed.
 */
const EXPECTED: Record<string, string> = {
  'GET /health': 'public',
  'GET /tracker.js': 'public',
  'GET /review-widget.js': 'public',
  // Public by design: a tracked content link, which records the view and redirects to the material.
  'GET /c/:token': 'public',
  'OPTIONS /v1/*': 'public',
  'POST /v1/batch': 'write',
  'POST /v1/import': 'write',
  'POST /v1/track': 'write',
  'POST /v1/identify': 'write',
  'POST /v1/page': 'write',
  'POST /v1/screen': 'write',
  'POST /v1/group': 'write',
  'POST /v1/alias': 'write',
  'POST /api/v1/workspaces': 'account',
  'GET /api/v1/workspaces': 'account',
  'GET /api/v1/workspaces/:workspaceId': 'workspace.read',
  'PATCH /api/v1/workspaces/:workspaceId': 'workspace.manage',
  'POST /api/v1/workspaces/:workspaceId/keys': 'keys.manage',
  'GET /api/v1/workspaces/:workspaceId/keys': 'keys.manage',
  'DELETE /api/v1/workspaces/:workspaceId/keys/:keyId': 'keys.manage',
  'GET /api/v1/workspaces/:workspaceId/customers': 'customers.read',
  'GET /api/v1/workspaces/:workspaceId/customers/:customerId': 'customers.read',
  'GET /api/v1/workspaces/:workspaceId/customers/:customerId/timeline': 'customers.read',
  'POST /api/v1/workspaces/:workspaceId/merges': 'customers.write',
  'GET /api/v1/workspaces/:workspaceId/merges': 'customers.read',
  'POST /api/v1/workspaces/:workspaceId/merges/:mergeId/undo': 'customers.write',
  'GET /api/v1/workspaces/:workspaceId/journey/overview': 'journey.read',
  'GET /api/v1/workspaces/:workspaceId/journey/transitions': 'journey.read',
  'GET /api/v1/workspaces/:workspaceId/journey/funnel': 'journey.read',
  'GET /api/v1/workspaces/:workspaceId/journey/trend': 'journey.read',
  'GET /api/v1/workspaces/:workspaceId/journey/map': 'journey.read',
  'POST /api/v1/workspaces/:workspaceId/analytics/customer-value/fit': 'analytics.manage',
  'GET /api/v1/workspaces/:workspaceId/analytics/customer-value': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/customer-value/customers': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/customer-value/customers.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/customers/:customerId/value': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/rfm': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/rfm/customers': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/rfm/customers.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/attribution': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/attribution.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/attribution/customers.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/ad-spend': 'analytics.read',
  'PUT /api/v1/workspaces/:workspaceId/analytics/ad-spend': 'analytics.manage',
  'DELETE /api/v1/workspaces/:workspaceId/analytics/ad-spend': 'analytics.manage',
  'POST /api/v1/workspaces/:workspaceId/analytics/ad-spend/import': 'analytics.manage',
  'GET /api/v1/workspaces/:workspaceId/analytics/event-catalogue': 'analytics.read',
  'POST /api/v1/workspaces/:workspaceId/analytics/funnels': 'analytics.read',
  'POST /api/v1/workspaces/:workspaceId/analytics/funnels.csv': 'analytics.read',
  'POST /api/v1/workspaces/:workspaceId/analytics/funnels/customers': 'analytics.read',
  'POST /api/v1/workspaces/:workspaceId/analytics/funnels/customers.csv': 'analytics.read',
  'POST /api/v1/workspaces/:workspaceId/analytics/paths': 'analytics.read',
  'POST /api/v1/workspaces/:workspaceId/analytics/paths.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/segments': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/segments/trend': 'analytics.read',
  'POST /api/v1/workspaces/:workspaceId/segments/preview': 'analytics.read',
  'POST /api/v1/workspaces/:workspaceId/segments': 'analytics.manage',
  'GET /api/v1/workspaces/:workspaceId/segments/:segmentId': 'analytics.read',
  'PUT /api/v1/workspaces/:workspaceId/segments/:segmentId': 'analytics.manage',
  'DELETE /api/v1/workspaces/:workspaceId/segments/:segmentId': 'analytics.manage',
  'GET /api/v1/workspaces/:workspaceId/segments/:segmentId/members': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/segments/:segmentId/members.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/customers/:customerId/segments': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/negative-experiences': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/negative-experiences.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/negative-experiences/customers': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/negative-experiences/customers.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/retention': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/retention/cohorts.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/retention/repeat.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/analytics/retention/lifecycle.csv': 'analytics.read',
  'GET /api/v1/workspaces/:workspaceId/journey/rules': 'journey.read',
  'PUT /api/v1/workspaces/:workspaceId/journey/rules': 'journey.manage',
  'POST /api/v1/workspaces/:workspaceId/journey/rules/validate': 'journey.read',
  'POST /api/v1/workspaces/:workspaceId/journey/rules/preview': 'journey.manage',
  'GET /api/v1/workspaces/:workspaceId/quarantine': 'journey.read',
  'GET /api/v1/setup': 'public',
  'POST /api/v1/setup': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'session',
  'GET /api/v1/auth/me': 'session',
  'GET /api/v1/auth/csrf': 'session',
  'POST /api/v1/auth/password': 'session',
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/invitations/inspect': 'public',
  'POST /api/v1/invitations/accept': 'public',
  'GET /api/v1/workspaces/:workspaceId/members': 'members.read',
  'PUT /api/v1/workspaces/:workspaceId/members/:userId': 'members.manage',
  'DELETE /api/v1/workspaces/:workspaceId/members/:userId': 'members.manage',
  'POST /api/v1/workspaces/:workspaceId/invitations': 'members.manage',
  'GET /api/v1/workspaces/:workspaceId/invitations': 'members.manage',
  'DELETE /api/v1/workspaces/:workspaceId/invitations/:invitationId': 'members.manage',
  'POST /api/v1/workspaces/:workspaceId/branches': 'branches.manage',
  'GET /api/v1/workspaces/:workspaceId/branches': 'branches.read',
  'GET /api/v1/workspaces/:workspaceId/branches/:branchId': 'branches.read (branch)',
  'PATCH /api/v1/workspaces/:workspaceId/branches/:branchId': 'branches.update (branch)',
  'POST /api/v1/workspaces/:workspaceId/branches/:branchId/archive': 'branches.manage (branch)',
  'POST /api/v1/workspaces/:workspaceId/branches/:branchId/restore': 'branches.manage (branch)',
  'DELETE /api/v1/workspaces/:workspaceId/branches/:branchId': 'branches.manage (branch)',
  'GET /api/v1/workspaces/:workspaceId/audit': 'audit.read',
  'GET /api/v1/workspaces/:workspaceId/customers/:customerId/export': 'customers.personal_data',
  'POST /api/v1/workspaces/:workspaceId/customers/:customerId/erase': 'customers.personal_data',
  'GET /api/v1/workspaces/:workspaceId/products': 'sales.read',
  'GET /api/v1/workspaces/:workspaceId/products/by-code/:code': 'sales.read',
  'GET /api/v1/workspaces/:workspaceId/products/export': 'sales.manage',
  'POST /api/v1/workspaces/:workspaceId/products/import': 'sales.manage',
  'POST /api/v1/workspaces/:workspaceId/imports/sales': 'sales.manage',
  'POST /api/v1/workspaces/:workspaceId/imports/customers': 'sales.manage',
  'POST /api/v1/workspaces/:workspaceId/products': 'sales.manage',
  'GET /api/v1/workspaces/:workspaceId/products/:productId': 'sales.read',
  'PATCH /api/v1/workspaces/:workspaceId/products/:productId': 'sales.manage',
  'GET /api/v1/workspaces/:workspaceId/sales/settings': 'sales.read',
  'PUT /api/v1/workspaces/:workspaceId/sales/settings': 'sales.manage',
  'GET /api/v1/workspaces/:workspaceId/branches/:branchId/stock': 'sales.read (branch)',
  'GET /api/v1/workspaces/:workspaceId/stock/low': 'sales.read',
  'GET /api/v1/workspaces/:workspaceId/branches/:branchId/stock/:productId/movements': 'sales.read (branch)',
  'POST /api/v1/workspaces/:workspaceId/branches/:branchId/stock/movements': 'stock.manage (branch)',
  'POST /api/v1/workspaces/:workspaceId/branches/:branchId/stock/transfers': 'stock.manage (branch)',
  'PUT /api/v1/workspaces/:workspaceId/branches/:branchId/stock/:productId/threshold':
    'stock.manage (branch)',
  'POST /api/v1/workspaces/:workspaceId/branches/:branchId/orders': 'sales.write (branch)',
  'GET /api/v1/workspaces/:workspaceId/branches/:branchId/orders': 'sales.read (branch)',
  'GET /api/v1/workspaces/:workspaceId/orders': 'sales.read',
  'GET /api/v1/workspaces/:workspaceId/branches/:branchId/orders/:orderId': 'sales.read (branch)',
  'POST /api/v1/workspaces/:workspaceId/branches/:branchId/orders/:orderId/refunds': 'sales.refund (branch)',
  'POST /api/v1/workspaces/:workspaceId/branches/:branchId/orders/:orderId/void': 'sales.refund (branch)',
  'GET /api/v1/workspaces/:workspaceId/sales/customers': 'sales.write',
  'POST /api/v1/workspaces/:workspaceId/sales/customers': 'sales.write',
  'GET /api/v1/receipts/:token': 'public',
  'GET /api/v1/workspaces/:workspaceId/reports/sales': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/sales/csv': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/products': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/products/csv': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/categories': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/categories/csv': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/branches': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/branches/csv': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/employees': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/employees/csv': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/payments': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/payments/csv': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/refunds': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/refunds/csv': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/stock-value': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/reports/stock-value/csv': 'reports.read',
  'GET /api/v1/workspaces/:workspaceId/tickets': 'tickets.read',
  'POST /api/v1/workspaces/:workspaceId/tickets': 'tickets.write',
  'GET /api/v1/workspaces/:workspaceId/tickets/:ticketId': 'tickets.read',
  'PATCH /api/v1/workspaces/:workspaceId/tickets/:ticketId': 'tickets.write',
  'POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/messages': 'tickets.write',
  'GET /api/v1/workspaces/:workspaceId/support/targets': 'tickets.read',
  'PUT /api/v1/workspaces/:workspaceId/support/targets': 'support.manage',
  'GET /api/v1/workspaces/:workspaceId/support/hours': 'tickets.read',
  'PUT /api/v1/workspaces/:workspaceId/support/hours/:scope': 'support.manage',
  'DELETE /api/v1/workspaces/:workspaceId/support/hours/:scope': 'support.manage',
  'GET /api/v1/workspaces/:workspaceId/support/holidays': 'tickets.read',
  'POST /api/v1/workspaces/:workspaceId/support/holidays': 'support.manage',
  'DELETE /api/v1/workspaces/:workspaceId/support/holidays/:holidayId': 'support.manage',
  'POST /api/v1/workspaces/:workspaceId/support/webhook-secret': 'support.manage',
  // Public by design: authenticated by its HMAC signature (docs/inbound-webhook.md).
  'POST /api/v1/inbound/:workspaceId/tickets': 'public',
  'GET /api/v1/workspaces/:workspaceId/surveys': 'surveys.read',
  'POST /api/v1/workspaces/:workspaceId/surveys': 'surveys.manage',
  'GET /api/v1/workspaces/:workspaceId/surveys/:surveyId': 'surveys.read',
  'PATCH /api/v1/workspaces/:workspaceId/surveys/:surveyId': 'surveys.manage',
  'POST /api/v1/workspaces/:workspaceId/surveys/:surveyId/links': 'surveys.manage',
  'GET /api/v1/workspaces/:workspaceId/surveys/:surveyId/results': 'surveys.read',
  'GET /api/v1/workspaces/:workspaceId/surveys/:surveyId/comments': 'surveys.read',
  // Public by design: the survey answer page, reached only with a link token.
  'GET /api/v1/public/surveys/:token': 'public',
  'POST /api/v1/public/surveys/:token/responses': 'public',
  'GET /api/v1/workspaces/:workspaceId/reviews': 'reviews.read',
  'POST /api/v1/workspaces/:workspaceId/reviews': 'reviews.moderate',
  'PATCH /api/v1/workspaces/:workspaceId/reviews/:reviewId': 'reviews.moderate',
  'GET /api/v1/workspaces/:workspaceId/reviews/ratings': 'reviews.read',
  'POST /api/v1/workspaces/:workspaceId/reviews/links': 'reviews.moderate',
  'GET /api/v1/workspaces/:workspaceId/reviews/widget': 'reviews.read',
  // Public by design: the review page behind a personal link, and the widget on the business's own site.
  'GET /api/v1/public/reviews/:token': 'public',
  'POST /api/v1/public/reviews/:token': 'public',
  'GET /api/v1/public/review-widget/:token': 'public',
  'OPTIONS /api/v1/public/review-widget/:token/events': 'public',
  'POST /api/v1/public/review-widget/:token/events': 'public',
  'GET /api/v1/workspaces/:workspaceId/content': 'content.read',
  'POST /api/v1/workspaces/:workspaceId/content': 'content.manage',
  'PATCH /api/v1/workspaces/:workspaceId/content/:itemId': 'content.manage',
  'POST /api/v1/workspaces/:workspaceId/content/:itemId/links': 'content.manage',
  'GET /api/v1/workspaces/:workspaceId/content/views': 'content.read',
  'GET /api/v1/workspaces/:workspaceId/interviews': 'interviews.read',
  'GET /api/v1/workspaces/:workspaceId/interviews/tags': 'interviews.read',
  'POST /api/v1/workspaces/:workspaceId/interviews': 'interviews.write',
  'GET /api/v1/workspaces/:workspaceId/interviews/:interviewId': 'interviews.read',
  'PATCH /api/v1/workspaces/:workspaceId/interviews/:interviewId': 'interviews.write',
  'DELETE /api/v1/workspaces/:workspaceId/interviews/:interviewId': 'interviews.write',
  'GET /api/v1/workspaces/:workspaceId/loyalty/program': 'loyalty.read',
  'PUT /api/v1/workspaces/:workspaceId/loyalty/program': 'loyalty.manage',
  'GET /api/v1/workspaces/:workspaceId/loyalty/results': 'loyalty.read',
  'GET /api/v1/workspaces/:workspaceId/loyalty/customers/:customerId': 'loyalty.read',
  'GET /api/v1/workspaces/:workspaceId/loyalty/customers/:customerId/entries': 'loyalty.read',
  'POST /api/v1/workspaces/:workspaceId/loyalty/customers/:customerId/adjustments': 'loyalty.adjust',
  // The cashier reads a customer's points at the till of his own branch, to redeem them at checkout.
  'GET /api/v1/workspaces/:workspaceId/branches/:branchId/loyalty/customers/:customerId':
    'sales.write (branch)',
  'GET /api/v1/workspaces/:workspaceId/promotions': 'promotions.read',
  'POST /api/v1/workspaces/:workspaceId/promotions': 'promotions.manage',
  'GET /api/v1/workspaces/:workspaceId/promotions/results': 'promotions.read',
  'GET /api/v1/workspaces/:workspaceId/promotions/:promotionId': 'promotions.read',
  'PATCH /api/v1/workspaces/:workspaceId/promotions/:promotionId': 'promotions.manage',
  'POST /api/v1/workspaces/:workspaceId/promotions/:promotionId/archive': 'promotions.manage',
  'GET /api/v1/workspaces/:workspaceId/promotions/:promotionId/codes': 'promotions.read',
  'GET /api/v1/workspaces/:workspaceId/promotions/:promotionId/codes/export': 'promotions.manage',
  'POST /api/v1/workspaces/:workspaceId/promotions/:promotionId/codes': 'promotions.manage',
  'POST /api/v1/workspaces/:workspaceId/promotions/:promotionId/batches': 'promotions.manage',
  'POST /api/v1/workspaces/:workspaceId/branches/:branchId/promotions/quote': 'sales.write (branch)',
  'GET /api/v1/workspaces/:workspaceId/branches/:branchId/promotions/available': 'sales.write (branch)',
  'GET /api/v1/workspaces/:workspaceId/referrals/program': 'loyalty.read',
  'PUT /api/v1/workspaces/:workspaceId/referrals/program': 'loyalty.manage',
  'GET /api/v1/workspaces/:workspaceId/referrals': 'loyalty.read',
  'GET /api/v1/workspaces/:workspaceId/referrals/export': 'loyalty.read',
  'GET /api/v1/workspaces/:workspaceId/referrals/results': 'loyalty.read',
  'GET /api/v1/workspaces/:workspaceId/referrals/refusals': 'loyalty.read',
  'GET /api/v1/workspaces/:workspaceId/customers/:customerId/referral': 'loyalty.read',
  'GET /api/v1/workspaces/:workspaceId/affiliates': 'loyalty.read',
  'POST /api/v1/workspaces/:workspaceId/affiliates': 'loyalty.manage',
  'GET /api/v1/workspaces/:workspaceId/affiliates/:affiliateId': 'loyalty.read',
  'PATCH /api/v1/workspaces/:workspaceId/affiliates/:affiliateId': 'loyalty.manage',
  'GET /api/v1/workspaces/:workspaceId/affiliates/:affiliateId/statement': 'loyalty.read',
  'GET /api/v1/workspaces/:workspaceId/affiliates/:affiliateId/statement/export': 'loyalty.read',
  // Public by design: the referral link a customer shares; counts the visit and shows the friend's offer.
  'GET /ajak/:code': 'public',
};

type Caller =
  | { name: string; kind: 'user'; role: Role | 'outsider'; user: SignedInUser; branchIds: string[] }
  | { name: string; kind: 'key'; key: string; keyKind: 'write' | 'installation' | 'scoped'; scopes: string[] }
  | { name: 'anonymous'; kind: 'anonymous' };

const REACHED = 299;
let t: TestApp;
let callers: Caller[];
let branchId: string;
let stopAfterAuthorization = false;

beforeAll(async () => {
  // Stops every request the moment it is authorized, so the matrix needs no data behind the ids.
  t = await startTestApp({
    afterAccessControl: (app) =>
      app.addHook('preValidation', async (_request, reply) => {
        if (stopAfterAuthorization) return reply.status(REACHED).send({ reached: true });
      }),
  });
  const ws = t.workspace.id;
  branchId = (await t.services.branches.create(ws, { name: 'Outlet Kemang' })).id;
  const elsewhere = (await t.services.branches.create(ws, { name: 'Outlet Depok' })).id;
  const other = await t.services.workspaces.create({ name: 'Toko Sebelah' });
  const users: [string, Role | 'outsider', string[]][] = [
    ['owner', 'owner', []],
    ['admin', 'admin', []],
    ['manager of the branch', 'manager', [branchId]],
    ['manager of another branch', 'manager', [elsewhere]],
    ['cashier of the branch', 'cashier', [branchId]],
    ['cashier of another branch', 'cashier', [elsewhere]],
    ['analyst', 'analyst', []],
    ['owner of another workspace', 'outsider', []],
  ];
  callers = [];
  for (const [name, role, branchIds] of users) {
    const user =
      role === 'outsider'
        ? await aMember(t, 'owner', { workspaceId: other.id })
        : await aMember(t, role, { branchIds });
    callers.push({ name, kind: 'user', role, user, branchIds });
  }
  const scoped = await t.services.keys.create({
    workspaceId: ws,
    kind: 'secret',
    name: 'reader',
    scopes: ['journey.read'],
  });
  const otherKey = await t.services.keys.create({ workspaceId: other.id, kind: 'secret', name: 'other' });
  callers.push(
    { name: 'installation key', kind: 'key', key: t.adminKey, keyKind: 'installation', scopes: ['*'] },
    { name: 'scoped key', kind: 'key', key: scoped.key, keyKind: 'scoped', scopes: ['journey.read'] },
    { name: 'key of another workspace', kind: 'key', key: otherKey.key, keyKind: 'scoped', scopes: ['none'] },
    { name: 'write key', kind: 'key', key: t.writeKey, keyKind: 'write', scopes: [] },
    { name: 'anonymous', kind: 'anonymous' },
  );
  stopAfterAuthorization = true;
});
afterAll(() => t.close());

/** What the policy says, from the declared access and the roles table alone. */
function expected(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (caller.kind === 'anonymous') return false;
  if (access === 'write') return caller.kind === 'key' && caller.keyKind === 'write';
  if (caller.kind === 'key' && caller.keyKind === 'write') return false;
  if (access === 'session') return caller.kind === 'user';
  if (access === 'account') return true;
  if (caller.kind === 'key') return caller.scopes.includes('*') || caller.scopes.includes(access.permission);
  if (caller.role === 'outsider') return false;
  if (!roleCan(caller.role, access.permission)) return false;
  return !access.branch || !isBranchScoped(caller.role) || caller.branchIds.includes(branchId);
}

function urlFor(url: string): string {
  return url
    .replace(':workspaceId', t.workspace.id)
    .replace(':branchId', branchId)
    .replace(/:[a-zA-Z]+/g, () => randomUUID())
    .replace('*', 'batch');
}

function send(method: string, url: string, caller: Caller) {
  const headers: Record<string, string> = {};
  if (caller.kind === 'user') {
    headers.cookie = caller.user.cookie;
    headers['x-csrf-token'] = caller.user.csrf;
  }
  if (caller.kind === 'key') {
    headers.authorization =
      caller.keyKind === 'write'
        ? `Basic ${Buffer.from(`${caller.key}:`).toString('base64')}`
        : `Bearer ${caller.key}`;
  }
  const withBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  return t.app.inject({
    method: method as 'GET',
    url: urlFor(url),
    headers,
    ...(withBody ? { payload: {} } : {}),
  });
}

describe('authorization matrix', () => {
  it('has every route in the matrix with the access it declares, and no route without one', () => {
    const declared = Object.fromEntries(t.routes.map((r) => [`${r.method} ${r.url}`, accessLabel(r.access)]));
    expect(declared).toEqual(EXPECTED);
  });

  it('has every role in the matrix', () => {
    const roles = new Set(callers.flatMap((c) => (c.kind === 'user' ? [c.role] : [])));
    for (const role of ROLES) expect(roles.has(role), role).toBe(true);
  });

  it('allows and refuses every route for every role, key and outsider as the policy says', async () => {
    const mismatches: string[] = [];
    for (const route of t.routes) {
      for (const caller of callers) {
        const response = await send(route.method, route.url, caller);
        const allowed = response.statusCode === REACHED;
        if (!allowed && ![401, 403, 404].includes(response.statusCode)) {
          mismatches.push(
            `${route.method} ${route.url} as ${caller.name}: unexpected ${response.statusCode} ${response.body}`,
          );
        } else if (allowed !== expected(route.access, caller)) {
          mismatches.push(
            `${route.method} ${route.url} as ${caller.name}: ${allowed ? 'allowed' : 'refused'}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
