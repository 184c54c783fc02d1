import { performance } from 'node:perf_hooks';
import { namesReadingProperties, replay, ReplayPass, type JourneyState } from '@jejak/core';
import { JourneyStateRepository, ReplayRepository, type ReplayScanOptions, type Store } from '@jejak/storage';
import type { JourneyService } from './journey.service.ts';
import { toJourneyEvent } from './rebuild.service.ts';
import { RulesPreviewTally, type RulesPreviewCounts } from './rules-preview.tally.ts';

export interface RulesPreviewLimits {
  /** At most this many customers are replayed; a larger workspace is previewed on a sample. */
  maxCustomers: number;
  /** Past this much time the preview stops at the customers replayed so far (still a uniform sample). */
  budgetMs: number;
}

export interface RulesPreview extends RulesPreviewCounts {
  rulesVersion: number;
  sample: {
    /** Customers replayed, and all the workspace's customers: equal unless the preview sampled. */
    customers: number;
    totalCustomers: number;
    sampled: boolean;
  };
  ms: number;
}

export const DEFAULT_PREVIEW_LIMITS: RulesPreviewLimits = { maxCustomers: 20_000, budgetMs: 8_000 };

// Customers per read: each page is one keyset read of states and one read of their events.
const PAGE = 500;

/**
 * What a rule change would do, without doing it: replays customers' events under the proposed rules
 * in memory (nothing is written) and compares where they would be with where they are now.
 *
 * A large workspace is previewed on a deterministic sample: the first customers in id order. Ids are
 * random UUIDs, so that prefix is a uniform sample, the same one every time for the same data, and
 * stopping early for time still leaves a uniform (smaller) sample.
 */
export class RulesPreviewService {
  constructor(
    private readonly store: Store,
    private readonly journey: JourneyService,
    private readonly now: () => number,
    private readonly limits: RulesPreviewLimits = DEFAULT_PREVIEW_LIMITS,
  ) {}

  async preview(workspaceId: string, input: unknown): Promise<RulesPreview> {
    const proposed = this.journey.checkRules(input);
    const started = performance.now();
    const db = this.store.db;
    const current = await this.journey.rulesFor(db, workspaceId);
    const states = new JourneyStateRepository(db);
    const events = new ReplayRepository(db);
    const names = namesReadingProperties(proposed);
    const scan: ReplayScanOptions = { propertiesFor: names === 'all' ? 'all' : [...names] };
    const total = await states.count(workspaceId);
    const until = this.now();
    const tally = new RulesPreviewTally(current.rules, proposed);

    let seen = 0;
    let after: string | null = null;
    while (seen < this.limits.maxCustomers) {
      const page = await states.positionsAfter(
        workspaceId,
        after,
        Math.min(PAGE, this.limits.maxCustomers - seen),
      );
      if (page.length === 0) break;
      const ids = page.map((p) => p.customer_id);
      // Each customer's events come together and in replay order, so the pass never sets one aside.
      const pass = new ReplayPass(proposed, () => undefined);
      const rows = await events.eventsOf(workspaceId, ids, scan);
      for (const row of rows) pass.apply(row.customer_id, toJourneyEvent(row));
      const replayed = new Map<string, JourneyState>(pass.finish(until));
      // Only if the database ordered message ids unlike the engine: replay those customers alone.
      for (const id of pass.late()) {
        const own = rows.filter((row) => row.customer_id === id).map(toJourneyEvent);
        replayed.set(id, replay(own, proposed, until).state);
      }
      for (const position of page) {
        const state = replayed.get(position.customer_id);
        tally.add(position, { stage: state?.stage ?? null, status: state?.status ?? 'new' });
      }
      seen += page.length;
      after = ids[ids.length - 1] ?? null;
      if (performance.now() - started > this.limits.budgetMs) break;
    }
    return {
      rulesVersion: current.version,
      sample: { customers: seen, totalCustomers: total, sampled: seen < total },
      ...tally.result(),
      ms: Math.round(performance.now() - started),
    };
  }
}
