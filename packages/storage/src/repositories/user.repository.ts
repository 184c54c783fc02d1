import type { NewUser, User } from '../accounts.schema.ts';
import type { Executor } from './executor.ts';

export class UserRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewUser): Promise<User> {
    return this.db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
  }

  get(id: string): Promise<User | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** `email` must already be normalised (trimmed, lower-case), as it is stored. */
  getByEmail(email: string): Promise<User | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  async setPassword(id: string, passwordHash: string, at: number): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  /** Whether any workspace has an owner yet: the first-run check. */
  async ownerExists(): Promise<boolean> {
    const row = await this.db
      .selectFrom('memberships')
      .select('user_id')
      .where('role', '=', 'owner')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
