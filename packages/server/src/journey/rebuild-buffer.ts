import type { JourneyEvent, JourneyRules, JourneyState, Transition } from '@jejak/core';
import type { NewJourneySignal, NewJourneyState, NewTransition, ReplayRepository } from '@jejak/storage';
import { signalRow, stateToRow, transitionRow, type SignalState } from './journey-state.mapper.ts';

// Large enough that per-statement costs vanish, small enough that a rebuild of millions stays in bounded memory.
const FLUSH_ROWS = 10_000;

/** The rows a rebuild produces, written in bulk as they accumulate. */
export class RebuildBuffer {
  private states: NewJourneyState[] = [];
  private transitions: NewTransition[] = [];
  private signals: NewJourneySignal[] = [];
  /** Transitions written so far. */
  written = 0;

  constructor(
    private readonly repository: ReplayRepository,
    private readonly workspaceId: string,
    private readonly rules: JourneyRules,
    private readonly rulesVersion: number,
    private readonly updatedAt: number,
  ) {}

  /** `cause` is the event being applied when the transition came, if any: it is the cause unless the clock is. */
  addTransition(customerId: string, t: Transition, cause: JourneyEvent | undefined): void {
    this.transitions.push(transitionRow(this.workspaceId, customerId, t, cause));
  }

  /** Keeps the feedback or negative experience of an event, if it carries one. */
  addEvent(customerId: string, event: JourneyEvent, after: Readonly<SignalState>): void {
    const row = signalRow(this.workspaceId, customerId, event, after, this.rules);
    if (row !== null) this.signals.push(row);
  }

  addState(customerId: string, state: JourneyState): void {
    this.states.push(stateToRow(this.workspaceId, customerId, state, this.rulesVersion, this.updatedAt));
  }

  get full(): boolean {
    return (
      this.states.length >= FLUSH_ROWS ||
      this.transitions.length >= FLUSH_ROWS ||
      this.signals.length >= FLUSH_ROWS
    );
  }

  async flush(): Promise<void> {
    const { states, transitions, signals } = this;
    this.states = [];
    this.transitions = [];
    this.signals = [];
    // In customer order each index takes a chunk as a run of neighbouring keys, not scattered pages.
    // Array sort is stable, so a customer's transitions keep the order they happened in.
    await this.repository.insertStates(states.sort(byCustomer));
    await this.repository.insertTransitions(transitions);
    await this.repository.insertSignals(signals);
    this.written += transitions.length;
  }
}

function byCustomer(a: { customer_id: string }, b: { customer_id: string }): number {
  return a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0;
}
