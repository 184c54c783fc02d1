import { CUSTOMER_STATUSES } from '@jejak/core';
import {
  JourneyRepository,
  localDayOf,
  QuarantineRepository,
  startOfLocalDay,
  TransitionRepository,
  WorkspaceRepository,
  type Store,
} from '@jejak/storage';
import type { Static } from 'typebox';
import { notFound } from '../http/http-error.ts';
import type { JourneyScope } from './journey-scope.ts';
import type { OverviewSchema } from './journey.schemas.ts';
import type { JourneyService } from './journey.service.ts';

const NO_SCOPE: JourneyScope = { filter: {}, applied: { channel: null, branches: null } };

/** What the dashboard reads of the journey: kept current on ingestion, so reading it is cheap. */
export class JourneyQueries {
  constructor(
    private readonly store: Store,
    private readonly journey: JourneyService,
  ) {}

  /** Customers per stage and status now; with a filter, the customers of that channel and branch. */
  async overview(workspaceId: string, scope = NO_SCOPE): Promise<Static<typeof OverviewSchema>> {
    await this.requireWorkspace(workspaceId);
    const db = this.store.db;
    const journey = new JourneyRepository(db);
    const [{ rules, version }, now] = await Promise.all([
      this.journey.rulesFor(db, workspaceId),
      journey.nowCounts(workspaceId, scope.filter),
    ]);
    const { stages: byStage, statuses: byStatus } = now;
    const stageCount = new Map(byStage.map((s) => [s.stage, s.count]));
    const statusCount = new Map(byStatus.map((s) => [s.status, s.count]));
    const total = byStage.reduce((sum, s) => sum + s.count, 0);
    return {
      rulesVersion: version,
      customers: total,
      stages: rules.stages.map((s) => ({
        key: s.key,
        label: s.label,
        customers: stageCount.get(s.key) ?? 0,
      })),
      /** Customers whose only events (identify, alias) are not touchpoints have no stage yet. */
      withoutStage: stageCount.get(null) ?? 0,
      statuses: CUSTOMER_STATUSES.map((status) => ({ status, customers: statusCount.get(status) ?? 0 })),
      filter: scope.applied,
    };
  }

  /**
   * Moves in [from, to). A period of whole local days (what the dashboard asks) is summed from the
   * daily summaries; any other is counted from the transitions themselves.
   */
  async transitions(
    workspaceId: string,
    from: number,
    to: number,
    kind: 'stage' | 'status',
    scope = NO_SCOPE,
  ) {
    const workspace = await this.requireWorkspace(workspaceId);
    const zone = workspace.timezone;
    const fromDay = localDayOf(from, zone);
    const toDay = localDayOf(to, zone) - 1;
    const wholeDays = startOfLocalDay(fromDay, zone) === from && startOfLocalDay(toDay + 1, zone) === to;
    const items = wholeDays
      ? await new JourneyRepository(this.store.db).moves(workspaceId, kind, { fromDay, toDay }, scope.filter)
      : await new TransitionRepository(this.store.db).summary(workspaceId, {
          from,
          to,
          kind,
          filter: scope.filter,
        });
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      kind,
      items: items.map((i) => ({ from: i.from_value, to: i.to_value, count: i.count })),
      filter: scope.applied,
    };
  }

  async quarantine(workspaceId: string, options: { limit: number; cursor?: string }) {
    await this.requireWorkspace(workspaceId);
    const page = await new QuarantineRepository(this.store.db).list(workspaceId, options);
    return {
      items: page.items.map((q) => ({
        id: q.id,
        receivedAt: q.received_at,
        endpoint: q.endpoint,
        batchIndex: q.batch_index,
        messageId: q.message_id,
        reason: q.reason,
        payload: JSON.parse(q.payload_json) as unknown,
      })),
      nextCursor: page.nextCursor,
    };
  }

  private async requireWorkspace(workspaceId: string) {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    return workspace;
  }
}
