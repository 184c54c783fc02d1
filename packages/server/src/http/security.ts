import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '../config.ts';
import { HttpError } from './http-error.ts';

/** Checks one request against a limit; throws a 429 with Retry-After when it is over. */
export type Limiter = (request: FastifyRequest) => Promise<void>;

export interface Limiters {
  /** Per client address, on sign-in and the other password-guessing doors. */
  loginByAddress: Limiter;
  /** Per account (the email in the body), so a botnet cannot guess one password from many addresses. */
  loginByAccount: Limiter;
  /** Per write key, on ingestion. */
  ingestByKey: Limiter;
  /** Per client address, on the public survey answers: a form anyone can post to. */
  surveyAnswersByAddress: Limiter;
  /** Per client address, on public reviews and the reviews widget's views and clicks. */
  reviewsByAddress: Limiter;
  widgetEventsByAddress: Limiter;
}

const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Cookies, CSRF tokens, security headers and rate limits, all from maintained @fastify plugins.
 * CSRF: @fastify/csrf-protection with its secret in a signed HttpOnly cookie and each token bound
 * to the session id (`getUserInfo`), so a token from one session is refused in another.
 */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<Limiters> {
  const secret = config.cookieSecret ?? randomBytes(32).toString('hex');
  await app.register(cookie, { secret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'jejak_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true },
    getUserInfo: (request) => (request.principal?.kind === 'user' ? request.principal.session.id : ''),
    csrfOpts: { hmacKey: secret, userInfo: true },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The API docs page (swagger-ui) styles itself inline and shows its logo as a data: image.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Ingestion is called from the business's own site, so its answers must be readable cross-origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(rateLimit, { global: false });
  return {
    loginByAddress: limiter(
      app,
      'login-address',
      config.loginAttemptsPerAddress,
      LOGIN_WINDOW_MS,
      (r) => r.ip,
    ),
    loginByAccount: limiter(app, 'login-account', config.loginAttemptsPerAccount, LOGIN_WINDOW_MS, (r) => {
      const email = (r.body as { email?: unknown } | undefined)?.email;
      return typeof email === 'string' ? email.trim().toLowerCase() : '';
    }),
    ingestByKey: limiter(app, 'ingest', config.ingestRequestsPerSecond, 1000, (r) =>
      r.principal?.kind === 'key' ? r.principal.key.id : r.ip,
    ),
    // A counter with a QR code may see a queue of phones behind one shop Wi-Fi address.
    surveyAnswersByAddress: limiter(app, 'survey-answers', 60, 60_000, (r) => r.ip),
    reviewsByAddress: limiter(app, 'reviews', 30, 60_000, (r) => r.ip),
    widgetEventsByAddress: limiter(app, 'widget-events', 120, 60_000, (r) => r.ip),
  };
}

function limiter(
  app: FastifyInstance,
  name: string,
  max: number,
  windowMs: number,
  keyOf: (request: FastifyRequest) => string,
): Limiter {
  const check = app.createRateLimit({
    max,
    timeWindow: windowMs,
    keyGenerator: (r) => `${name}:${keyOf(r)}`,
  });
  return async (request) => {
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded) {
      const seconds = String(Math.max(1, result.ttlInSeconds));
      throw new HttpError(
        429,
        'rate_limited',
        `Too many requests; try again in ${seconds} seconds`,
        undefined,
        { 'retry-after': seconds },
      );
    }
  };
}
