import type { AuditEntry, NewAuditEntry } from '../accounts.schema.ts';
import type { Executor } from './executor.ts';
import { decodeCursor, toPage, type Page, type PageOptions } from './page.ts';

export interface AuditFilter {
  actorId?: string;
  /** An exact action, or a prefix ending in `.` (`branch.` finds every branch change). */
  action?: string;
  from?: number;
  to?: number;
}

export class AuditRepository {
  constructor(private readonly db: Executor) {}

  async append(row: NewAuditEntry): Promise<void> {
    await this.db.insertInto('audit_log').values(row).execute();
  }

  /** Newest first. */
  async list(workspaceId: string, filter: AuditFilter, page: PageOptions): Promise<Page<AuditEntry>> {
    let query = this.db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
    if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
    if (filter.action !== undefined) {
      query = filter.action.endsWith('.')
        ? query.where('action', 'like', `${filter.action.replace(/[%_]/g, '')}%`)
        : query.where('action', '=', filter.action);
    }
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    if (page.cursor) {
      const { at, id } = decodeCursor(page.cursor, 'number');
      query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await query
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows, page.limit, (row) => ({ at: row.at, id: row.id }));
  }
}
