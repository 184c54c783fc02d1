import type { BusinessHoursRow, Holiday, NewHoliday } from '../experience.schema.ts';
import type { Executor } from './executor.ts';

/** The branch id under which the whole business's opening hours are kept. */
export const WHOLE_BUSINESS = '*';

/** Opening hours per branch (or the whole business) and the holidays the owner keeps. */
export class BusinessHoursRepository {
  constructor(private readonly db: Executor) {}

  listHours(workspaceId: string): Promise<BusinessHoursRow[]> {
    return this.db
      .selectFrom('business_hours')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('branch_id')
      .execute();
  }

  /** A branch's own hours, else the whole business's, else undefined. */
  async hoursFor(workspaceId: string, branchId: string | null): Promise<BusinessHoursRow | undefined> {
    const rows = await this.db
      .selectFrom('business_hours')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('branch_id', 'in', branchId ? [branchId, WHOLE_BUSINESS] : [WHOLE_BUSINESS])
      .execute();
    return rows.find((r) => r.branch_id === branchId) ?? rows.find((r) => r.branch_id === WHOLE_BUSINESS);
  }

  async putHours(workspaceId: string, branchId: string, weekJson: string, now: number): Promise<void> {
    await this.db
      .insertInto('business_hours')
      .values({ workspace_id: workspaceId, branch_id: branchId, week_json: weekJson, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'branch_id']).doUpdateSet({ week_json: weekJson, updated_at: now }),
      )
      .execute();
  }

  async deleteHours(workspaceId: string, branchId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('business_hours')
      .where('workspace_id', '=', workspaceId)
      .where('branch_id', '=', branchId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Holidays in date order; with `branchId`, those of every branch and of that one. */
  listHolidays(workspaceId: string, options: { branchId?: string | null } = {}): Promise<Holiday[]> {
    let query = this.db.selectFrom('holidays').selectAll().where('workspace_id', '=', workspaceId);
    if (options.branchId !== undefined) {
      const branchId = options.branchId;
      query = query.where((eb) =>
        branchId === null
          ? eb('branch_id', 'is', null)
          : eb.or([eb('branch_id', 'is', null), eb('branch_id', '=', branchId)]),
      );
    }
    return query.orderBy('date').orderBy('name').execute();
  }

  addHoliday(row: NewHoliday): Promise<Holiday> {
    return this.db.insertInto('holidays').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async deleteHoliday(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('holidays')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
