import { CUSTOMER_STATUSES, type JourneyRules } from '@jejak/core';

export interface StageLabel {
  id: string;
  en: string;
}

/** Customers per stage (null: not in the journey yet) and per status, now and under the proposed rules. */
export interface RulesPreviewCounts {
  stages: {
    key: string;
    label: StageLabel;
    now: number;
    after: number;
    in: 'both' | 'current' | 'proposed';
  }[];
  withoutStage: { now: number; after: number };
  statuses: { status: string; now: number; after: number }[];
  /** Customers whose stage would change, by the stage they are in now and the one they would be in. */
  moves: { from: string | null; to: string | null; customers: number }[];
  /** Customers whose stage or status would change. */
  changed: number;
}

interface Position {
  stage: string | null;
  status: string;
}

const SEP = '\u0000';

/** Counts where each sampled customer is now and where the proposed rules would put them. */
export class RulesPreviewTally {
  private readonly stagesNow = new Map<string | null, number>();
  private readonly stagesAfter = new Map<string | null, number>();
  private readonly statusesNow = new Map<string, number>();
  private readonly statusesAfter = new Map<string, number>();
  private readonly moves = new Map<string, number>();
  private changed = 0;

  constructor(
    private readonly current: JourneyRules,
    private readonly proposed: JourneyRules,
  ) {}

  add(now: Position, after: Position): void {
    bump(this.stagesNow, now.stage);
    bump(this.stagesAfter, after.stage);
    bump(this.statusesNow, now.status);
    bump(this.statusesAfter, after.status);
    if (now.stage !== after.stage) bump(this.moves, `${now.stage ?? ''}${SEP}${after.stage ?? ''}`);
    if (now.stage !== after.stage || now.status !== after.status) this.changed += 1;
  }

  result(): RulesPreviewCounts {
    return {
      stages: this.stageRows(),
      withoutStage: { now: this.stagesNow.get(null) ?? 0, after: this.stagesAfter.get(null) ?? 0 },
      statuses: CUSTOMER_STATUSES.map((status) => ({
        status,
        now: this.statusesNow.get(status) ?? 0,
        after: this.statusesAfter.get(status) ?? 0,
      })),
      moves: [...this.moves]
        .map(([key, customers]) => {
          const [from = '', to = ''] = key.split(SEP);
          return { from: from === '' ? null : from, to: to === '' ? null : to, customers };
        })
        .sort((a, b) => b.customers - a.customers),
      changed: this.changed,
    };
  }

  /** The proposed stages in their order, then stages only the current rules (or stale states) name. */
  private stageRows(): RulesPreviewCounts['stages'] {
    const currentKeys = new Set(this.current.stages.map((s) => s.key));
    const proposedKeys = new Set(this.proposed.stages.map((s) => s.key));
    const rows: RulesPreviewCounts['stages'] = [];
    const push = (key: string, label: StageLabel) =>
      rows.push({
        key,
        label,
        now: this.stagesNow.get(key) ?? 0,
        after: this.stagesAfter.get(key) ?? 0,
        in: currentKeys.has(key) ? (proposedKeys.has(key) ? 'both' : 'current') : 'proposed',
      });
    for (const stage of this.proposed.stages) push(stage.key, stage.label);
    for (const stage of this.current.stages) if (!proposedKeys.has(stage.key)) push(stage.key, stage.label);
    for (const key of this.stagesNow.keys()) {
      if (key !== null && !proposedKeys.has(key) && !currentKeys.has(key)) push(key, { id: key, en: key });
    }
    return rows;
  }
}

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
