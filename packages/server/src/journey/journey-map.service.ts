import { adviseStages } from '@jejak/core';
import {
  BranchRepository,
  ContentRepository,
  JourneyMapRepository,
  JourneyRepository,
  dayText,
  startOfLocalDay,
  type DayRange,
  type FunnelStep,
  type JourneyFilter,
  type Period,
  type Store,
  type Workspace,
} from '@jejak/storage';
import type { JourneyMap } from './journey-map.schemas.ts';
import { factsOf, mapColumn, type MapReadings, type StageFlow } from './journey-map.stage.ts';
import type { JourneyScope } from './journey-scope.ts';
import type { JourneyService } from './journey.service.ts';

/** Nobody is stuck in a stage within a day, however quickly most people leave it. */
const MIN_STUCK_MS = 86_400_000;

/**
 * The journey map (Jejak's signature page): one column per stage of the workspace's rules, with who is
 * there, how many came and moved on, what brought them, how they felt, where it hurts and what to do.
 * Every figure is read from state kept current on ingestion (DESIGN §4.4): the stage funnel of the
 * daily summaries (JourneyRepository.funnel, shared with the overview), the daily entries by touchpoint
 * and channel, the journey signals, the counts of now and the states' (stage, entered) index.
 */
export class JourneyMapService {
  constructor(
    private readonly store: Store,
    private readonly journey: JourneyService,
    private readonly now: () => number,
  ) {}

  async map(workspace: Workspace, range: DayRange, scope: JourneyScope): Promise<JourneyMap> {
    const db = this.store.db;
    const { filter } = scope;
    const period: Period = {
      from: startOfLocalDay(range.fromDay, workspace.timezone),
      to: startOfLocalDay(range.toDay + 1, workspace.timezone),
    };
    const repository = new JourneyMapRepository(db);
    const { rules } = await this.journey.rulesFor(db, workspace.id);
    const stages = rules.stages.map((s) => s.key);
    const [funnel, statuses, touchpoints, channels, signals, negatives, branches, content] =
      await Promise.all([
        new JourneyRepository(db).funnel(workspace.id, { stages, range, filter }),
        repository.byStageAndStatus(workspace.id, filter),
        repository.entriesByTouchpoint(workspace.id, range, filter),
        repository.entriesByChannel(workspace.id, range, filter),
        repository.signals(workspace.id, range, workspace.timezone, filter),
        repository.negatives(workspace.id, range, workspace.timezone, filter),
        new BranchRepository(db).list(workspace.id, { includeArchived: true }),
        new ContentRepository(db).viewsByStage(workspace.id, period.from, period.to),
      ]);
    const readings: MapReadings = {
      days: range.toDay - range.fromDay + 1,
      flows: await this.flows(workspace.id, funnel, filter),
      statuses,
      touchpoints,
      channels,
      signals,
      negatives,
    };
    const columns = rules.stages.map((stage, i) => {
      const views = content.find((c) => c.stage === stage.key);
      return {
        ...mapColumn(stage, rules.stages[i + 1]?.key ?? null, readings),
        content: { views: views?.views ?? 0, customers: views?.customers ?? 0 },
      };
    });
    const advice = adviseStages(columns.map(factsOf));
    const mentioned = new Set(columns.flatMap((c) => c.pains.negatives.branches.map((b) => b.branchId)));
    return {
      from: dayText(range.fromDay),
      to: dayText(range.toDay),
      days: readings.days,
      timeZone: workspace.timezone,
      filter: scope.applied,
      customers: columns.reduce((total, c) => total + c.now.customers, 0),
      signals: columns.reduce((total, c) => total + c.sentiment.signals, 0),
      branches: branches.filter((b) => mentioned.has(b.id)).map((b) => ({ id: b.id, name: b.name })),
      stages: columns.map((column, i) => ({ ...column, advice: advice[i] ?? [] })),
    };
  }

  /**
   * Each stage's funnel step, with who is stuck: in the stage now for longer than 9 in 10 of the
   * period's visits that ended stayed, and at least a day. The last stage is where customers are meant to stay: nobody is
   * stuck there.
   */
  private async flows(
    workspaceId: string,
    funnel: readonly FunnelStep[],
    filter: JourneyFilter,
  ): Promise<Map<string, StageFlow>> {
    const repository = new JourneyMapRepository(this.store.db);
    const now = this.now();
    const flows = await Promise.all(
      funnel.map(async (step, i): Promise<[string, StageFlow]> => {
        const last = i === funnel.length - 1;
        // Whole milliseconds: a bucket's estimate has a fraction, and times are integers in storage.
        const longerThanMs =
          last || step.longStayMs === null ? null : Math.max(MIN_STUCK_MS, Math.round(step.longStayMs));
        const stuck =
          longerThanMs === null
            ? null
            : {
                customers: await repository.inStageSince(workspaceId, step.stage, now - longerThanMs, filter),
                longerThanMs,
              };
        return [
          step.stage,
          { entered: step.entered, movedOn: step.movedOn, medianInStageMs: step.medianInStageMs, stuck },
        ];
      }),
    );
    return new Map(flows);
  }
}
