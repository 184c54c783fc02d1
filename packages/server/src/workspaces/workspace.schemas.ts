import { Nullable } from '../http/common.schemas.ts';
import { Type } from 'typebox';

export const WorkspaceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  timezone: Type.String(),
  currency: Type.String(),
  createdAt: Type.Number(),
});

/** What a workspace's owner may set: at creation, and later. */
export const WorkspaceChanges = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  timezone: Type.String({ maxLength: 64, description: 'IANA zone, default Asia/Jakarta' }),
  currency: Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217, default IDR' }),
});

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  workspaceId: Nullable(Type.String()),
  kind: Type.Union([Type.Literal('write'), Type.Literal('secret')]),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart' }),
  defaultChannel: Nullable(Type.String()),
  createdAt: Type.Number(),
  lastUsedAt: Nullable(Type.Number()),
  revokedAt: Nullable(Type.Number()),
  scopes: Type.Array(Type.String(), { description: 'Permissions of a secret key; * is all' }),
});

export const CreatedKeySchema = Type.Intersect([
  ApiKeySchema,
  Type.Object({
    key: Type.String({ description: 'The whole key. Shown only in this answer; store it now' }),
  }),
]);
