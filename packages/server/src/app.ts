import Fastify, { type FastifyInstance, type FastifyPluginCallback } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Store } from '@jejak/storage';
import type { Config } from './config.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { registerAccessControl } from './auth/access.ts';
import { createServices, type Services } from './services.ts';
import { registerIngestRoutes } from './ingest/ingest.routes.ts';
import { registerWorkspaceRoutes } from './workspaces/workspace.routes.ts';
import { registerCustomerRoutes } from './customers/customer.routes.ts';
import { registerJourneyRoutes } from './journey/journey.routes.ts';
import { MAX_BATCH_BYTES } from '@jejak/core';

export type App = FastifyInstance;

/** Wraps a synchronous route registration as an encapsulated Fastify plugin. */
function plugin(register: (scope: FastifyInstance) => void): FastifyPluginCallback {
  return (scope, _options, done) => {
    register(scope);
    done();
  };
}

export interface AppOptions {
  config: Config;
  store: Store;
  /** The clock, passed in so tests can hold time still. */
  now?: () => number;
}

export async function buildApp(options: AppOptions): Promise<{ app: App; services: Services }> {
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: options.config.logLevel === 'silent' ? false : { level: options.config.logLevel },
    // A batch may be 500 KB of events; the ingest routes set their own tighter limits per message.
    bodyLimit: MAX_BATCH_BYTES + 16 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services = createServices(options.store, now);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Jejak API',
        version: '0.1.0',
        description:
          'Customer journey platform. Ingestion speaks the Segment HTTP Tracking API under /v1 (write key as the Basic username); ' +
          'everything else lives under /api/v1 and takes a secret key as a Bearer token.',
      },
      components: {
        securitySchemes: {
          writeKey: {
            type: 'http',
            scheme: 'basic',
            description: 'The write key as the username, empty password',
          },
          secretKey: { type: 'http', scheme: 'bearer', description: 'A secret key (jk_secret_...)' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAccessControl(app, services.keys);
  app.get('/health', { config: { access: 'public' } }, () => ({ ok: true }));
  await app.register(plugin((scope) => registerIngestRoutes(scope, services, options.config)));
  await app.register(
    plugin((scope) => registerWorkspaceRoutes(scope, services)),
    { prefix: '/api/v1' },
  );
  await app.register(
    plugin((scope) => registerCustomerRoutes(scope, services)),
    { prefix: '/api/v1' },
  );
  await app.register(
    plugin((scope) => registerJourneyRoutes(scope, services)),
    { prefix: '/api/v1' },
  );
  return { app, services };
}
