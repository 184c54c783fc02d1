import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { PERMISSIONS, isPermission, type Channel, type Permission } from '@jejak/core';
import { ApiKeyRepository, type ApiKey, type Executor } from '@jejak/storage';
import { badRequest, forbidden } from '../http/http-error.ts';

export type KeyKind = 'write' | 'secret';

export interface CreatedKey {
  /** The whole key: shown once, never stored. */
  key: string;
  row: ApiKey;
}

const LAST_USED_PRECISION_MS = 60_000;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * The creator of a key through the API, and what they hold in its workspace: a person's role
 * (`label` names it), or the scopes of the key they call with.
 */
export interface Granter {
  label: string;
  holds: (permission: Permission) => boolean;
}

function defaultScopes(granter: Granter | undefined): string[] {
  if (!granter || PERMISSIONS.every(granter.holds)) return ['*'];
  return PERMISSIONS.filter(granter.holds);
}

/** A key never carries more than its creator holds: that would let an admin or a scoped key escalate. */
function checkWithinGranter(scopes: readonly string[], granter: Granter): void {
  for (const scope of scopes) {
    if (scope === '*') {
      const lacking = PERMISSIONS.filter((p) => !granter.holds(p));
      if (lacking.length > 0) {
        throw forbidden(
          `The scope * includes ${lacking.join(', ')}, which ${granter.label} does not hold; name the scopes instead`,
          'scope_not_held',
        );
      }
    } else if (isPermission(scope) && !granter.holds(scope)) {
      throw forbidden(`The scope ${scope} is not held by ${granter.label}`, 'scope_not_held');
    }
  }
}

/**
 * Write keys only ingest (they sit in a website's page, so they are public); secret keys read and
 * change a workspace through the API. Both are 32 random bytes, stored only as a sha256 digest.
 */
export class ApiKeyService {
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    private readonly now: () => number,
  ) {}

  async create(input: {
    workspaceId: string | null;
    kind: KeyKind;
    name: string;
    defaultChannel?: Channel | null;
    /**
     * Permissions of a secret key; when omitted, all of the granter's (`*` for the installation).
     * Write keys only ingest.
     */
    scopes?: readonly string[];
    /** Who makes the key through the API: it may carry no permission they lack themselves. */
    granter?: Granter;
  }): Promise<CreatedKey> {
    const requested = input.scopes ?? defaultScopes(input.granter);
    const unknown = requested.filter((s) => s !== '*' && !isPermission(s));
    if (unknown.length > 0) throw badRequest(`Unknown scopes: ${unknown.join(', ')}`);
    if (input.kind === 'secret' && input.granter) checkWithinGranter(requested, input.granter);
    const scopes = input.kind === 'write' ? [] : requested;
    const key = `jk_${input.kind}_${randomBytes(32).toString('base64url')}`;
    const row: ApiKey = {
      id: randomUUID(),
      workspace_id: input.workspaceId,
      kind: input.kind,
      name: input.name,
      prefix: key.slice(0, input.kind.length + 8),
      key_hash: hashKey(key),
      default_channel: input.defaultChannel ?? null,
      created_at: this.now(),
      last_used_at: null,
      revoked_at: null,
      scopes_json: JSON.stringify(scopes),
    };
    await new ApiKeyRepository(this.db).create(row);
    return { key, row };
  }

  /**
   * The active key behind a presented secret, or undefined; records when it was last used. Read
   * from the database on every request, so a revocation takes effect at once.
   */
  async authenticate(presented: string): Promise<ApiKey | undefined> {
    if (!presented.startsWith('jk_')) return undefined;
    const repository = new ApiKeyRepository(this.db);
    const row = await repository.findActiveByHash(hashKey(presented));
    if (!row) return undefined;
    const now = this.now();
    const touched = this.lastTouched.get(row.id) ?? row.last_used_at ?? 0;
    if (now - touched >= LAST_USED_PRECISION_MS) {
      this.lastTouched.set(row.id, now);
      await repository.touch(row.id, now);
    }
    return row;
  }

  list(workspaceId: string | null): Promise<ApiKey[]> {
    return new ApiKeyRepository(this.db).list(workspaceId);
  }

  async revoke(id: string): Promise<boolean> {
    return new ApiKeyRepository(this.db).revoke(id, this.now());
  }
}
