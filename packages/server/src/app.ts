import Fastify, { type FastifyInstance, type FastifyPluginCallback } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Store } from '@jejak/storage';
import type { Config } from './config.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { registerAccessControl, type RouteEntry } from './auth/access.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerAuditHook } from './audit/audit.hook.ts';
import { registerAuditRoutes } from './audit/audit.routes.ts';
import { registerBranchRoutes } from './branches/branch.routes.ts';
import { registerQueryConversion } from './http/query-numbers.ts';
import { registerSecurity } from './http/security.ts';
import { registerMemberRoutes } from './members/member.routes.ts';
import { registerPrivacyRoutes } from './privacy/privacy.routes.ts';
import { createServices, type Services } from './services.ts';
import { registerIngestRoutes } from './ingest/ingest.routes.ts';
import { registerWorkspaceRoutes } from './workspaces/workspace.routes.ts';
import { registerOrderRoutes } from './sales/order.routes.ts';
import { registerProductRoutes } from './sales/product.routes.ts';
import { registerStockRoutes } from './sales/stock.routes.ts';
import { registerSalesReportRoutes } from './reports/sales-report.routes.ts';
import { registerCustomerRoutes } from './customers/customer.routes.ts';
import { registerJourneyRoutes } from './journey/journey.routes.ts';
import { DEFAULT_WEB_DIR, registerDashboard } from './web/dashboard.static.ts';
import { DEFAULT_TRACKER_FILE, registerTrackerScript } from './web/tracker.static.ts';
import { registerInboundRoutes } from './support/inbound.routes.ts';
import { registerSupportSettingsRoutes } from './support/support-settings.routes.ts';
import { registerTicketRoutes } from './support/ticket.routes.ts';
import { registerPublicSurveyRoutes } from './surveys/public-survey.routes.ts';
import { registerSurveyRoutes } from './surveys/survey.routes.ts';
import { registerPublicReviewRoutes } from './reviews/public-review.routes.ts';
import { registerReviewRoutes } from './reviews/review.routes.ts';
import { registerReviewWidgetScript } from './web/review-widget.static.ts';
import { registerContentRedirect, registerContentRoutes } from './content/content.routes.ts';
import { registerInterviewRoutes } from './interviews/interview.routes.ts';
import { registerCustomerValueRoutes } from './analytics/customer-value.routes.ts';
import { registerRfmRoutes } from './analytics/rfm.routes.ts';
import { registerAttributionRoutes } from './attribution/attribution.routes.ts';
import { registerEventAnalysisRoutes } from './analytics/event-analysis.routes.ts';
import { registerNegativeExperienceRoutes } from './analytics/negative-experience.routes.ts';
import { registerSegmentRoutes } from './segments/segment.routes.ts';
import { registerRetentionRoutes } from './analytics/retention.routes.ts';
import { registerLoyaltyRoutes } from './loyalty/loyalty.routes.ts';
import { registerPromotionRoutes } from './promotions/promotion.routes.ts';
import { registerReferralRoutes } from './referrals/referral.routes.ts';
import { registerReferralLanding } from './referrals/referral-landing.ts';
import { registerImportRoutes } from './sales-import/import.routes.ts';
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
  /**
   * Runs after authorization is registered and before any route: tests add hooks here that see
   * every request once it is authorized (the authorization matrix stops requests there).
   */
  afterAccessControl?: (app: FastifyInstance) => void;
  /** The built dashboard (apps/web/dist by default). */
  webDir?: string;
  /** The built website tracker (packages/tracker/dist/tracker.js by default). */
  trackerFile?: string;
}

export async function buildApp(
  options: AppOptions,
): Promise<{ app: App; services: Services; routes: RouteEntry[] }> {
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: options.config.logLevel === 'silent' ? false : { level: options.config.logLevel },
    // A batch may be 500 KB of events; the ingest routes set their own tighter limits per message.
    bodyLimit: MAX_BATCH_BYTES + 16 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    trustProxy: options.config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const services = createServices(options.store, now, options.config.sessionTtlMs);
  app.setErrorHandler(errorHandler);
  // Unknown page paths get the dashboard (a single-page app); unknown API paths a JSON 404.
  await registerDashboard(app, options.webDir ?? DEFAULT_WEB_DIR, notFoundHandler);

  // Before everything else, so security headers and cookies apply to every route, the docs included.
  const limiters = await registerSecurity(app, options.config);
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
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'jejak_session',
            description: 'A signed-in person (POST /api/v1/auth/login); writes also need X-CSRF-Token',
          },
        },
      },
    },
  });
  // Tags start closed: with every one of the ~175 operations open at once, Swagger UI drew only the first nine.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'none' } });

  const routes = registerAccessControl(app, {
    store: options.store,
    keys: services.keys,
    sessions: services.sessions,
    limitIngest: limiters.ingestByKey,
  });
  registerAuditHook(app, services.audit);
  registerQueryConversion(app);
  options.afterAccessControl?.(app);
  app.get('/health', { config: { access: 'public' } }, () => ({ ok: true }));
  registerTrackerScript(app, options.trackerFile ?? DEFAULT_TRACKER_FILE);
  registerReviewWidgetScript(app);
  registerContentRedirect(app, services);
  registerReferralLanding(app, services);
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
  for (const register of [
    (scope: FastifyInstance) => registerAuthRoutes(scope, services, limiters),
    (scope: FastifyInstance) => registerMemberRoutes(scope, services, options.config),
    (scope: FastifyInstance) => registerBranchRoutes(scope, services),
    (scope: FastifyInstance) => registerAuditRoutes(scope, services),
    (scope: FastifyInstance) => registerPrivacyRoutes(scope, services),
    (scope: FastifyInstance) => registerProductRoutes(scope, services),
    (scope: FastifyInstance) => registerStockRoutes(scope, services),
    (scope: FastifyInstance) => registerOrderRoutes(scope, services),
    (scope: FastifyInstance) => registerSalesReportRoutes(scope, services),
    (scope: FastifyInstance) => registerTicketRoutes(scope, services),
    (scope: FastifyInstance) => registerSupportSettingsRoutes(scope, services),
    (scope: FastifyInstance) => registerInboundRoutes(scope, services),
    (scope: FastifyInstance) => registerSurveyRoutes(scope, services),
    (scope: FastifyInstance) => registerPublicSurveyRoutes(scope, services, limiters.surveyAnswersByAddress),
    (scope: FastifyInstance) => registerReviewRoutes(scope, services),
    (scope: FastifyInstance) => registerContentRoutes(scope, services),
    (scope: FastifyInstance) => registerInterviewRoutes(scope, services),
    (scope: FastifyInstance) => registerCustomerValueRoutes(scope, services),
    (scope: FastifyInstance) => registerRfmRoutes(scope, services),
    (scope: FastifyInstance) => registerAttributionRoutes(scope, services),
    (scope: FastifyInstance) => registerEventAnalysisRoutes(scope, services),
    (scope: FastifyInstance) => registerSegmentRoutes(scope, services),
    (scope: FastifyInstance) => registerNegativeExperienceRoutes(scope, services),
    (scope: FastifyInstance) => registerRetentionRoutes(scope, services),
    (scope: FastifyInstance) => registerLoyaltyRoutes(scope, services),
    (scope: FastifyInstance) => registerPromotionRoutes(scope, services),
    (scope: FastifyInstance) => registerReferralRoutes(scope, services),
    (scope: FastifyInstance) => registerImportRoutes(scope, services),
    (scope: FastifyInstance) => registerPublicReviewRoutes(scope, services, limiters),
  ]) {
    await app.register(plugin(register), { prefix: '/api/v1' });
  }
  return { app, services, routes };
}
