import { sql, type SqlBool } from 'kysely';
import type {
  NewTicket,
  NewTicketMessage,
  Ticket,
  TicketMessage,
  TicketTarget,
} from '../experience.schema.ts';
import { chunks, type Executor } from './executor.ts';
import { decodeCursor, toPage, type Page, type PageOptions } from './page.ts';

/** A ticket as the inbox shows it: with its customer's name and contact. */
export type TicketListItem = Ticket & {
  customer_name: string | null;
  customer_phone: string | null;
  customer_email: string | null;
};

export interface TicketListOptions extends PageOptions {
  statuses?: readonly string[];
  priority?: string;
  /** Only tickets at these branches (a manager's); `all` for everyone else. */
  visibleBranches: readonly string[] | 'all';
  branchId?: string;
  /** A user id, or null for unassigned tickets. */
  assigneeId?: string | null;
  customerId?: string;
  /** Only tickets with a target in this state (missed, running). */
  targetState?: string;
  /** Part of the subject, or the ticket number. */
  search?: string;
}

type TicketChanges = Partial<
  Pick<
    Ticket,
    | 'subject'
    | 'branch_id'
    | 'assignee_id'
    | 'priority'
    | 'status'
    | 'category'
    | 'tags_json'
    | 'first_response_at'
    | 'resolved_at'
    | 'closed_at'
    | 'csat_score'
  >
> & { updated_at: number };

export class TicketRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewTicket): Promise<Ticket> {
    return this.db.insertInto('tickets').values(row).returningAll().executeTakeFirstOrThrow();
  }

  get(workspaceId: string, id: string): Promise<Ticket | undefined> {
    return this.db
      .selectFrom('tickets')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The newest open or pending ticket of a provider conversation, so its next message joins it. */
  openByConversation(workspaceId: string, conversationKey: string): Promise<Ticket | undefined> {
    return this.db
      .selectFrom('tickets')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('conversation_key', '=', conversationKey)
      .where('status', 'in', ['open', 'pending'])
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  update(workspaceId: string, id: string, changes: TicketChanges): Promise<Ticket | undefined> {
    return this.db
      .updateTable('tickets')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Most recently updated first. */
  async list(workspaceId: string, options: TicketListOptions): Promise<Page<TicketListItem>> {
    let query = this.db
      .selectFrom('tickets as t')
      .leftJoin('customers as c', (join) =>
        join.onRef('c.workspace_id', '=', 't.workspace_id').onRef('c.id', '=', 't.customer_id'),
      )
      .selectAll('t')
      .select(['c.name as customer_name', 'c.phone as customer_phone', 'c.email as customer_email'])
      .where('t.workspace_id', '=', workspaceId);
    const o = options;
    if (o.visibleBranches !== 'all') {
      if (o.visibleBranches.length === 0) return { items: [], nextCursor: null };
      query = query.where('t.branch_id', 'in', [...o.visibleBranches]);
    }
    if (o.statuses && o.statuses.length > 0) query = query.where('t.status', 'in', [...o.statuses]);
    if (o.priority !== undefined) query = query.where('t.priority', '=', o.priority);
    if (o.branchId !== undefined) query = query.where('t.branch_id', '=', o.branchId);
    if (o.assigneeId !== undefined) {
      query =
        o.assigneeId === null
          ? query.where('t.assignee_id', 'is', null)
          : query.where('t.assignee_id', '=', o.assigneeId);
    }
    if (o.customerId !== undefined) query = query.where('t.customer_id', '=', o.customerId);
    if (o.targetState !== undefined) {
      const state = o.targetState;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('ticket_targets as tt')
            .select('tt.kind')
            .whereRef('tt.ticket_id', '=', 't.id')
            .where('tt.state', '=', state),
        ),
      );
    }
    const term = o.search?.trim();
    if (term) {
      const number = /^#?(\d{1,9})$/.exec(term);
      const pattern = `%${term.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`;
      query = query.where((eb) =>
        eb.or([
          sql<SqlBool>`lower(t.subject) like ${pattern} escape '!'`,
          sql<SqlBool>`lower(c.name) like ${pattern} escape '!'`,
          ...(number ? [eb('t.number', '=', Number(number[1]))] : []),
        ]),
      );
    }
    if (o.cursor) {
      const after = decodeCursor(o.cursor, 'string');
      query = query.where((eb) => eb(eb.refTuple('t.updated_at', 't.id'), '<', eb.tuple(after.at, after.id)));
    }
    const rows = await query
      .orderBy('t.updated_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(o.limit + 1)
      .execute();
    return toPage(rows, o.limit, (row) => ({ at: row.updated_at, id: row.id }));
  }

  addMessage(row: NewTicketMessage): Promise<TicketMessage> {
    return this.db.insertInto('ticket_messages').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Oldest first, the way a conversation reads. */
  messages(workspaceId: string, ticketId: string): Promise<TicketMessage[]> {
    return this.db
      .selectFrom('ticket_messages')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('ticket_id', '=', ticketId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async putTarget(row: TicketTarget): Promise<void> {
    const { workspace_id: _w, ticket_id: _t, kind: _k, ...changes } = row;
    await this.db
      .insertInto('ticket_targets')
      .values(row)
      .onConflict((oc) => oc.columns(['ticket_id', 'kind']).doUpdateSet(changes))
      .execute();
  }

  /** The targets of these tickets. */
  async targets(workspaceId: string, ticketIds: readonly string[]): Promise<TicketTarget[]> {
    const rows: TicketTarget[] = [];
    for (const part of chunks([...new Set(ticketIds)])) {
      rows.push(
        ...(await this.db
          .selectFrom('ticket_targets')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('ticket_id', 'in', part)
          .orderBy('kind')
          .execute()),
      );
    }
    return rows;
  }

  /** Running targets whose due time has come, across workspaces, earliest first (the target job). */
  dueTargets(now: number, limit: number): Promise<TicketTarget[]> {
    return this.db
      .selectFrom('ticket_targets')
      .selectAll()
      .where('state', '=', 'running')
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(limit)
      .execute();
  }

  async recordDelivery(
    workspaceId: string,
    deliveryId: string,
    ticketId: string,
    now: number,
  ): Promise<void> {
    await this.db
      .insertInto('inbound_deliveries')
      .values({ workspace_id: workspaceId, delivery_id: deliveryId, ticket_id: ticketId, received_at: now })
      .execute();
  }

  async hasDelivery(workspaceId: string, deliveryId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('inbound_deliveries')
      .select('delivery_id')
      .where('workspace_id', '=', workspaceId)
      .where('delivery_id', '=', deliveryId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
