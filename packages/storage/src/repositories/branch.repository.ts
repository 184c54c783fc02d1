import type { Branch, NewBranch } from '../accounts.schema.ts';
import type { Executor } from './executor.ts';

export class BranchRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewBranch): Promise<Branch> {
    return this.db.insertInto('branches').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Scoped by workspace: a branch id of another workspace is simply not found. */
  get(workspaceId: string, id: string): Promise<Branch | undefined> {
    return this.db
      .selectFrom('branches')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Oldest first; archived branches only when asked for. */
  list(workspaceId: string, options: { includeArchived?: boolean } = {}): Promise<Branch[]> {
    let query = this.db.selectFrom('branches').selectAll().where('workspace_id', '=', workspaceId);
    if (!options.includeArchived) query = query.where('archived_at', 'is', null);
    return query.orderBy('created_at').orderBy('id').execute();
  }

  /** Archives the branch at `at`, or reopens it with null. Undefined when it is not this workspace's. */
  setArchived(workspaceId: string, id: string, at: number | null): Promise<Branch | undefined> {
    return this.db
      .updateTable('branches')
      .set({ archived_at: at })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async update(
    workspaceId: string,
    id: string,
    changes: Partial<Pick<Branch, 'name' | 'address' | 'timezone' | 'currency'>>,
  ): Promise<Branch | undefined> {
    return this.db
      .updateTable('branches')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('branches')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
