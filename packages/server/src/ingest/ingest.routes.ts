import type { FastifyInstance } from 'fastify';
import { MAX_BATCH_BYTES, MAX_MESSAGE_BYTES, type EventType } from '@jejak/core';
import type { Principal } from '../auth/principal.ts';
import type { Config } from '../config.ts';
import { HttpError, badRequest } from '../http/http-error.ts';
import type { Services } from '../services.ts';
import type { IngestResult } from './ingest.service.ts';

const SINGLE_TYPES: readonly EventType[] = ['track', 'identify', 'page', 'screen', 'group', 'alias'];

/**
 * The Segment HTTP Tracking API. A real Segment or RudderStack client pointed at Jejak works as it is:
 * the write key is the Basic username (or `writeKey` in the body), `/v1/batch` takes up to 500 KB,
 * each message up to 32 KB. The reply is sent only after the events are durable.
 */
export function registerIngestRoutes(app: FastifyInstance, services: Services, config: Config): void {
  // Browsers posting with navigator.sendBeacon send JSON as text/plain.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      const syntax = error as Error;
      done(
        Object.assign(new Error(syntax.message), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }),
      );
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('access-control-allow-origin', config.ingestCorsOrigin);
  });
  app.options('/v1/*', { config: { access: 'public' } }, async (_request, reply) =>
    reply
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '86400')
      .status(204)
      .send(),
  );

  const batchHandler = async (request: { body: unknown; principal?: Principal }) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw badRequest('The body must be a JSON object with a batch array');
    }
    const { batch, sentAt, context } = body as { batch?: unknown; sentAt?: unknown; context?: unknown };
    if (!Array.isArray(batch)) throw badRequest('batch must be an array of messages');
    if (batch.length === 0) throw badRequest('batch is empty: send at least one message');
    const result = await services.ingest.ingest(keyOf(request), batch, {
      endpoint: '/v1/batch',
      batchSentAt: sentAt,
      batchContext: context,
    });
    if (result.accepted === 0 && result.duplicates === 0) {
      throw new HttpError(
        400,
        'all_events_invalid',
        'No message in the batch is valid; each one is listed with its reason',
        {
          rejected: result.rejected,
        },
      );
    }
    return reply(result);
  };
  const batchRoute = { config: { access: 'write' as const }, bodyLimit: MAX_BATCH_BYTES };
  app.post('/v1/batch', batchRoute, batchHandler);
  app.post('/v1/import', batchRoute, batchHandler);

  for (const type of SINGLE_TYPES) {
    app.post(
      `/v1/${type}`,
      { config: { access: 'write' }, bodyLimit: MAX_MESSAGE_BYTES },
      async (request) => {
        const result = await services.ingest.ingest(keyOf(request), [request.body], {
          endpoint: `/v1/${type}`,
          type,
        });
        const rejected = result.rejected[0];
        if (rejected) throw badRequest(rejected.reason, { messageId: rejected.messageId }, 'invalid_event');
        return reply(result);
      },
    );
  }
}

function keyOf(request: { principal?: Principal }) {
  if (request.principal?.kind !== 'key') throw new Error('ingest route reached without a write key');
  return request.principal.key;
}

function reply(result: IngestResult) {
  return {
    success: true,
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected: result.rejected,
  };
}
