import {
  dayText,
  isoWeekStart,
  JourneyRepository,
  WorkspaceRepository,
  type DayRange,
  type FunnelStep,
  type Store,
  type Workspace,
} from '@jejak/storage';
import type { Static } from 'typebox';
import { notFound } from '../http/http-error.ts';
import type { JourneyScope } from './journey-scope.ts';
import type { FunnelSchema, TrendSchema } from './journey.schemas.ts';
import type { JourneyService } from './journey.service.ts';

type Funnel = Static<typeof FunnelSchema>;
type Trend = Static<typeof TrendSchema>;

/**
 * The journey of a period, stage by stage: the funnel (entries, the share that moved on by now, the
 * median time it took) and the weekly trend of entries. Read from the daily summaries, so a year costs
 * about what a week does. The journey map reads the same funnel.
 */
export class JourneyFunnelService {
  constructor(
    private readonly store: Store,
    private readonly journey: JourneyService,
  ) {}

  /** The workspace, or 404: the journey questions need its time zone to cut days. */
  async workspace(workspaceId: string): Promise<Workspace> {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    return workspace;
  }

  /** The stages of the workspace's rules in journey order, with the funnel of each. */
  async funnelSteps(workspaceId: string, range: DayRange, scope: JourneyScope) {
    const { rules } = await this.journey.rulesFor(this.store.db, workspaceId);
    const steps = await new JourneyRepository(this.store.db).funnel(workspaceId, {
      stages: rules.stages.map((s) => s.key),
      range,
      filter: scope.filter,
    });
    return rules.stages.map((stage, i) => ({ stage, step: steps[i] as FunnelStep }));
  }

  async funnel(workspace: Workspace, range: DayRange, scope: JourneyScope): Promise<Funnel> {
    const steps = await this.funnelSteps(workspace.id, range, scope);
    return {
      ...period(workspace, range, scope),
      stages: steps.map(({ stage, step }, i) => ({
        key: stage.key,
        label: stage.label,
        entered: step.entered,
        movedOn: step.movedOn,
        // The last stage has no later one to move on to: no share, rather than a 0% that reads as a failing.
        movedOnShare: step.entered > 0 && i < steps.length - 1 ? step.movedOn / step.entered : null,
        left: step.left,
        medianToMoveOnMs: step.medianToMoveOnMs,
        medianInStageMs: step.medianInStageMs,
        next: step.next,
      })),
    };
  }

  /** Entries per stage for every ISO week that meets the period, empty weeks included. */
  async trend(workspace: Workspace, range: DayRange, scope: JourneyScope): Promise<Trend> {
    const { rules } = await this.journey.rulesFor(this.store.db, workspace.id);
    const rows = await new JourneyRepository(this.store.db).weeklyEntries(workspace.id, range, scope.filter);
    const column = new Map(rules.stages.map((s, i) => [s.key, i]));
    const weeks: Trend['weeks'] = [];
    const byStart = new Map<number, number[]>();
    for (let start = isoWeekStart(range.fromDay); start <= range.toDay; start += 7) {
      const entries = rules.stages.map(() => 0);
      byStart.set(start, entries);
      weeks.push({
        week: isoWeek(start),
        start: dayText(start),
        partial: start < range.fromDay || start + 6 > range.toDay,
        entries,
      });
    }
    for (const row of rows) {
      const i = column.get(row.stage);
      const entries = byStart.get(row.weekStart);
      if (i !== undefined && entries !== undefined) entries[i] = (entries[i] ?? 0) + row.entries;
    }
    return {
      ...period(workspace, range, scope),
      stages: rules.stages.map((s) => ({ key: s.key, label: s.label })),
      weeks,
    };
  }
}

function period(workspace: Workspace, range: DayRange, scope: JourneyScope) {
  return {
    from: dayText(range.fromDay),
    to: dayText(range.toDay),
    timeZone: workspace.timezone,
    filter: scope.applied,
  };
}

/** `2026-W48` for the week starting on this Monday: the ISO year is the year of its Thursday. */
export function isoWeek(monday: number): string {
  const thursday = new Date((monday + 3) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstThursdayDay = Math.floor(Date.UTC(year, 0, 1) / 86_400_000);
  const firstThursday = firstThursdayDay + ((4 - new Date(Date.UTC(year, 0, 1)).getUTCDay() + 7) % 7);
  const week = 1 + Math.floor((monday + 3 - firstThursday) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
