import type { ApiKey, NewApiKey } from '../schema.ts';
import type { Executor } from './executor.ts';

export class ApiKeyRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewApiKey): Promise<ApiKey> {
    return this.db.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** The key with this sha256 hex digest, unless it was revoked. */
  findActiveByHash(keyHash: string): Promise<ApiKey | undefined> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /** The keys of one workspace, or the installation-wide admin keys when `workspaceId` is null; revoked ones included. */
  list(workspaceId: string | null): Promise<ApiKey[]> {
    return this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Returns false when the key does not exist or was already revoked (the first revocation time is kept). */
  async revoke(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async touch(id: string, at: number): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
