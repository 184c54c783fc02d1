import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Where `vite build` writes the website tracker (packages/tracker/dist), from this file's place. */
export const DEFAULT_TRACKER_FILE = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'tracker',
  'dist',
  'tracker.js',
);

// Sites include the script by this fixed name, so it cannot be cached forever: an hour, then a
// revalidation that costs a 304 while it has not changed.
const CACHE_CONTROL = 'public, max-age=3600';

interface Loaded {
  mtimeMs: number;
  body: Buffer;
  etag: string;
}

/**
 * GET /tracker.js: the script a website includes with one tag and its write key. Public (it is on
 * every page of the business's site), readable from any origin, cacheable, and re-read when rebuilt.
 */
export function registerTrackerScript(app: FastifyInstance, file: string): void {
  let loaded: Loaded | undefined;
  const load = (): Loaded | undefined => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    if (loaded?.mtimeMs !== mtimeMs) {
      const body = readFileSync(file);
      loaded = {
        mtimeMs,
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      };
    }
    return loaded;
  };

  app.get('/tracker.js', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const script = load();
    if (!script) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The website tracker has not been built yet: run `npm run build:web` (npm start does it for you).\n',
        );
    }
    void reply
      .header('cache-control', CACHE_CONTROL)
      .header('etag', script.etag)
      .header('access-control-allow-origin', '*');
    if (request.headers['if-none-match'] === script.etag) return reply.status(304).send();
    return reply.type('text/javascript; charset=utf-8').send(script.body);
  });
}
