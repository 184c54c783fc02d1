import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Customer } from '@jejak/storage';
import { Type } from 'typebox';
import { IsoInstant, PageQuery, WorkspaceParams, errorResponses, pageOf } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import { actorOf } from './actor.ts';
import { orderSummary } from './order.view.ts';
import {
  BranchParams,
  CheckoutBody,
  CounterCustomerBody,
  CounterCustomerSchema,
  OrderParams,
  OrderSchema,
  OrderSummarySchema,
  ReceiptSchema,
  RefundBody,
  VoidBody,
} from './sales.schemas.ts';

const tags = ['sales'];
const conflictResponse = { 409: errorResponses[400] };
const OrderListQuery = Type.Intersect([
  PageQuery,
  Type.Object({ from: Type.Optional(IsoInstant), to: Type.Optional(IsoInstant) }),
]);

/** Sales at the counter: checkout, orders, refunds and voids, the customer at the till, receipts. */
export function registerOrderRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/workspaces/:workspaceId/branches/:branchId/orders',
    {
      config: { access: { permission: 'sales.write', branch: true }, audit: 'order.create' },
      schema: {
        tags,
        summary: 'Check out a sale: price, payments, stock and the customer’s journey in one transaction',
        description:
          'Prices come from the catalogue; PPN follows the workspace settings. Payments must add up to the total; ' +
          'cash may be tendered above its amount (the rest is change). Sending the same externalRef again returns the stored order (200).',
        params: BranchParams,
        body: CheckoutBody,
        response: { 201: OrderSchema, 200: OrderSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      const { workspaceId, branchId } = request.params;
      const result = await services.orders.checkout(workspaceId, branchId, request.body, actorOf(request));
      return reply.status(result.created ? 201 : 200).send(result.order);
    },
  );

  app.get(
    '/workspaces/:workspaceId/branches/:branchId/orders',
    {
      config: { access: { permission: 'sales.read', branch: true } },
      schema: {
        tags,
        summary: 'Orders of the branch, newest first',
        params: BranchParams,
        querystring: OrderListQuery,
        response: { 200: pageOf(OrderSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { workspaceId, branchId } = request.params;
      await services.branches.get(workspaceId, branchId);
      return listOrders(services, workspaceId, [branchId], request.query);
    },
  );

  app.get(
    '/workspaces/:workspaceId/orders',
    {
      config: { access: { permission: 'sales.read' } },
      schema: {
        tags,
        summary: 'Orders of every branch the caller may see, newest first',
        params: WorkspaceParams,
        querystring: OrderListQuery,
        response: { 200: pageOf(OrderSummarySchema), ...errorResponses },
      },
    },
    async (request) =>
      listOrders(services, request.params.workspaceId, request.grant?.branchIds ?? [], request.query),
  );

  app.get(
    '/workspaces/:workspaceId/branches/:branchId/orders/:orderId',
    {
      config: { access: { permission: 'sales.read', branch: true } },
      schema: {
        tags,
        summary: 'One order with its lines, payments and history of refunds and voids',
        params: OrderParams,
        response: { 200: OrderSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { workspaceId, branchId, orderId } = request.params;
      return services.orders.get(workspaceId, branchId, orderId);
    },
  );

  app.post(
    '/workspaces/:workspaceId/branches/:branchId/orders/:orderId/refunds',
    {
      config: { access: { permission: 'sales.refund', branch: true }, audit: 'order.refund' },
      schema: {
        tags,
        summary: 'Refund some or all lines, with a reason; the money goes back through the order’s payments',
        params: OrderParams,
        body: RefundBody,
        response: { 201: OrderSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      const { workspaceId, branchId, orderId } = request.params;
      const order = await services.refunds.refund(
        workspaceId,
        branchId,
        orderId,
        request.body,
        actorOf(request),
      );
      return reply.status(201).send(order);
    },
  );

  app.post(
    '/workspaces/:workspaceId/branches/:branchId/orders/:orderId/void',
    {
      config: { access: { permission: 'sales.refund', branch: true }, audit: 'order.void' },
      schema: {
        tags,
        summary: 'Void a whole sale that has no refund yet, with a reason',
        params: OrderParams,
        body: VoidBody,
        response: { 200: OrderSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request) => {
      const { workspaceId, branchId, orderId } = request.params;
      return services.refunds.void(workspaceId, branchId, orderId, request.body.reason, actorOf(request));
    },
  );

  app.get(
    '/workspaces/:workspaceId/sales/customers',
    {
      config: { access: { permission: 'sales.write' } },
      schema: {
        tags,
        summary: 'Find the customer at the till by phone (any format), name or email',
        params: WorkspaceParams,
        querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 200 }) }),
        response: { 200: Type.Object({ items: Type.Array(CounterCustomerSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await services.counterCustomers.search(request.params.workspaceId, request.query.q)).map(
        customerView,
      ),
    }),
  );

  app.post(
    '/workspaces/:workspaceId/sales/customers',
    {
      config: { access: { permission: 'sales.write' }, audit: 'customer.counter' },
      schema: {
        tags,
        summary: 'Find the customer with this phone, or add them (201)',
        params: WorkspaceParams,
        body: CounterCustomerBody,
        response: { 200: CounterCustomerSchema, 201: CounterCustomerSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.counterCustomers.findOrCreate(request.params.workspaceId, request.body);
      return reply.status(result.created ? 201 : 200).send(customerView(result.customer));
    },
  );

  app.get(
    '/receipts/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A receipt by its share link (no phone or email on it)',
        params: Type.Object({ token: Type.String({ minLength: 10, maxLength: 64 }) }),
        response: { 200: ReceiptSchema, 404: errorResponses[404] },
      },
    },
    async (request) => services.orders.receipt(request.params.token),
  );
}

async function listOrders(
  services: Services,
  workspaceId: string,
  branchIds: readonly string[] | 'all',
  query: { limit?: number; cursor?: string; from?: string; to?: string },
) {
  const page = await services.orders.list(workspaceId, {
    branchIds,
    limit: query.limit ?? 50,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.from ? { from: Date.parse(query.from) } : {}),
    ...(query.to ? { to: Date.parse(query.to) } : {}),
  });
  return { items: page.items.map(orderSummary), nextCursor: page.nextCursor };
}

function customerView(c: Customer) {
  return { id: c.id, name: c.name, phone: c.phone, email: c.email };
}
