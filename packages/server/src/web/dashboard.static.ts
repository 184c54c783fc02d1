import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

type NotFound = (request: FastifyRequest, reply: FastifyReply) => unknown;

/** Where `vite build` writes the dashboard (apps/web/dist), from this file's place in the repository. */
export const DEFAULT_WEB_DIR = resolve(import.meta.dirname, '..', '..', '..', '..', 'apps', 'web', 'dist');

/** Paths that belong to the API or ingestion: an unknown one is a 404 in JSON, never the dashboard. */
const API_PATH = /^\/(api|v1)(\/|$)|^\/health$/;

/**
 * Serves the built dashboard. It answers from the not-found handler rather than from routes of its
 * own: every route must declare its access (and appears in the authorization matrix), while these
 * files are public by nature, and the SPA needs every unknown page path to get index.html anyway.
 */
export async function registerDashboard(
  app: FastifyInstance,
  webDir: string,
  notFound: NotFound,
): Promise<void> {
  const built = existsSync(join(webDir, 'index.html'));
  // serve: false adds reply.sendFile without registering routes.
  if (built) await app.register(fastifyStatic, { root: webDir, serve: false });
  app.setNotFoundHandler((request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    const page = request.method === 'GET' || request.method === 'HEAD';
    if (!page || API_PATH.test(path)) return notFound(request, reply);
    if (!built) return reply.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    const file = normalize(path)
      .replace(/^(\.\.[/\\])+/, '')
      .replace(/^\/+/, '');
    if (file !== '' && isFile(join(webDir, file))) {
      // Vite names assets by content hash, so they never change under the same name.
      const immutable = file.startsWith('assets/');
      return reply.sendFile(file, { immutable, maxAge: immutable ? '365d' : 0 });
    }
    // Any other page path is a route of the dashboard: the app reads the URL itself.
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const NOT_BUILT =
  'The dashboard has not been built yet. Run `npm run build:web` (npm start does it for you), then reload.\n';
