import type { MergeRow, NewMerge } from '../schema.ts';
import type { Executor } from './executor.ts';
import { decodeCursor, toPage, type Page, type PageOptions } from './page.ts';

export class MergeRepository {
  constructor(private readonly db: Executor) {}

  insert(row: NewMerge): Promise<MergeRow> {
    return this.db.insertInto('merges').values(row).returningAll().executeTakeFirstOrThrow();
  }

  get(workspaceId: string, id: string): Promise<MergeRow | undefined> {
    return this.db
      .selectFrom('merges')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Newest first; with `customerId`, only the merges that customer took part in, on either side. */
  async list(workspaceId: string, options: PageOptions & { customerId?: string }): Promise<Page<MergeRow>> {
    let query = this.db.selectFrom('merges').selectAll().where('workspace_id', '=', workspaceId);
    const { customerId } = options;
    if (customerId !== undefined) {
      query = query.where((eb) =>
        eb.or([eb('survivor_id', '=', customerId), eb('merged_id', '=', customerId)]),
      );
    }
    if (options.cursor) {
      const after = decodeCursor(options.cursor, 'string');
      query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.at, after.id)));
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute();
    return toPage(rows, options.limit, (row) => ({ at: row.created_at, id: row.id }));
  }

  /** Returns false when the merge does not exist or was already undone. */
  async markUndone(workspaceId: string, id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('merges')
      .set({ undone_at: at })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('undone_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
