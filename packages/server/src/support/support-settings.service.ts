import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEFAULT_TARGET_POLICIES,
  TARGET_KINDS,
  TICKET_PRIORITIES,
  checkBusinessHours,
  isLocalDate,
  type BusinessHours,
  type TargetPolicies,
  type WeekHours,
} from '@jejak/core';
import {
  BranchRepository,
  BusinessHoursRepository,
  SupportSettingsRepository,
  WHOLE_BUSINESS,
  WorkspaceRepository,
  type Executor,
  type Holiday,
  type Store,
  type SupportSettingsRow,
} from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';

export interface HoursView {
  /** A branch id, or `*` for the whole business. */
  branchId: string;
  timeZone: string;
  week: WeekHours;
}

/**
 * Support settings of a workspace: response targets per priority, opening hours per branch (or for
 * the whole business), the holidays the owner keeps, and the secret inbound webhooks sign with.
 */
export class SupportSettingsService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  settings(db: Executor, workspaceId: string): Promise<SupportSettingsRow> {
    return new SupportSettingsRepository(db).ensure(
      workspaceId,
      JSON.stringify(DEFAULT_TARGET_POLICIES),
      this.now(),
    );
  }

  async targets(workspaceId: string, db: Executor = this.store.db): Promise<TargetPolicies> {
    return JSON.parse((await this.settings(db, workspaceId)).targets_json) as TargetPolicies;
  }

  async setTargets(workspaceId: string, targets: TargetPolicies): Promise<TargetPolicies> {
    for (const priority of TICKET_PRIORITIES) {
      for (const kind of TARGET_KINDS) {
        if (targets[priority]?.[kind] === undefined)
          throw badRequest(`targets.${priority}.${kind} is missing (null for no target)`);
      }
    }
    await this.settings(this.store.db, workspaceId);
    await new SupportSettingsRepository(this.store.db).update(workspaceId, {
      targets_json: JSON.stringify(targets),
      updated_at: this.now(),
    });
    return targets;
  }

  /** The whole business's hours first, then each branch that has its own, with the zone they count in. */
  async hours(workspaceId: string): Promise<HoursView[]> {
    const rows = await new BusinessHoursRepository(this.store.db).listHours(workspaceId);
    const views: HoursView[] = [];
    for (const row of rows) {
      views.push({
        branchId: row.branch_id,
        timeZone: await this.zoneOf(
          this.store.db,
          workspaceId,
          row.branch_id === WHOLE_BUSINESS ? null : row.branch_id,
        ),
        week: JSON.parse(row.week_json) as WeekHours,
      });
    }
    return views;
  }

  async setHours(workspaceId: string, branchId: string, week: WeekHours): Promise<HoursView> {
    const timeZone = await this.zoneOf(
      this.store.db,
      workspaceId,
      branchId === WHOLE_BUSINESS ? null : branchId,
    );
    const problems = checkBusinessHours({ timeZone, week, holidays: [] });
    if (problems.length > 0) {
      const first = problems[0]!;
      throw badRequest(`The opening hours are invalid: ${first.path}: ${first.message}`, problems);
    }
    await new BusinessHoursRepository(this.store.db).putHours(
      workspaceId,
      branchId,
      JSON.stringify(week),
      this.now(),
    );
    return { branchId, timeZone, week };
  }

  /** A branch without hours of its own goes back to the whole business's. */
  async clearHours(workspaceId: string, branchId: string): Promise<void> {
    if (!(await new BusinessHoursRepository(this.store.db).deleteHours(workspaceId, branchId))) {
      throw notFound(`Opening hours of ${branchId}`);
    }
  }

  listHolidays(workspaceId: string): Promise<Holiday[]> {
    return new BusinessHoursRepository(this.store.db).listHolidays(workspaceId);
  }

  async addHoliday(
    workspaceId: string,
    input: { date: string; name: string; branchId?: string | null },
  ): Promise<Holiday> {
    if (!isLocalDate(input.date)) throw badRequest(`date ${input.date} is not a date YYYY-MM-DD`);
    const name = input.name.trim();
    if (name === '') throw badRequest('name must not be empty');
    const branchId = input.branchId ?? null;
    if (branchId !== null && !(await new BranchRepository(this.store.db).get(workspaceId, branchId))) {
      throw badRequest(`Unknown branch id: ${branchId}`);
    }
    return new BusinessHoursRepository(this.store.db).addHoliday({
      id: randomUUID(),
      workspace_id: workspaceId,
      branch_id: branchId,
      date: input.date,
      name,
      created_at: this.now(),
    });
  }

  async deleteHoliday(workspaceId: string, id: string): Promise<void> {
    if (!(await new BusinessHoursRepository(this.store.db).deleteHoliday(workspaceId, id)))
      throw notFound(`Holiday ${id}`);
  }

  /** A new signing secret for inbound webhooks; the old one stops working at once. */
  async rotateWebhookSecret(workspaceId: string): Promise<string> {
    await this.settings(this.store.db, workspaceId);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    await new SupportSettingsRepository(this.store.db).update(workspaceId, {
      webhook_secret: secret,
      updated_at: this.now(),
    });
    return secret;
  }

  /**
   * The hours a ticket at `branchId` counts business time in: the branch's own (else the whole
   * business's), its holidays and the ones of every branch, in the branch's zone. Null when the owner
   * has set no hours at all: business-time targets then run as calendar time.
   */
  async calendarFor(
    db: Executor,
    workspaceId: string,
    branchId: string | null,
  ): Promise<BusinessHours | null> {
    const repository = new BusinessHoursRepository(db);
    const row = await repository.hoursFor(workspaceId, branchId);
    if (!row) return null;
    const holidays = await repository.listHolidays(workspaceId, { branchId });
    return {
      timeZone: await this.zoneOf(db, workspaceId, branchId),
      week: JSON.parse(row.week_json) as WeekHours,
      holidays: holidays.map((h) => h.date),
    };
  }

  private async zoneOf(db: Executor, workspaceId: string, branchId: string | null): Promise<string> {
    if (branchId !== null) {
      const branch = await new BranchRepository(db).get(workspaceId, branchId);
      if (!branch) throw notFound(`Branch ${branchId}`);
      return branch.timezone;
    }
    const workspace = await new WorkspaceRepository(db).get(workspaceId);
    return workspace?.timezone ?? 'Asia/Jakarta';
  }
}
