import type { NewQuarantine, QuarantineRow } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';
import { decodeCursor, toPage, type Page, type PageOptions } from './page.ts';

export class QuarantineRepository {
  constructor(private readonly db: Executor) {}

  insert(row: NewQuarantine): Promise<QuarantineRow> {
    return this.db.insertInto('quarantine').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Keeps a batch's refused messages in one statement per chunk, in the order given. 7 bound values a row. */
  async insertMany(rows: readonly NewQuarantine[]): Promise<void> {
    for (const part of chunks(rows)) await this.db.insertInto('quarantine').values(part).execute();
  }

  /** Newest first. */
  async list(workspaceId: string, options: PageOptions): Promise<Page<QuarantineRow>> {
    let query = this.db.selectFrom('quarantine').selectAll().where('workspace_id', '=', workspaceId);
    if (options.cursor) {
      const after = decodeCursor(options.cursor, 'number');
      query = query.where((eb) => eb(eb.refTuple('received_at', 'id'), '<', eb.tuple(after.at, after.id)));
    }
    const rows = await query
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute();
    return toPage(rows, options.limit, (row) => ({ at: row.received_at, id: row.id }));
  }

  async count(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('quarantine')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
