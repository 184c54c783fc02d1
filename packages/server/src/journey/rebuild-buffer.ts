import type { JourneyState, Transition } from '@jejak/core';
import type { NewJourneyState, NewTransition, ReplayRepository } from '@jejak/storage';
import { stateToRow } from './journey-state.mapper.ts';

// Large enough that per-statement costs vanish, small enough that a rebuild of millions stays in bounded memory.
const FLUSH_ROWS = 10_000;

/** The rows a rebuild produces, written in bulk as they accumulate. */
export class RebuildBuffer {
  private states: NewJourneyState[] = [];
  private transitions: NewTransition[] = [];
  /** Transitions written so far. */
  written = 0;

  constructor(
    private readonly repository: ReplayRepository,
    private readonly workspaceId: string,
    private readonly rulesVersion: number,
    private readonly updatedAt: number,
  ) {}

  addTransition(customerId: string, t: Transition): void {
    this.transitions.push({
      workspace_id: this.workspaceId,
      customer_id: customerId,
      kind: t.kind,
      from_value: t.from,
      to_value: t.to,
      at: t.at,
      cause: t.cause,
    });
  }

  addState(customerId: string, state: JourneyState): void {
    this.states.push(stateToRow(this.workspaceId, customerId, state, this.rulesVersion, this.updatedAt));
  }

  get full(): boolean {
    return this.states.length >= FLUSH_ROWS || this.transitions.length >= FLUSH_ROWS;
  }

  async flush(): Promise<void> {
    const { states, transitions } = this;
    this.states = [];
    this.transitions = [];
    // In customer order each index takes a chunk as a run of neighbouring keys, not scattered pages.
    // Array sort is stable, so a customer's transitions keep the order they happened in.
    await this.repository.insertStates(states.sort(byCustomer));
    await this.repository.insertTransitions(transitions);
    this.written += transitions.length;
  }
}

function byCustomer(a: { customer_id: string }, b: { customer_id: string }): number {
  return a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0;
}
