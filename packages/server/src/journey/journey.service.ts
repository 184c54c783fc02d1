import {
  DEFAULT_RULES,
  advance,
  applyEvent,
  initialState,
  isLate,
  replay,
  validateRules,
  type JourneyEvent,
  type JourneyRules,
  type Transition,
} from '@jejak/core';
import {
  EventRepository,
  JourneyRulesRepository,
  JourneySignalRepository,
  JourneyStateRepository,
  TransitionRepository,
  type Executor,
  type NewJourneySignal,
  type Store,
  type StoredEvent,
} from '@jejak/storage';
import { badRequest } from '../http/http-error.ts';
import { JourneyFold } from './journey-fold.ts';
import {
  causesAmong,
  rowToState,
  signalRow,
  stateToRow,
  transitionRows,
  type CauseLookup,
} from './journey-state.mapper.ts';

/** A stored event and the customer it was stored under. */
export interface CustomerEvent {
  customerId: string;
  event: JourneyEvent;
}

export interface VersionedRules {
  version: number;
  rules: JourneyRules;
}

const RULES_CACHE_MS = 5_000;

/** Told, inside the same transaction, which customers' events or journey just changed (segments listen). */
export type CustomersObserver = (
  db: Executor,
  workspaceId: string,
  customerIds: readonly string[],
) => Promise<void>;

/** Stored rules were validated when saved; validating again on load also freezes them. */
function parseStoredRules(json: string): JourneyRules {
  const result = validateRules(JSON.parse(json));
  if (!result.ok) throw new Error(`stored journey rules are invalid: ${JSON.stringify(result.errors[0])}`);
  return result.rules;
}

/** Turns a stored event back into what the engine reads. */
export function storedToJourneyEvent(row: StoredEvent): JourneyEvent {
  return {
    messageId: row.message_id,
    type: row.type as JourneyEvent['type'],
    name: row.name,
    at: row.at,
    channel: row.channel as JourneyEvent['channel'],
    properties: JSON.parse(row.properties_json) as Record<string, unknown>,
    branchId: row.branch_id,
  };
}

/**
 * Keeps every customer's journey equal to a replay of their events (DESIGN §4.3): applied
 * incrementally inside the ingesting transaction, replayed when an event arrives late or two
 * customers merge, advanced by the clock job, and rebuilt whole when the rules change.
 */
export class JourneyService {
  private readonly rulesCache = new Map<string, VersionedRules & { loadedAt: number }>();
  private readonly observers: CustomersObserver[] = [];

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  observe(observer: CustomersObserver): void {
    this.observers.push(observer);
  }

  /** Tells the observers these customers changed (a merge or its undo moves events between customers). */
  async changed(db: Executor, workspaceId: string, customerIds: readonly string[]): Promise<void> {
    for (const observer of this.observers) await observer(db, workspaceId, customerIds);
  }

  async rulesFor(db: Executor, workspaceId: string): Promise<VersionedRules> {
    const cached = this.rulesCache.get(workspaceId);
    const now = this.now();
    if (cached && now - cached.loadedAt < RULES_CACHE_MS) return cached;
    const row = await new JourneyRulesRepository(db).current(workspaceId);
    // Same version, same object: the engine caches its compiled matchers per rules object.
    const loaded =
      cached && cached.version === (row?.version ?? 0)
        ? { ...cached, loadedAt: now }
        : row
          ? { version: row.version, rules: parseStoredRules(row.rules_json), loadedAt: now }
          : { version: 0, rules: DEFAULT_RULES, loadedAt: now };
    this.rulesCache.set(workspaceId, loaded);
    return loaded;
  }

  /** Applies one stored event to its customer, or replays the customer when the event is late. */
  async apply(
    db: Executor,
    workspaceId: string,
    customerId: string,
    event: JourneyEvent,
    rules: VersionedRules,
    forceReplay = false,
  ): Promise<void> {
    const states = new JourneyStateRepository(db);
    const row = await states.get(workspaceId, customerId);
    const state = row ? rowToState(row) : initialState();
    if (forceReplay || (row && (row.rules_version !== rules.version || isLate(state, event)))) {
      await this.replayCustomer(
        db,
        workspaceId,
        customerId,
        rules,
        Math.max(state.clock ?? event.at, event.at),
      );
      await this.changed(db, workspaceId, [customerId]);
      return;
    }
    const step = applyEvent(state, event, rules.rules);
    await states.upsert(stateToRow(workspaceId, customerId, step.state, rules.version, this.now()));
    await this.recordTransitions(db, workspaceId, customerId, step.transitions, causesAmong([event]));
    const signal = signalRow(workspaceId, customerId, event, step.state, rules.rules);
    if (signal !== null) await new JourneySignalRepository(db).insertMany([signal]);
    await this.changed(db, workspaceId, [customerId]);
  }

  /**
   * Applies a run of stored events, in arrival order, to their customers with one read of the states,
   * the engine in memory (see JourneyFold), one write of the states and one of the transitions. The
   * customers whose events came late (or whose state is of older rules) are then replayed once each.
   * Gives what `apply` called for each event in turn gives.
   */
  async applyMany(
    db: Executor,
    workspaceId: string,
    events: readonly CustomerEvent[],
    rules: VersionedRules,
  ): Promise<void> {
    if (events.length === 0) return;
    const states = new JourneyStateRepository(db);
    const stored = await states.getMany(
      workspaceId,
      events.map((e) => e.customerId),
    );
    const fold = new JourneyFold(stored, rules);
    for (const { customerId, event } of events) fold.apply(customerId, event);
    await states.upsertMany(fold.rows(workspaceId, this.now()));
    await new TransitionRepository(db).insertMany(fold.transitionRows(workspaceId));
    await new JourneySignalRepository(db).insertMany(fold.signalRows(workspaceId));
    for (const { customerId, until } of fold.replays()) {
      await this.replayCustomer(db, workspaceId, customerId, rules, until);
    }
    await this.changed(db, workspaceId, [...new Set(events.map((e) => e.customerId))]);
  }

  /** Recomputes one customer from their stored events, replacing their state, transitions and signals. */
  async replayCustomer(
    db: Executor,
    workspaceId: string,
    customerId: string,
    rules: VersionedRules,
    until?: number,
  ): Promise<void> {
    const rows = await new EventRepository(db).listForCustomer(workspaceId, customerId);
    const transitions = new TransitionRepository(db);
    const states = new JourneyStateRepository(db);
    const signals = new JourneySignalRepository(db);
    await transitions.deleteForCustomer(workspaceId, customerId);
    await signals.deleteForCustomers(workspaceId, [customerId]);
    if (rows.length === 0) {
      await states.delete(workspaceId, customerId);
      return;
    }
    const events = rows.map(storedToJourneyEvent);
    const found: NewJourneySignal[] = [];
    const step = replay(events, rules.rules, until, (event, after) => {
      const row = signalRow(workspaceId, customerId, event, after, rules.rules);
      if (row !== null) found.push(row);
    });
    await states.upsert(stateToRow(workspaceId, customerId, step.state, rules.version, this.now()));
    await this.recordTransitions(db, workspaceId, customerId, step.transitions, causesAmong(events));
    await signals.insertMany(found);
  }

  /**
   * The clock job's work: advances customers whose next deadline has passed (an indexed due time,
   * not a scan), in transactions of at most `limit` customers. Returns how many were advanced.
   */
  async advanceDue(limit = 500): Promise<number> {
    const now = this.now();
    let advanced = 0;
    for (;;) {
      const count = await this.store.db.transaction().execute(async (trx) => {
        const states = new JourneyStateRepository(trx);
        const due = await states.due(now, limit);
        for (const row of due) {
          const rules = await this.rulesFor(trx, row.workspace_id);
          const step = advance(rowToState(row), now, rules.rules);
          await states.upsert(
            stateToRow(row.workspace_id, row.customer_id, step.state, row.rules_version, now),
          );
          await this.recordTransitions(trx, row.workspace_id, row.customer_id, step.transitions);
        }
        const byWorkspace = new Map<string, string[]>();
        for (const row of due)
          byWorkspace.set(row.workspace_id, [...(byWorkspace.get(row.workspace_id) ?? []), row.customer_id]);
        for (const [workspaceId, ids] of byWorkspace) await this.changed(trx, workspaceId, ids);
        return due.length;
      });
      advanced += count;
      if (count < limit) return advanced;
    }
  }

  validate(input: unknown) {
    return validateRules(input);
  }

  /** The rules if they are valid; otherwise a 400 whose details list every error with its field. */
  checkRules(input: unknown): JourneyRules {
    const result = validateRules(input);
    if (result.ok) return result.rules;
    const first = result.errors[0];
    throw badRequest(
      `The journey rules are invalid${first ? `: ${first.path}: ${first.message}` : ''}`,
      result.errors,
      'invalid_rules',
    );
  }

  /** Stores a new version of the rules and recomputes every journey of the workspace with it. */
  async replaceRules(workspaceId: string, input: unknown): Promise<VersionedRules> {
    const rules = this.checkRules(input);
    const repository = new JourneyRulesRepository(this.store.db);
    const current = await repository.current(workspaceId);
    const version = (current?.version ?? 0) + 1;
    await repository.insert(workspaceId, version, JSON.stringify(rules), this.now());
    this.rulesCache.delete(workspaceId);
    return { version, rules };
  }

  private async recordTransitions(
    db: Executor,
    workspaceId: string,
    customerId: string,
    transitions: readonly Transition[],
    causes?: CauseLookup,
  ): Promise<void> {
    if (transitions.length === 0) return;
    await new TransitionRepository(db).insertMany(
      transitionRows(workspaceId, customerId, transitions, causes),
    );
  }
}
