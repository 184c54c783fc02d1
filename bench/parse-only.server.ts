/**
 * The ingestion baseline: a bare Fastify server with Jejak's body limits and a /v1/batch route that
 * parses the JSON body (Fastify's own parser, as in the product) and answers. Started by the bench as
 * its own process; never part of the product.
 */
import Fastify from 'fastify';
import { MAX_BATCH_BYTES } from '@jejak/core';

const app = Fastify({ logger: false, bodyLimit: MAX_BATCH_BYTES + 16 * 1024 });
app.post('/v1/batch', { bodyLimit: MAX_BATCH_BYTES }, (request) => {
  const { batch } = request.body as { batch: unknown[] };
  return { success: true, received: batch.length };
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`parse-only baseline listening on ${url}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
