import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';

const tags = ['customers'];
const CustomerParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ customerId: Type.String({ maxLength: 64 }) }),
]);

/** A person's data rights: a full copy, and erasure. Owners and admins only. */
export function registerPrivacyRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/customers/:customerId/export',
    {
      config: { access: { permission: 'customers.personal_data' } },
      schema: {
        tags,
        summary: 'Everything Jejak holds about one customer, as JSON',
        params: CustomerParams,
        response: { 200: Type.Unknown(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const record = await services.privacy.export(request.params.workspaceId, request.params.customerId);
      void reply.header(
        'content-disposition',
        `attachment; filename="customer-${request.params.customerId}.json"`,
      );
      return {
        exportedAt: new Date(services.now()).toISOString(),
        customerId: request.params.customerId,
        ...record,
      };
    },
  );

  app.post(
    '/workspaces/:workspaceId/customers/:customerId/erase',
    {
      config: { access: { permission: 'customers.personal_data' }, audit: 'customer.erase' },
      schema: {
        tags,
        summary:
          'Erase a customer: events, identity keys and personal traits go; counts per stage stay; a later event with the same identity starts a new customer',
        params: CustomerParams,
        response: {
          200: Type.Object({
            customerId: Type.String(),
            profiles: Type.Number(),
            events: Type.Number(),
            identityKeys: Type.Number(),
            merges: Type.Number(),
            quarantined: Type.Number(),
            ticketMessages: Type.Number({ description: 'ticket messages removed' }),
            surveyAnswers: Type.Number({ description: 'survey answers unlinked, their comments removed' }),
            interviewNotes: Type.Number({ description: 'interview notes about the customer deleted' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.privacy.erase(request.params.workspaceId, request.params.customerId),
  );
}
