import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidCursorError } from '@jejak/storage';
import { HttpError } from './http-error.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Fastify's own request errors, named for a person reading the reply. */
const FASTIFY_CODES: Record<string, { code: string; message?: (e: FastifyError) => string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'malformed_json',
    message: (e) => `The body is not valid JSON: ${e.message}`,
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'malformed_json',
    message: () => 'The body is empty; a JSON object was expected',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'body_too_large',
    message: () => 'The body is too large for this endpoint (a Segment batch may hold at most 500 KB)',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: () => 'Send the body as JSON, with Content-Type: application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_content_length' },
  FST_CSRF_MISSING_SECRET: { code: 'csrf_invalid', message: () => CSRF_MESSAGE },
  FST_CSRF_INVALID_TOKEN: { code: 'csrf_invalid', message: () => CSRF_MESSAGE },
};

const CSRF_MESSAGE =
  'The CSRF token is missing or does not belong to this session: send the token from sign-in ' +
  '(or GET /api/v1/auth/csrf) in the X-CSRF-Token header';

/**
 * The one place that turns errors into replies (STYLE rule 7). Expected errors keep their status and
 * message; anything else is logged and answered with a 500 that carries no stack trace and no SQL.
 */
export function errorHandler(
  error: FastifyError | HttpError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof HttpError) {
    if (error.headers) void reply.headers(error.headers);
    return reply.status(error.statusCode).send(body(error.code, error.message, error.details));
  }
  if (error instanceof InvalidCursorError) {
    return reply
      .status(400)
      .send(body('invalid_cursor', `${error.message}: pass back a nextCursor as given`));
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const details = fastifyError.validation.map((v) => ({
      path: `${fastifyError.validationContext ?? 'body'}${v.instancePath}`,
      message: v.message ?? 'is invalid',
    }));
    const first = details[0];
    const message = first ? `${first.path} ${first.message}` : 'The request is invalid';
    return reply.status(400).send(body('invalid_request', message, details));
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    const message = known?.message ? known.message(fastifyError) : fastifyError.message;
    return reply.status(status).send(body(known?.code ?? 'bad_request', message));
  }
  request.log.error({ err: error }, 'request failed');
  return reply
    .status(500)
    .send(body('internal_error', 'Something went wrong on the server; it has been logged'));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}
