import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { roleCan } from '@jejak/core';
import type { Product } from '@jejak/storage';
import { Type } from 'typebox';
import { PageQuery, WorkspaceParams, errorResponses, pageOf } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import {
  ProductBody,
  ProductImportBody,
  ProductImportResult,
  ProductParams,
  ProductPatch,
  ProductSchema,
  SalesSettingsSchema,
} from './sales.schemas.ts';
import { settingsView } from './sales-settings.service.ts';

const tags = ['sales'];

/** The catalogue and the sales settings of a workspace. */
export function registerProductRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/products',
    {
      config: { access: { permission: 'sales.read' } },
      schema: {
        tags,
        summary: 'Products by name, with search (name, SKU, category, exact barcode)',
        params: WorkspaceParams,
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            search: Type.Optional(Type.String({ maxLength: 200 })),
            activeOnly: Type.Optional(Type.Boolean()),
          }),
        ]),
        response: { 200: pageOf(ProductSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 50, ...rest } = request.query;
      const page = await services.products.list(request.params.workspaceId, { limit, ...rest });
      return { items: page.items.map((p) => productView(p, request)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/workspaces/:workspaceId/products/by-code/:code',
    {
      config: { access: { permission: 'sales.read' } },
      schema: {
        tags,
        summary: 'The product with this barcode (what a scanner types) or SKU',
        params: Type.Intersect([
          WorkspaceParams,
          Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
        ]),
        response: { 200: ProductSchema, ...errorResponses },
      },
    },
    async (request) =>
      productView(await services.products.byCode(request.params.workspaceId, request.params.code), request),
  );

  app.get(
    '/workspaces/:workspaceId/products/export',
    {
      config: { access: { permission: 'sales.manage' } },
      schema: {
        tags,
        summary: 'The catalogue as CSV (the columns the import reads)',
        params: WorkspaceParams,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="produk.csv"')
        .send(await services.products.exportCsv(request.params.workspaceId)),
  );

  app.post(
    '/workspaces/:workspaceId/products/import',
    {
      config: { access: { permission: 'sales.manage' }, audit: 'product.import' },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import products from CSV: new SKUs created, known ones updated; refused rows reported by line',
        params: WorkspaceParams,
        body: ProductImportBody,
        response: { 200: ProductImportResult, ...errorResponses },
      },
    },
    async (request) =>
      services.products.importCsv(request.params.workspaceId, request.body.csv, request.body.dryRun ?? false),
  );

  app.post(
    '/workspaces/:workspaceId/products',
    {
      config: { access: { permission: 'sales.manage' }, audit: 'product.create' },
      schema: {
        tags,
        summary: 'Add a product',
        params: WorkspaceParams,
        body: ProductBody,
        response: { 201: ProductSchema, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(productView(await services.products.create(request.params.workspaceId, request.body), request)),
  );

  app.get(
    '/workspaces/:workspaceId/products/:productId',
    {
      config: { access: { permission: 'sales.read' } },
      schema: {
        tags,
        summary: 'One product',
        params: ProductParams,
        response: { 200: ProductSchema, ...errorResponses },
      },
    },
    async (request) =>
      productView(await services.products.get(request.params.workspaceId, request.params.productId), request),
  );

  app.patch(
    '/workspaces/:workspaceId/products/:productId',
    {
      config: { access: { permission: 'sales.manage' }, audit: 'product.update' },
      schema: {
        tags,
        summary: 'Change a product (price, cost, barcode, name, active...); the SKU stays',
        params: ProductParams,
        body: ProductPatch,
        response: { 200: ProductSchema, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) =>
      productView(
        await services.products.update(request.params.workspaceId, request.params.productId, request.body),
        request,
      ),
  );

  app.get(
    '/workspaces/:workspaceId/sales/settings',
    {
      config: { access: { permission: 'sales.read' } },
      schema: {
        tags,
        summary: 'PPN rate and mode, and whether stock may go below zero',
        params: WorkspaceParams,
        response: { 200: SalesSettingsSchema, ...errorResponses },
      },
    },
    async (request) => settingsView(await services.salesSettings.get(request.params.workspaceId)),
  );

  app.put(
    '/workspaces/:workspaceId/sales/settings',
    {
      config: { access: { permission: 'sales.manage' }, audit: 'sales.settings' },
      schema: {
        tags,
        summary: 'Change the PPN rate and mode, and whether stock may go below zero',
        params: WorkspaceParams,
        body: SalesSettingsSchema,
        response: { 200: SalesSettingsSchema, ...errorResponses },
      },
    },
    async (request) =>
      settingsView(await services.salesSettings.put(request.params.workspaceId, request.body)),
  );
}

/** A product; its cost only for those who manage the catalogue (a cashier has no need of margins). */
export function productView(p: Product, request: FastifyRequest) {
  const role = request.grant?.role ?? null;
  const seesCost = role === null || roleCan(role, 'sales.manage');
  return {
    id: p.id,
    sku: p.sku,
    barcode: p.barcode,
    name: p.name,
    category: p.category,
    unit: p.unit,
    price: p.price,
    cost: seesCost ? p.cost : null,
    active: p.active === 1,
    trackStock: p.track_stock === 1,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}
