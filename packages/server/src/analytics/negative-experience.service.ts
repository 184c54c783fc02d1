import {
  negativeKindOf,
  negativeSeries,
  repeatedNegatives,
  type NegativeExperience,
  type NegativeSeries,
  type RepeatedNegatives,
} from '@jejak/core';
import {
  NegativeExperienceRepository,
  WorkspaceRepository,
  dayText,
  isoWeekStart,
  localDayOf,
  startOfLocalDay,
  type Store,
} from '@jejak/storage';
import { notFound } from '../http/http-error.ts';

const DAY_MS = 86_400_000;

export interface NegativeReport {
  /** Mondays of the weeks shown (YYYY-MM-DD, workspace zone), oldest first. */
  weeks: string[];
  total: number;
  series: NegativeSeries[];
  /** Names of the branch and employee keys that have one. */
  labels: Record<string, string>;
}

export interface RepeatedRow extends RepeatedNegatives {
  customerName: string | null;
}

/**
 * Negative experiences (what the journey rules count as one, from the signals the journey engine keeps)
 * per week by kind, touchpoint (the channel), branch and the employee who served the order or owns the
 * ticket; and the customers who had several recently.
 */
export class NegativeExperienceService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** The last `weeks` ISO weeks up to this one. */
  async report(workspaceId: string, weeks: number): Promise<NegativeReport> {
    const zone = await this.zone(workspaceId);
    const thisWeek = isoWeekStart(localDayOf(this.now(), zone));
    const firstWeek = thisWeek - 7 * (weeks - 1);
    const { list, labels } = await this.load(
      workspaceId,
      startOfLocalDay(firstWeek, zone),
      startOfLocalDay(thisWeek + 7, zone),
      zone,
    );
    const weekDays = Array.from({ length: weeks }, (_, i) => firstWeek + 7 * i);
    return {
      weeks: weekDays.map(dayText),
      total: list.length,
      series: negativeSeries(list, weekDays),
      labels,
    };
  }

  /** Customers with at least `min` negative experiences in the last `days` days, most first. */
  async repeated(workspaceId: string, days: number, min: number): Promise<RepeatedRow[]> {
    const zone = await this.zone(workspaceId);
    const now = this.now();
    const since = now - days * DAY_MS;
    const { list } = await this.load(workspaceId, since, now + 1, zone);
    const rows = repeatedNegatives(list, since, min);
    const names = await new NegativeExperienceRepository(this.store.db).customerNames(
      workspaceId,
      rows.map((r) => r.customerId),
    );
    return rows.map((r) => ({ ...r, customerName: names.get(r.customerId) ?? null }));
  }

  private async zone(workspaceId: string): Promise<string> {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    return workspace.timezone;
  }

  private async load(workspaceId: string, from: number, to: number, zone: string) {
    const repo = new NegativeExperienceRepository(this.store.db);
    const signals = await repo.signals(workspaceId, from, to);
    const refs = await repo.references(
      workspaceId,
      signals.map((s) => s.cause),
    );
    const orderIds: string[] = [];
    const ticketIds: string[] = [];
    for (const r of refs.values()) {
      if (r.orderId) orderIds.push(r.orderId);
      if (r.ticketId) ticketIds.push(r.ticketId);
    }
    const orders = await repo.orderEmployees(workspaceId, orderIds);
    const tickets = await repo.ticketOwners(workspaceId, ticketIds);
    const labels: Record<string, string> = {};
    for (const [id, name] of await repo.branchNames(workspaceId)) labels[`branch:${id}`] = name;
    const list: NegativeExperience[] = signals.map((s) => {
      const ref = refs.get(s.cause);
      // The ticket's owner for a complaint, a missed target or a survey sent after a ticket; the
      // employee who served the order for a refund.
      const employee =
        (ref?.ticketId ? tickets.get(ref.ticketId) : undefined) ??
        (ref?.orderId ? orders.get(ref.orderId) : undefined);
      if (employee?.id) labels[`employee:${employee.id}`] = employee.name;
      return {
        customerId: s.customer_id,
        week: isoWeekStart(localDayOf(s.at, zone)),
        at: s.at,
        kind: negativeKindOf(s.name),
        touchpoint: s.channel,
        branch: s.branch_id ?? '',
        employee: employee?.id ?? '',
      };
    });
    return { list, labels };
  }
}
