import type { NewWorkspace, Workspace } from '../schema.ts';
import type { Executor } from './executor.ts';

export class WorkspaceRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewWorkspace): Promise<Workspace> {
    return this.db.insertInto('workspaces').values(row).returningAll().executeTakeFirstOrThrow();
  }

  get(id: string): Promise<Workspace | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  }

  getBySlug(slug: string): Promise<Workspace | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  update(
    id: string,
    changes: Partial<Pick<Workspace, 'name' | 'timezone' | 'currency'>>,
  ): Promise<Workspace | undefined> {
    return this.db
      .updateTable('workspaces')
      .set(changes)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  list(): Promise<Workspace[]> {
    return this.db.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('id').execute();
  }
}
