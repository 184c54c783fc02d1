import {
  applyEvent,
  initialState,
  isLate,
  type JourneyEvent,
  type JourneyState,
  type Transition,
} from '@jejak/core';
import type { JourneyStateRow, NewJourneySignal, NewJourneyState, NewTransition } from '@jejak/storage';
import {
  rowToState,
  signalRow,
  stateToRow,
  transitionRow,
  type SignalState,
} from './journey-state.mapper.ts';
import type { VersionedRules } from './journey.service.ts';

interface Entry {
  state: JourneyState;
  /** Rules version the state was computed with; undefined while the customer has no stored state. */
  version: number | undefined;
  /** Clock of the stored state before the fold, which a replay must not fall behind. */
  startClock: number | null;
  /** Time of the newest event folded for this customer. */
  latestAt: number;
  changed: boolean;
  replay: boolean;
}

/**
 * Many customers' journeys moved forward in memory, event by event in arrival order, with the same
 * decisions as `JourneyService.apply`: an event in order is applied, one that arrives late (or meets a
 * state of older rules) marks the customer for a replay instead. Nothing is read or written here; the
 * caller loads the states, then writes `rows()`, `transitionRows()`, `signalRows()` and replays `replays()`.
 *
 * A customer marked for replay takes no more events in memory: replaying once, from every stored event,
 * to the newest time the fold saw, gives what replaying at the first late event and applying or
 * replaying the rest would (DESIGN §4.3: a state equals the replay of its events).
 */
export class JourneyFold {
  private readonly entries = new Map<string, Entry>();
  private readonly applied: { customerId: string; transition: Transition; event: JourneyEvent }[] = [];
  private readonly seen: { customerId: string; event: JourneyEvent; after: SignalState }[] = [];
  private readonly marked: string[] = [];

  constructor(
    stored: readonly JourneyStateRow[],
    private readonly rules: VersionedRules,
  ) {
    for (const row of stored) {
      const state = rowToState(row);
      this.entries.set(row.customer_id, {
        state,
        version: row.rules_version,
        startClock: state.clock,
        latestAt: -Infinity,
        changed: false,
        replay: false,
      });
    }
  }

  apply(customerId: string, event: JourneyEvent): void {
    const entry = this.entryOf(customerId);
    entry.latestAt = Math.max(entry.latestAt, event.at);
    if (entry.replay) return;
    if (entry.version !== undefined && (entry.version !== this.rules.version || isLate(entry.state, event))) {
      entry.replay = true;
      this.marked.push(customerId);
      return;
    }
    const step = applyEvent(entry.state, event, this.rules.rules);
    entry.state = step.state;
    entry.version = this.rules.version;
    entry.changed = true;
    for (const transition of step.transitions) this.applied.push({ customerId, transition, event });
    const { stage, firstChannel, homeBranch } = step.state;
    this.seen.push({ customerId, event, after: { stage, firstChannel, homeBranch } });
  }

  /** The states moved in memory, one row per customer. */
  rows(workspaceId: string, updatedAt: number): NewJourneyState[] {
    const rows: NewJourneyState[] = [];
    for (const [customerId, entry] of this.entries) {
      if (entry.changed && !entry.replay) {
        rows.push(stateToRow(workspaceId, customerId, entry.state, this.rules.version, updatedAt));
      }
    }
    return rows;
  }

  /** Transitions of the customers moved in memory, in the order the events caused them. */
  transitionRows(workspaceId: string): NewTransition[] {
    return this.applied
      .filter(({ customerId }) => !this.entries.get(customerId)!.replay)
      .map(({ customerId, transition, event }) => transitionRow(workspaceId, customerId, transition, event));
  }

  /** Feedback and negative experiences of the customers moved in memory. */
  signalRows(workspaceId: string): NewJourneySignal[] {
    const rows: NewJourneySignal[] = [];
    for (const { customerId, event, after } of this.seen) {
      if (this.entries.get(customerId)!.replay) continue;
      const row = signalRow(workspaceId, customerId, event, after, this.rules.rules);
      if (row !== null) rows.push(row);
    }
    return rows;
  }

  /** Customers to replay from their stored events, in the order they were marked, with the time to replay to. */
  replays(): { customerId: string; until: number }[] {
    return this.marked.map((customerId) => {
      const { startClock, latestAt } = this.entries.get(customerId)!;
      return { customerId, until: Math.max(startClock ?? latestAt, latestAt) };
    });
  }

  private entryOf(customerId: string): Entry {
    let entry = this.entries.get(customerId);
    if (entry === undefined) {
      entry = {
        state: initialState(),
        version: undefined,
        startClock: null,
        latestAt: -Infinity,
        changed: false,
        replay: false,
      };
      this.entries.set(customerId, entry);
    }
    return entry;
  }
}
