import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ContentItem } from '@jejak/storage';
import { IsoInstant, Nullable, StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import { badRequest } from '../http/http-error.ts';
import type { Services } from '../services.ts';
import { CONTENT_KINDS } from './content.service.ts';

const tags = ['stage content'];
const DAY = 86_400_000;
const ItemParams = Type.Intersect([WorkspaceParams, Type.Object({ itemId: Type.String({ maxLength: 64 }) })]);
const ContentSchema = Type.Object(
  {
    id: Type.String(),
    kind: StringEnum(CONTENT_KINDS),
    title: Type.String(),
    stage: Type.String({ description: 'The journey stage it serves' }),
    url: Type.String(),
    generalPath: Type.String({ description: 'The tracked general link: views are counted' }),
    archivedAt: Nullable(Type.Number()),
    createdAt: Type.Number(),
  },
  { $id: 'ContentItem' },
);
const ContentBody = Type.Object({
  kind: StringEnum(CONTENT_KINDS),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  stage: Type.String({ minLength: 1, maxLength: 64 }),
  url: Type.String({ minLength: 1, maxLength: 2000 }),
});
const Views = { views: Type.Integer(), customers: Type.Integer({ description: 'Distinct customers' }) };

const view = (item: ContentItem) => ({
  id: item.id,
  kind: item.kind as (typeof CONTENT_KINDS)[number],
  title: item.title,
  stage: item.stage,
  url: item.url,
  generalPath: `/c/${item.token}`,
  archivedAt: item.archived_at,
  createdAt: item.created_at,
});

/** The content library: items per stage, tracked links, and views per item, stage and customer. */
export function registerContentRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/content',
    {
      config: { access: { permission: 'content.read' } },
      schema: {
        tags,
        summary: 'Stage content, newest first',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(ContentSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await services.content.list(request.params.workspaceId)).map(view) }),
  );

  app.post(
    '/workspaces/:workspaceId/content',
    {
      config: { access: { permission: 'content.manage' } },
      schema: {
        tags,
        summary: 'Add an item: a link to the material, tagged with the stage it serves',
        params: WorkspaceParams,
        body: ContentBody,
        response: { 201: ContentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(view(await services.content.create(request.params.workspaceId, request.body))),
  );

  app.patch(
    '/workspaces/:workspaceId/content/:itemId',
    {
      config: { access: { permission: 'content.manage' } },
      schema: {
        tags,
        summary: 'Change an item, or archive it (its links then lead nowhere) and restore it',
        params: ItemParams,
        body: Type.Intersect([
          Type.Partial(ContentBody),
          Type.Object({ archived: Type.Optional(Type.Boolean()) }),
        ]),
        response: { 200: ContentSchema, ...errorResponses },
      },
    },
    async (request) =>
      view(await services.content.update(request.params.workspaceId, request.params.itemId, request.body)),
  );

  app.post(
    '/workspaces/:workspaceId/content/:itemId/links',
    {
      config: { access: { permission: 'content.manage' } },
      schema: {
        tags,
        summary: "A tracked link for one customer: each view is the customer's Content Viewed touchpoint",
        params: ItemParams,
        body: Type.Object({ customerId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 201: Type.Object({ path: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = await services.content.linkFor(
        request.params.workspaceId,
        request.params.itemId,
        request.body.customerId,
      );
      return reply.status(201).send({ path: `/c/${token}` });
    },
  );

  app.get(
    '/workspaces/:workspaceId/content/views',
    {
      config: { access: { permission: 'content.read' } },
      schema: {
        tags,
        summary: 'Views per item, per stage and per customer in [from, to) (default: the last 30 days)',
        params: WorkspaceParams,
        querystring: Type.Object({ from: Type.Optional(IsoInstant), to: Type.Optional(IsoInstant) }),
        response: {
          200: Type.Object({
            byItem: Type.Array(Type.Object({ itemId: Type.String(), ...Views })),
            byStage: Type.Array(Type.Object({ stage: Type.String(), ...Views })),
            byCustomer: Type.Array(
              Type.Object({
                customerId: Type.String(),
                customerName: Nullable(Type.String()),
                views: Type.Integer(),
                lastAt: Type.Number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      // By default up to and including this moment.
      const to = request.query.to ? Date.parse(request.query.to) : services.now() + 1;
      const from = request.query.from ? Date.parse(request.query.from) : to - 30 * DAY;
      if (!(from < to)) throw badRequest('from must be before to');
      const stats = await services.content.stats(request.params.workspaceId, from, to);
      return {
        byItem: stats.byItem.map((r) => ({ itemId: r.item_id, views: r.views, customers: r.customers })),
        byStage: stats.byStage,
        byCustomer: stats.byCustomer.map((r) => ({
          customerId: r.customer_id,
          customerName: r.customer_name,
          views: r.views,
          lastAt: r.last_at,
        })),
      };
    },
  );
}

/** GET /c/:token: public by design, the tracked link itself; records the view and redirects to the material. */
export function registerContentRedirect(app: FastifyInstance, services: Services): void {
  app.get('/c/:token', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (token.length < 8 || token.length > 64) return reply.status(404).send();
    const url = await services.content.open(token);
    return reply.header('cache-control', 'no-store').redirect(url, 302);
  });
}
