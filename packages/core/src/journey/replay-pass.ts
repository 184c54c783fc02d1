import type { JourneyEvent } from '../event.ts';
import { advanceInPlace, applyInPlace, isLate } from './journey.engine.ts';
import { initialState, type JourneyState, type Transition } from './journey-state.ts';
import { compileRules, type CompiledRules } from './rules.compile.ts';
import type { JourneyRules } from './rules.schema.ts';

/** Receives each transition as the pass produces it, with the customer it belongs to. */
export type TransitionSink = (customerId: string, transition: Transition) => void;

/** Sees each event the pass applies, with the state it left (read it, do not keep it). */
export type AppliedSink = (customerId: string, event: JourneyEvent, state: Readonly<JourneyState>) => void;

// Stands in the map for a customer whose events came out of order: cheaper than a second lookup per event.
const LATE: JourneyState = Object.freeze(initialState());

/**
 * Replays every customer of a workspace in one pass over their events, read in storage order rather
 * than customer by customer: each customer's state lives in memory from his first event to the end.
 * Events of one customer must come in (at, messageId) order; a customer whose events do not is set
 * aside (see `late`) and the caller replays him from his sorted events with `replay`: what the sinks
 * received for him before is to be thrown away. The states are
 * owned by the pass and changed in place, which is what makes a rebuild of millions of events cheap.
 *
 * @example
 * const pass = new ReplayPass(rules, (customerId, t) => rows.push({ customerId, ...t }));
 * for (const { customerId, event } of eventsInStorageOrder) pass.apply(customerId, event);
 * for (const [customerId, state] of pass.finish(now)) save(customerId, state);
 * for (const customerId of pass.late()) save(customerId, replay(eventsOf(customerId), rules, now).state);
 */
export class ReplayPass {
  private readonly states = new Map<string, JourneyState>();
  private readonly lateCustomers: string[] = [];
  private readonly compiled: CompiledRules;
  private readonly scratch: Transition[] = [];

  constructor(
    rules: JourneyRules,
    private readonly onTransition: TransitionSink,
    private readonly onApplied?: AppliedSink,
  ) {
    this.compiled = compileRules(rules);
  }

  apply(customerId: string, event: JourneyEvent): void {
    let state = this.states.get(customerId);
    if (state === LATE) return;
    if (state === undefined) {
      state = initialState();
      this.states.set(customerId, state);
    } else if (isLate(state, event)) {
      this.states.set(customerId, LATE);
      this.lateCustomers.push(customerId);
      return;
    }
    applyInPlace(state, event, this.compiled, this.scratch);
    this.emit(customerId);
    this.onApplied?.(customerId, event, state);
  }

  /** Customers set aside because their events came out of order, in the order they were found. */
  late(): readonly string[] {
    return this.lateCustomers;
  }

  /** How many customers the pass holds a state for, set-aside ones included. */
  get customers(): number {
    return this.states.size;
  }

  /**
   * Advances every state to `until` (deadlines that passed fire, as in `replay`) and hands each over
   * with its customer; set-aside customers are skipped. Call once, after the last `apply`.
   */
  *finish(until: number): Generator<[customerId: string, state: JourneyState], void, undefined> {
    // A NaN clock would silently stop every deadline; it can only be a caller's bug.
    if (!Number.isFinite(until)) throw new Error(`Cannot advance journeys to ${until}: not a time`);
    for (const [customerId, state] of this.states) {
      if (state === LATE) continue;
      advanceInPlace(state, until, this.compiled, this.scratch);
      this.emit(customerId);
      yield [customerId, state];
    }
  }

  private emit(customerId: string): void {
    const scratch = this.scratch;
    if (scratch.length === 0) return;
    for (const transition of scratch) this.onTransition(customerId, transition);
    scratch.length = 0;
  }
}
