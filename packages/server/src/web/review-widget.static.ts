import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';

const WIDGET_FILE = resolve(import.meta.dirname, 'review-widget.js');

/**
 * GET /review-widget.js: the reviews widget a business puts on its own site with one script tag.
 * Public by design (like /tracker.js), readable from any origin, cacheable for an hour.
 */
export function registerReviewWidgetScript(app: FastifyInstance): void {
  const body = readFileSync(WIDGET_FILE);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  app.get(
    '/review-widget.js',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      void reply
        .header('cache-control', 'public, max-age=3600')
        .header('etag', etag)
        .header('access-control-allow-origin', '*');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type('text/javascript; charset=utf-8').send(body);
    },
  );
}
