import { replay } from '@jejak/core';
import {
  EventRepository,
  JourneyStateRepository,
  TransitionRepository,
  WorkspaceRepository,
  type Executor,
  type JourneyStateRow,
  type NewTransition,
  type Store,
  type StoredEvent,
} from '@jejak/storage';
import { storedToJourneyEvent, type JourneyService, type VersionedRules } from './journey.service.ts';
import { stateToRow, transitionRows } from './journey-state.mapper.ts';

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

const FLUSH_ROWS = 2_000;

/**
 * Recomputes every journey from the stored events (`jejak rebuild`, and after a rule change).
 * Each workspace is rebuilt in one transaction, so readers see the old journeys until the new
 * ones are complete, and a crash midway leaves the old ones whole.
 */
export class RebuildService {
  constructor(
    private readonly store: Store,
    private readonly journey: JourneyService,
    private readonly now: () => number,
  ) {}

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
    const events = new EventRepository(db);
    const states = new JourneyStateRepository(db);
    const transitions = new TransitionRepository(db);
    const totalEvents = await events.count(workspaceId);
    await states.deleteWorkspace(workspaceId);
    await transitions.deleteWorkspace(workspaceId);

    let stateRows: JourneyStateRow[] = [];
    let transitionBuffer: NewTransition[] = [];
    const flush = async () => {
      await states.insertMany(stateRows);
      await transitions.insertMany(transitionBuffer);
      stateRows = [];
      transitionBuffer = [];
    };
    const finish = (customerId: string, customerEvents: StoredEvent[]) => {
      const step = replay(customerEvents.map(storedToJourneyEvent), rules.rules, until);
      stateRows.push(stateToRow(workspaceId, customerId, step.state, rules.version, until));
      pushAll(transitionBuffer, transitionRows(workspaceId, customerId, step.transitions));
      result.customers += 1;
      result.transitions += step.transitions.length;
    };

    let current: StoredEvent[] = [];
    let seen = 0;
    for await (const batch of events.streamAll(workspaceId)) {
      for (const event of batch) {
        if (current.length > 0 && current[0]!.customer_id !== event.customer_id) {
          finish(current[0]!.customer_id, current);
          current = [];
          if (stateRows.length >= FLUSH_ROWS || transitionBuffer.length >= FLUSH_ROWS * 4) await flush();
        }
        current.push(event);
      }
      seen += batch.length;
      result.events += batch.length;
      onProgress?.({ workspaceId, events: seen, totalEvents });
    }
    if (current.length > 0) finish(current[0]!.customer_id, current);
    await flush();
  }
}

function pushAll<T>(target: T[], items: readonly T[]) {
  for (const item of items) target.push(item);
}
