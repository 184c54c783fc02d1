import {
  namesReadingProperties,
  replay,
  ReplayPass,
  type Channel,
  type EventType,
  type JourneyEvent,
} from '@jejak/core';
import {
  JourneySignalRepository,
  JourneyStateRepository,
  JourneySummaryRepository,
  ReplayRepository,
  TransitionRepository,
  WorkspaceRepository,
  type Executor,
  type ReplayEventRow,
  type ReplayScanOptions,
  type Store,
} from '@jejak/storage';
import type { JourneyService, VersionedRules } from './journey.service.ts';
import { causesAmong } from './journey-state.mapper.ts';
import { RebuildBuffer } from './rebuild-buffer.ts';

export interface RebuildProgress {
  workspaceId: string;
  events: number;
  totalEvents: number;
}

export interface RebuildResult {
  workspaces: number;
  customers: number;
  events: number;
  transitions: number;
  ms: number;
}

// The engine reads properties only for the names `namesReadingProperties` lists; the rest share this.
const NO_PROPERTIES: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Recomputes every journey from the stored events (`jejak rebuild`, and after a rule change).
 * Each workspace is rebuilt in one transaction, so readers see the old journeys until the new
 * ones are complete, and a crash midway leaves the old ones whole.
 *
 * The events are read once, in storage order (about arrival order, a sequential read), and every
 * customer's state is kept in memory meanwhile (a `ReplayPass`): far cheaper than reading them
 * customer by customer, which visits the table in random order. The few customers whose events
 * were stored out of time order are replayed at the end, from their events read in replay order.
 */
export class RebuildService {
  constructor(
    private readonly store: Store,
    private readonly journey: JourneyService,
    private readonly now: () => number,
  ) {}

  /** Workspaces stored before transitions carried attribution (a migration lists them): rebuilt at start. */
  pending(): Promise<string[]> {
    return new JourneySummaryRepository(this.store.db).pendingRebuilds();
  }

  async run(
    options: { workspaceId?: string; onProgress?: (p: RebuildProgress) => void } = {},
  ): Promise<RebuildResult> {
    const started = this.now();
    const workspaces = options.workspaceId
      ? [options.workspaceId]
      : (await new WorkspaceRepository(this.store.db).list()).map((w) => w.id);
    const result: RebuildResult = {
      workspaces: workspaces.length,
      customers: 0,
      events: 0,
      transitions: 0,
      ms: 0,
    };
    for (const workspaceId of workspaces) {
      await this.store.db.transaction().execute(async (trx) => {
        const rules = await this.journey.rulesFor(trx, workspaceId);
        await this.rebuildWorkspace(trx, workspaceId, rules, result, options.onProgress);
      });
    }
    result.ms = this.now() - started;
    return result;
  }

  private async rebuildWorkspace(
    db: Executor,
    workspaceId: string,
    rules: VersionedRules,
    result: RebuildResult,
    onProgress?: (p: RebuildProgress) => void,
  ) {
    const until = this.now();
    // The raw handle runs inside this transaction: on SQLite it holds the store's one connection.
    const repository = new ReplayRepository(db, this.store.sqlite);
    // Counting a workspace's events costs a full index scan; the last seq bounds it for the progress bar.
    const estimate = await repository.lastSeq();
    await new JourneyStateRepository(db).deleteWorkspace(workspaceId);
    await new TransitionRepository(db).deleteWorkspace(workspaceId);
    await new JourneySignalRepository(db).deleteWorkspace(workspaceId);

    const buffer = new RebuildBuffer(repository, workspaceId, rules.rules, rules.version, until);
    // The event being applied: the pass calls the sinks while it applies it, so a transition it
    // reports came from this event or, before it, from the clock.
    let current: JourneyEvent | undefined;
    const pass = new ReplayPass(
      rules.rules,
      (customerId, t) => buffer.addTransition(customerId, t, current),
      (customerId, event, state) => buffer.addEvent(customerId, event, state),
    );
    const names = namesReadingProperties(rules.rules);
    const scan: ReplayScanOptions = { propertiesFor: names === 'all' ? 'all' : [...names] };
    let seen = 0;
    for await (const batch of repository.batches(workspaceId, scan)) {
      for (const row of batch) {
        current = toJourneyEvent(row);
        pass.apply(row.customer_id, current);
      }
      current = undefined;
      if (buffer.full) await buffer.flush();
      seen += batch.length;
      onProgress?.({ workspaceId, events: seen, totalEvents: Math.max(seen, estimate) });
    }
    await writeStates(pass, buffer, until);
    onProgress?.({ workspaceId, events: seen, totalEvents: seen });
    const lateTransitions = await this.replayLate(repository, workspaceId, pass.late(), rules, scan, until);
    // The bulk writes above leave the daily summaries alone: made once here from the new transitions.
    const summaries = new JourneySummaryRepository(db);
    await summaries.recompute(workspaceId);
    await summaries.rebuilt(workspaceId);
    result.events += seen;
    result.customers += pass.customers;
    result.transitions += buffer.written + lateTransitions;
  }

  /**
   * Replays the customers whose events the pass met out of order from their events in replay order,
   * replacing the transitions and signals the pass wrote for them before it noticed. Returns the change
   * in the number of transitions.
   */
  private async replayLate(
    repository: ReplayRepository,
    workspaceId: string,
    customerIds: readonly string[],
    rules: VersionedRules,
    scan: ReplayScanOptions,
    until: number,
  ): Promise<number> {
    if (customerIds.length === 0) return 0;
    const removed = await repository.deleteTransitionsOf(workspaceId, customerIds);
    await repository.deleteSignalsOf(workspaceId, customerIds);
    const buffer = new RebuildBuffer(repository, workspaceId, rules.rules, rules.version, until);
    const rows = await repository.eventsOf(workspaceId, customerIds, scan);
    for (let start = 0; start < rows.length;) {
      const customerId = rows[start]!.customer_id;
      let end = start;
      while (end < rows.length && rows[end]!.customer_id === customerId) end++;
      const events = rows.slice(start, end).map(toJourneyEvent);
      const step = replay(events, rules.rules, until, (event, after) =>
        buffer.addEvent(customerId, event, after),
      );
      const causes = causesAmong(events);
      for (const t of step.transitions) buffer.addTransition(customerId, t, causes(t.cause));
      buffer.addState(customerId, step.state);
      start = end;
    }
    await buffer.flush();
    return buffer.written - removed;
  }
}

/** Every state of the pass, advanced to `until`, written in customer order: the order of their primary key. */
async function writeStates(pass: ReplayPass, buffer: RebuildBuffer, until: number): Promise<void> {
  const finished = [...pass.finish(until)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [customerId, state] of finished) {
    buffer.addState(customerId, state);
    if (buffer.full) await buffer.flush();
  }
  await buffer.flush();
}

/** What the engine reads of an event the rebuild scan returned. */
export function toJourneyEvent(row: ReplayEventRow): JourneyEvent {
  return {
    messageId: row.message_id,
    type: row.type as EventType,
    name: row.name,
    at: row.at,
    channel: row.channel as Channel,
    branchId: row.branch_id,
    properties:
      row.properties_json === null
        ? NO_PROPERTIES
        : (JSON.parse(row.properties_json) as Record<string, unknown>),
  };
}
