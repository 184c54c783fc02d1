import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { WorkspaceParams, errorResponses, ErrorSchema } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import { InboundTicketSchema } from './support.schemas.ts';

/**
 * The signed inbound webhook a WhatsApp or email provider calls: public by design, authenticated by
 * its HMAC signature instead of a key (docs/inbound-webhook.md). The body is read raw, so the
 * signature is checked over exactly the bytes that were sent.
 */
export function registerInboundRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/inbound/:workspaceId/tickets',
    {
      config: { access: 'public' },
      schema: {
        tags: ['tickets'],
        summary:
          'Inbound message from a provider (signed webhook): opens a ticket or joins the open one of its conversation',
        description:
          'Headers: X-Jejak-Timestamp (Unix seconds, within 5 minutes of the server clock) and X-Jejak-Signature: ' +
          'v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the workspace secret>. The body is the schema below; ' +
          'its id must be unique per delivery: a repeat is refused with 409. Any refusal stores nothing.',
        params: WorkspaceParams,
        headers: Type.Object({
          'x-jejak-timestamp': Type.Optional(Type.String()),
          'x-jejak-signature': Type.Optional(Type.String()),
        }),
        body: InboundTicketSchema,
        response: {
          200: Type.Object({ ticketId: Type.String(), number: Type.Integer(), created: Type.Boolean() }),
          201: Type.Object({ ticketId: Type.String(), number: Type.Integer(), created: Type.Boolean() }),
          ...errorResponses,
          409: ErrorSchema,
        },
      },
      // The body is a raw string checked after the signature; the schema above documents it.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const result = await services.inbound.receive(
        request.params.workspaceId,
        { timestamp: request.headers['x-jejak-timestamp'], signature: request.headers['x-jejak-signature'] },
        raw,
      );
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
}
