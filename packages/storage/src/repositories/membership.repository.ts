import type { MembershipRow } from '../accounts.schema.ts';
import type { Executor } from './executor.ts';

export interface MemberListItem extends MembershipRow {
  email: string;
  name: string;
}

export class MembershipRepository {
  constructor(private readonly db: Executor) {}

  /** Adds the user to the workspace, or changes their role and branches when already a member. */
  async upsert(row: MembershipRow): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'user_id'])
          .doUpdateSet({ role: row.role, branch_ids_json: row.branch_ids_json }),
      )
      .execute();
  }

  get(workspaceId: string, userId: string): Promise<MembershipRow | undefined> {
    return this.db
      .selectFrom('memberships')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  forUser(userId: string): Promise<MembershipRow[]> {
    return this.db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  }

  list(workspaceId: string): Promise<MemberListItem[]> {
    return this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .selectAll('memberships')
      .select(['users.email', 'users.name'])
      .where('memberships.workspace_id', '=', workspaceId)
      .orderBy('memberships.created_at')
      .orderBy('memberships.user_id')
      .execute();
  }

  async countOwners(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Workspaces nobody belongs to yet: made before accounts existed (the demo, or the API with a key). */
  async unclaimedWorkspaceIds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('workspaces')
      .select('workspaces.id')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('memberships')
              .select('memberships.user_id')
              .whereRef('memberships.workspace_id', '=', 'workspaces.id'),
          ),
        ),
      )
      .orderBy('workspaces.created_at')
      .execute();
    return rows.map((row) => row.id);
  }

  /** Everyone who owns at least one workspace of this installation. */
  async ownerUserIds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select('user_id')
      .distinct()
      .where('role', '=', 'owner')
      .orderBy('user_id')
      .execute();
    return rows.map((row) => row.user_id);
  }

  async delete(workspaceId: string, userId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('memberships')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
