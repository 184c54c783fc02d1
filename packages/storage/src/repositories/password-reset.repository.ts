import type { PasswordResetRow } from '../accounts.schema.ts';
import type { Executor } from './executor.ts';

export class PasswordResetRepository {
  constructor(private readonly db: Executor) {}

  async create(row: PasswordResetRow): Promise<void> {
    await this.db.insertInto('password_resets').values(row).execute();
  }

  /** Uses the token once: returns its row only to the first caller, and only before it expires. */
  async consume(tokenHash: string, now: number): Promise<PasswordResetRow | undefined> {
    return this.db
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  }
}
