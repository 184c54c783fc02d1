import {
  scoreRfm,
  summarizeRfm,
  type RfmCustomer,
  type RfmSegment,
  type RfmSegmentSummary,
} from '@jejak/core';
import {
  CustomerRepository,
  CustomerValueRepository,
  WorkspaceRepository,
  localDayOf,
  type Store,
} from '@jejak/storage';
import { notFound } from '../http/http-error.ts';

export interface RfmReport {
  asOfDay: number;
  customers: number;
  segments: RfmSegmentSummary[];
  /** Customers per (recency score, frequency score): grid[r - 1][f - 1]. */
  grid: number[][];
}

export interface RfmRow extends RfmCustomer {
  customerName: string | null;
}

/**
 * RFM scores and segments of a workspace's buyers, computed from its orders when asked (net of
 * refunds; voided and fully refunded orders are not purchases; days in the workspace's zone).
 */
export class RfmService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async report(workspaceId: string): Promise<RfmReport> {
    const { asOfDay, scored } = await this.score(workspaceId);
    const grid = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
    for (const c of scored) grid[c.r - 1]![c.f - 1]!++;
    return { asOfDay, customers: scored.length, segments: summarizeRfm(scored), grid };
  }

  /** Customers of one segment (or all), most valuable first. */
  async customers(
    workspaceId: string,
    options: { segment?: RfmSegment; limit: number; offset: number },
  ): Promise<{ total: number; items: RfmRow[] }> {
    const { scored } = await this.score(workspaceId);
    const chosen = scored
      .filter((c) => options.segment === undefined || c.segment === options.segment)
      .sort((x, y) => y.monetary - x.monetary || x.customerId.localeCompare(y.customerId));
    const page = chosen.slice(options.offset, options.offset + options.limit);
    const found = await new CustomerRepository(this.store.db).getMany(
      workspaceId,
      page.map((c) => c.customerId),
    );
    const names = new Map(found.map((c) => [c.id, c.name]));
    return {
      total: chosen.length,
      items: page.map((c) => ({ ...c, customerName: names.get(c.customerId) ?? null })),
    };
  }

  private async score(workspaceId: string): Promise<{ asOfDay: number; scored: RfmCustomer[] }> {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    const rows = await new CustomerValueRepository(this.store.db).purchases(workspaceId);
    const asOfDay = localDayOf(this.now(), workspace.timezone);
    const purchases = rows.map((r) => ({
      customerId: r.customer_id,
      day: localDayOf(r.completed_at, workspace.timezone),
      amount: r.amount,
    }));
    return { asOfDay, scored: scoreRfm(purchases, asOfDay) };
  }
}
