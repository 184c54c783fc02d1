import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { MappingError, SALE_PRESETS, mappingFrom, presetMapping, type SalePreset } from '@jejak/core';
import { Type } from 'typebox';
import { StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import { badRequest } from '../http/http-error.ts';
import type { Services } from '../services.ts';

/** The Online Retail file is 45 MB as CSV and 7.5 MB gzipped; a shop's history fits well under this. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const tags = ['sales'];

const Rejected = Type.Object({ line: Type.Integer(), code: Type.String(), reason: Type.String() });

const SalesImportQuery = Type.Object({
  preset: Type.Optional(StringEnum(SALE_PRESETS)),
  map: Type.Optional(
    Type.String({
      maxLength: 2000,
      description:
        'column=field pairs separated by commas, laid over the preset: Faktur=invoice,Tanggal=date',
    }),
  ),
  dryRun: Type.Optional(Type.Boolean({ default: false })),
  branchId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  source: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
});

const SalesImportResult = Type.Object({
  source: Type.String(),
  dryRun: Type.Boolean(),
  lines: Type.Object({
    total: Type.Integer(),
    inOrders: Type.Integer(),
    inRefunds: Type.Integer(),
    alreadyImported: Type.Integer(),
    rejected: Type.Integer(),
  }),
  orders: Type.Object({ created: Type.Integer(), guest: Type.Integer(), alreadyImported: Type.Integer() }),
  refunds: Type.Object({ created: Type.Integer(), alreadyImported: Type.Integer() }),
  customers: Type.Object({ created: Type.Integer() }),
  products: Type.Object({ created: Type.Integer() }),
  amounts: Type.Object({ sales: Type.Integer(), refunds: Type.Integer() }),
  rejectedByCode: Type.Record(Type.String(), Type.Integer()),
  errors: Type.Array(Rejected),
  ms: Type.Integer(),
});

const CustomerImportQuery = Type.Object({
  map: Type.Optional(Type.String({ maxLength: 2000, description: 'column=field pairs separated by commas' })),
  dryRun: Type.Optional(Type.Boolean({ default: false })),
});

const CustomerImportResult = Type.Object({
  dryRun: Type.Boolean(),
  lines: Type.Object({
    total: Type.Integer(),
    imported: Type.Integer(),
    alreadyImported: Type.Integer(),
    rejected: Type.Integer(),
  }),
  customers: Type.Object({ created: Type.Integer(), matched: Type.Integer() }),
  errors: Type.Array(Rejected),
  ms: Type.Integer(),
});

const description =
  'The request body is the file itself (CSV, semicolon or tab separated, gzip, or CDNOW text), up to 64 MB; ' +
  'send it as text/csv, application/gzip or application/octet-stream.';

/**
 * Imports of a shop's history (issue 5 §6) for owners and admins (`sales.manage`). The file is the raw
 * body, so a 45 MB CSV is not wrapped in JSON; what to do with it is in the query string.
 */
export function registerImportRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/workspaces/:workspaceId/imports/sales',
    {
      config: { access: { permission: 'sales.manage' }, audit: 'sales.import' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary:
          'Import historical sales: a dry run reports what would be imported; every line is in an order, a refund, already imported, or rejected with its reason',
        description,
        params: WorkspaceParams,
        querystring: SalesImportQuery,
        response: { 200: SalesImportResult, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) => {
      const { preset, map, dryRun, branchId, source } = request.query;
      return services.salesImport.importSales(request.params.workspaceId, fileOf(request.body), {
        mapping: mappingOf(preset, map),
        source: source ?? preset ?? 'import',
        dryRun: dryRun ?? false,
        ...(branchId ? { branchId } : {}),
      });
    },
  );

  app.post(
    '/workspaces/:workspaceId/imports/customers',
    {
      config: { access: { permission: 'sales.manage' }, audit: 'customers.import' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary:
          'Import customers (id, name, phone, email): phones and emails normalised and matched by the identity rules; a re-run adds nothing',
        description,
        params: WorkspaceParams,
        querystring: CustomerImportQuery,
        response: { 200: CustomerImportResult, ...errorResponses, 413: errorResponses[400] },
      },
    },
    async (request) =>
      services.customerImport.importCustomers(request.params.workspaceId, fileOf(request.body), {
        map: pairs(request.query.map),
        dryRun: request.query.dryRun ?? false,
      }),
  );
}

function fileOf(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw badRequest('body: send the file as the request body');
  return body;
}

function pairs(map: string | undefined): string[] {
  return (map ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function mappingOf(preset: SalePreset | undefined, map: string | undefined) {
  const given = pairs(map);
  if (preset === undefined && given.length === 0)
    throw badRequest('querystring: name a preset or map the columns (map=column=field,...)');
  try {
    return preset ? mappingFrom(given, presetMapping(preset)) : mappingFrom(given);
  } catch (error) {
    if (error instanceof MappingError)
      throw badRequest(`querystring/map: ${error.message}`, undefined, 'invalid_mapping');
    throw error;
  }
}
