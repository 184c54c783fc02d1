import type { JourneyState, Transition } from '@jejak/core';
import type { JourneyStateRow, NewTransition } from '@jejak/storage';

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
    rules_version: rulesVersion,
    state_json: JSON.stringify(state),
    updated_at: updatedAt,
  };
}

export function rowToState(row: Pick<JourneyStateRow, 'state_json'>): JourneyState {
  const state = JSON.parse(row.state_json) as JourneyState;
  // Stored before the state kept the orders' worth: 0 until the customer is next replayed or rebuilt.
  state.orderValue ??= 0;
  return state;
}

export function transitionRows(
  workspaceId: string,
  customerId: string,
  transitions: readonly Transition[],
): NewTransition[] {
  return transitions.map((t) => transitionRow(workspaceId, customerId, t));
}

export function transitionRow(workspaceId: string, customerId: string, t: Transition): NewTransition {
  return {
    workspace_id: workspaceId,
    customer_id: customerId,
    kind: t.kind,
    from_value: t.from,
    to_value: t.to,
    at: t.at,
    cause: t.cause,
  };
}
