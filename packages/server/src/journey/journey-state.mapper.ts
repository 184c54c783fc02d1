import {
  compileRules,
  signalOf,
  type JourneyEvent,
  type JourneyRules,
  type JourneyState,
  type Transition,
} from '@jejak/core';
import type { JourneyStateRow, NewJourneySignal, NewTransition } from '@jejak/storage';

/** A journey state as a row: the state whole in JSON, and the fields queries filter on beside it. */
export function stateToRow(
  workspaceId: string,
  customerId: string,
  state: JourneyState,
  rulesVersion: number,
  updatedAt: number,
): JourneyStateRow {
  return {
    workspace_id: workspaceId,
    customer_id: customerId,
    stage: state.stage,
    status: state.status,
    due_at: state.dueAt,
    last_event_at: state.lastEventAt ?? 0,
    last_message_id: state.lastMessageId ?? '',
    stage_entered_at: state.stageEnteredAt,
    rules_version: rulesVersion,
    state_json: JSON.stringify(state),
    updated_at: updatedAt,
    first_channel: state.firstChannel ?? '',
    home_branch_id: state.homeBranch ?? '',
  };
}

export function rowToState(row: Pick<JourneyStateRow, 'state_json'>): JourneyState {
  const state = JSON.parse(row.state_json) as JourneyState;
  // Stored before the state kept the orders' worth: 0 until the customer is next replayed or rebuilt.
  state.orderValue ??= 0;
  return state;
}

/** Finds the event that caused a transition among those at hand (a move of the clock has none). */
export type CauseLookup = (messageId: string) => JourneyEvent | undefined;

const NO_CAUSE: CauseLookup = () => undefined;

/** A lookup over the events of a replay, by message id. */
export function causesAmong(events: readonly JourneyEvent[]): CauseLookup {
  const byId = new Map(events.map((e) => [e.messageId, e]));
  return (messageId) => byId.get(messageId);
}

export function transitionRows(
  workspaceId: string,
  customerId: string,
  transitions: readonly Transition[],
  causes: CauseLookup = NO_CAUSE,
): NewTransition[] {
  return transitions.map((t) => transitionRow(workspaceId, customerId, t, causes(t.cause)));
}

/** A transition as a row, with the touchpoint that caused it when `cause` is that event. */
export function transitionRow(
  workspaceId: string,
  customerId: string,
  t: Transition,
  cause: JourneyEvent | undefined,
): NewTransition {
  const by = cause !== undefined && cause.messageId === t.cause ? cause : undefined;
  return {
    workspace_id: workspaceId,
    customer_id: customerId,
    kind: t.kind,
    from_value: t.from,
    to_value: t.to,
    at: t.at,
    cause: t.cause,
    cause_name: by?.name ?? null,
    channel: by?.channel ?? null,
    branch_id: by?.branchId ?? null,
    since: t.since,
    first_channel: t.firstChannel,
    home_branch_id: t.homeBranch,
    since_home_branch_id: t.sinceHomeBranch,
  };
}

/** What a signal row keeps of the state an event left: the stage and the customer's attribution. */
export type SignalState = Pick<JourneyState, 'stage' | 'firstChannel' | 'homeBranch'>;

/**
 * The feedback or negative experience an event carries, as a row with the stage the event left the
 * customer in and his attribution then; null when the event carries neither.
 */
export function signalRow(
  workspaceId: string,
  customerId: string,
  event: JourneyEvent,
  after: Readonly<SignalState>,
  rules: JourneyRules,
): NewJourneySignal | null {
  const signal = signalOf(event, compileRules(rules));
  if (signal === null) return null;
  return {
    workspace_id: workspaceId,
    customer_id: customerId,
    cause: event.messageId,
    at: event.at,
    stage: after.stage,
    name: event.name,
    channel: event.channel,
    branch_id: event.branchId ?? null,
    measure: signal.measure,
    score: signal.score,
    sentiment: signal.sentiment,
    negative: signal.negative ? 1 : 0,
    first_channel: after.firstChannel ?? '',
    home_branch_id: after.homeBranch ?? '',
  };
}
