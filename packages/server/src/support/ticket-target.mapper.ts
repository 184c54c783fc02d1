import type { TargetClock, TargetClockState, TargetKind, TargetState } from '@jejak/core';
import type { TicketTarget } from '@jejak/storage';

export function rowToTarget(row: TicketTarget): TargetClockState {
  return {
    kind: row.kind as TargetKind,
    clock: row.clock as TargetClock,
    budgetMs: row.budget_ms,
    state: row.state as TargetState,
    runningSince: row.running_since,
    usedMs: row.used_ms,
    dueAt: row.due_at,
    endedAt: row.ended_at,
  };
}

export function targetToRow(workspaceId: string, ticketId: string, t: TargetClockState): TicketTarget {
  return {
    workspace_id: workspaceId,
    ticket_id: ticketId,
    kind: t.kind,
    clock: t.clock,
    budget_ms: t.budgetMs,
    state: t.state,
    running_since: t.runningSince,
    used_ms: t.usedMs,
    due_at: t.dueAt,
    ended_at: t.endedAt,
  };
}
