import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * A query string is text: `?limit=20` arrives as '20'. Ajv runs without type coercion so that a JSON
 * body is taken exactly as sent (a Segment timestamp or amount is never silently turned into another
 * type); query strings get their numbers and booleans here instead, converted by the route's own
 * TypeBox schema before it validates them. A value that does not convert stays text and is refused.
 */
export function registerQueryConversion(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const schema = request.routeOptions.schema?.querystring as TSchema | undefined;
    if (schema !== undefined && typeof request.query === 'object' && request.query !== null) {
      request.query = Value.Convert(schema, request.query);
    }
    done();
  });
}
