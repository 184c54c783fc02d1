import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { StockLevelRow, StockMovement } from '@jejak/storage';
import { Type } from 'typebox';
import { WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import { actorOf } from './actor.ts';
import {
  BranchParams,
  BranchProductParams,
  MovementBody,
  StockLevelSchema,
  StockMovementSchema,
  ThresholdBody,
  TransferBody,
} from './sales.schemas.ts';

const tags = ['stock'];
const conflictResponse = { 409: errorResponses[400] };

/** Stock per branch. Managers and cashiers reach only their own branches' stock. */
export function registerStockRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/branches/:branchId/stock',
    {
      config: { access: { permission: 'sales.read', branch: true } },
      schema: {
        tags,
        summary: 'Stock of every tracked product at the branch (lowOnly: what is running low)',
        params: BranchParams,
        querystring: Type.Object({ lowOnly: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ items: Type.Array(StockLevelSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (
        await services.stock.branchLevels(
          request.params.workspaceId,
          request.params.branchId,
          request.query.lowOnly ?? false,
        )
      ).map(levelView),
    }),
  );

  app.get(
    '/workspaces/:workspaceId/stock/low',
    {
      config: { access: { permission: 'sales.read' } },
      schema: {
        tags,
        summary: 'What is running low, across the branches the caller may see',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(StockLevelSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      const branches = await services.stock.visibleBranches(ws, request.grant?.branchIds ?? []);
      return { items: (await services.stock.lowAt(ws, branches)).map(levelView) };
    },
  );

  app.get(
    '/workspaces/:workspaceId/branches/:branchId/stock/:productId/movements',
    {
      config: { access: { permission: 'sales.read', branch: true } },
      schema: {
        tags,
        summary: 'The ledger of a product at the branch, newest first, with the stock after each movement',
        params: BranchProductParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          before: Type.Optional(Type.Integer({ minimum: 1, description: 'Movements older than this id' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(StockMovementSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { workspaceId, branchId, productId } = request.params;
      const rows = await services.stock.movements(
        workspaceId,
        branchId,
        productId,
        request.query.limit ?? 100,
        request.query.before,
      );
      return { items: rows.map(movementView) };
    },
  );

  app.post(
    '/workspaces/:workspaceId/branches/:branchId/stock/movements',
    {
      config: { access: { permission: 'stock.manage', branch: true }, audit: 'stock.move' },
      schema: {
        tags,
        summary: 'Record goods received, or a correction with its reason',
        params: BranchParams,
        body: MovementBody,
        response: { 201: StockMovementSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) => {
      const { workspaceId, branchId } = request.params;
      const movement = await services.stock.record(workspaceId, branchId, request.body, actorOf(request));
      return reply.status(201).send(movementView(movement));
    },
  );

  app.post(
    '/workspaces/:workspaceId/branches/:branchId/stock/transfers',
    {
      config: { access: { permission: 'stock.manage', branch: true }, audit: 'stock.transfer' },
      schema: {
        tags,
        summary: 'Send goods from this branch to another',
        params: BranchParams,
        body: TransferBody,
        response: {
          201: Type.Object({ transferId: Type.String(), movements: Type.Array(StockMovementSchema) }),
          ...errorResponses,
          ...conflictResponse,
        },
      },
    },
    async (request, reply) => {
      const { workspaceId, branchId } = request.params;
      const result = await services.stock.transfer(workspaceId, branchId, request.body, actorOf(request));
      return reply
        .status(201)
        .send({ transferId: result.transferId, movements: result.movements.map(movementView) });
    },
  );

  app.put(
    '/workspaces/:workspaceId/branches/:branchId/stock/:productId/threshold',
    {
      config: { access: { permission: 'stock.manage', branch: true }, audit: 'stock.threshold' },
      schema: {
        tags,
        summary: 'Set the low-stock threshold of a product at the branch (null: stop watching)',
        params: BranchProductParams,
        body: ThresholdBody,
        response: { 200: StockLevelSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { workspaceId, branchId, productId } = request.params;
      return levelView(
        await services.stock.setThreshold(workspaceId, branchId, productId, request.body.threshold),
      );
    },
  );
}

function levelView(l: StockLevelRow) {
  return {
    branchId: l.branchId,
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    category: l.category,
    unit: l.unit,
    onHand: l.onHand,
    lowThreshold: l.lowThreshold,
    low: l.lowThreshold !== null && l.onHand <= l.lowThreshold,
  };
}

function movementView(m: StockMovement) {
  return {
    id: m.id,
    kind: m.kind,
    quantity: m.quantity,
    onHandAfter: m.on_hand_after,
    reason: m.reason,
    orderId: m.order_id,
    refundId: m.refund_id,
    transferId: m.transfer_id,
    actorName: m.actor_label,
    at: m.at,
  };
}
