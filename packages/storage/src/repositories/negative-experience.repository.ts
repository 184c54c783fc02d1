import { chunks, type Executor } from './executor.ts';

export interface NegativeSignalRow {
  customer_id: string;
  cause: string;
  at: number;
  name: string;
  channel: string;
  branch_id: string | null;
  measure: string | null;
  score: number | null;
}

/**
 * Negative experiences (journey_signals with negative = 1: what the workspace's journey rules count as
 * one) and what is needed to say who served the customer: the order behind a refund, the ticket behind
 * a complaint, a missed target or a survey.
 */
export class NegativeExperienceRepository {
  constructor(private readonly db: Executor) {}

  signals(workspaceId: string, from: number, to: number): Promise<NegativeSignalRow[]> {
    return this.db
      .selectFrom('journey_signals')
      .select(['customer_id', 'cause', 'at', 'name', 'channel', 'branch_id', 'measure', 'score'])
      .where('workspace_id', '=', workspaceId)
      .where('negative', '=', 1)
      .where('at', '>=', from)
      .where('at', '<', to)
      .orderBy('at')
      .execute();
  }

  /** The order id and ticket id each of these events names (from its properties). */
  async references(
    workspaceId: string,
    messageIds: readonly string[],
  ): Promise<Map<string, { orderId: string | null; ticketId: string | null }>> {
    const out = new Map<string, { orderId: string | null; ticketId: string | null }>();
    for (const part of chunks([...new Set(messageIds)])) {
      const rows = await this.db
        .selectFrom('events')
        .select(['message_id', 'properties_json'])
        .where('workspace_id', '=', workspaceId)
        .where('message_id', 'in', part)
        .execute();
      for (const row of rows) {
        const p = JSON.parse(row.properties_json) as Record<string, unknown>;
        out.set(row.message_id, {
          orderId: typeof p.order_id === 'string' ? p.order_id : null,
          ticketId: typeof p.ticket_id === 'string' ? p.ticket_id : null,
        });
      }
    }
    return out;
  }

  async orderEmployees(workspaceId: string, orderIds: readonly string[]) {
    const out = new Map<string, { id: string | null; name: string }>();
    for (const part of chunks([...new Set(orderIds)])) {
      const rows = await this.db
        .selectFrom('orders')
        .select(['id', 'employee_id', 'employee_name'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, { id: r.employee_id, name: r.employee_name });
    }
    return out;
  }

  async ticketOwners(workspaceId: string, ticketIds: readonly string[]) {
    const out = new Map<string, { id: string; name: string }>();
    for (const part of chunks([...new Set(ticketIds)])) {
      const rows = await this.db
        .selectFrom('tickets as t')
        .innerJoin('users as u', 'u.id', 't.assignee_id')
        .select(['t.id', 'u.id as user_id', 'u.name'])
        .where('t.workspace_id', '=', workspaceId)
        .where('t.id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, { id: r.user_id, name: r.name });
    }
    return out;
  }

  async branchNames(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('branches')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async customerNames(workspaceId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db
        .selectFrom('customers')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, r.name);
    }
    return out;
  }
}
