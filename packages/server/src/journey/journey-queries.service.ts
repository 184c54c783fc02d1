import { CUSTOMER_STATUSES } from '@jejak/core';
import {
  JourneyStateRepository,
  QuarantineRepository,
  TransitionRepository,
  WorkspaceRepository,
  type Store,
} from '@jejak/storage';
import type { Static } from 'typebox';
import { notFound } from '../http/http-error.ts';
import type { OverviewSchema } from './journey.schemas.ts';
import type { JourneyService } from './journey.service.ts';

/** What the dashboard reads of the journey: kept current on ingestion, so reading it is cheap. */
export class JourneyQueries {
  constructor(
    private readonly store: Store,
    private readonly journey: JourneyService,
  ) {}

  async overview(workspaceId: string): Promise<Static<typeof OverviewSchema>> {
    await this.requireWorkspace(workspaceId);
    const db = this.store.db;
    const states = new JourneyStateRepository(db);
    const [{ rules, version }, byStage, byStatus] = await Promise.all([
      this.journey.rulesFor(db, workspaceId),
      states.countByStage(workspaceId),
      states.countByStatus(workspaceId),
    ]);
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
    };
  }

  async transitions(workspaceId: string, from: number, to: number, kind: 'stage' | 'status') {
    await this.requireWorkspace(workspaceId);
    const items = await new TransitionRepository(this.store.db).summary(workspaceId, { from, to, kind });
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      kind,
      items: items.map((i) => ({ from: i.from_value, to: i.to_value, count: i.count })),
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
    if (!(await new WorkspaceRepository(this.store.db).get(workspaceId)))
      throw notFound(`Workspace ${workspaceId}`);
  }
}
