import { randomUUID } from 'node:crypto';
import {
  TARGET_KINDS,
  isBranchScoped,
  isRole,
  roleCan,
  missIfDue,
  pauseTarget,
  resumeTarget,
  startTarget,
  stopTarget,
  timeLeft,
  type BusinessHours,
  type TargetClockState,
  type TicketPriority,
} from '@jejak/core';
import {
  BranchRepository,
  CustomerRepository,
  MembershipRepository,
  SupportSettingsRepository,
  SurveyRepository,
  TicketRepository,
  type Executor,
  type Page,
  type Store,
  type Ticket,
  type TicketListItem,
  type TicketListOptions,
  type TicketMessage,
} from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import type { SurveyService } from '../surveys/survey.service.ts';
import { messageIdsOf, resolveContact, type ContactInput } from './customer-contact.ts';
import { contactIdentified, responseTargetMissed, ticketOpened, ticketResolved } from './journey-events.ts';
import type { SupportSettingsService } from './support-settings.service.ts';
import { rowToTarget, targetToRow } from './ticket-target.mapper.ts';

export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** A complaint is a negative experience under the default journey rules. */
export const TICKET_CATEGORIES = ['question', 'complaint', 'request', 'other'] as const;
export const TICKET_CHANNELS = ['whatsapp', 'phone', 'email', 'chat', 'store', 'web'] as const;

export interface TicketInput {
  subject: string;
  customer: ContactInput;
  channel: (typeof TICKET_CHANNELS)[number];
  message?: string;
  branchId?: string | null;
  priority?: TicketPriority;
  category?: (typeof TICKET_CATEGORIES)[number];
  tags?: string[];
  assigneeId?: string | null;
  /** A provider's conversation id: later inbound messages with it join this ticket while it is open. */
  conversationKey?: string | null;
}

export interface TicketChanges {
  subject?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  category?: (typeof TICKET_CATEGORIES)[number];
  branchId?: string | null;
  assigneeId?: string | null;
  tags?: string[];
}

/** Who wrote: a person (user id) or a key or a provider (null id), with the name shown beside it. */
export interface Author {
  id: string | null;
  label: string;
}

/** Where a caller may look: a manager's branches, or everything. */
export type Visibility = readonly string[] | 'all';

export interface TargetView extends TargetClockState {
  /** Counted time left (negative once overdue), null once met or missed. */
  leftMs: number | null;
}

export interface TicketDetail {
  ticket: Ticket;
  customer: { id: string; name: string | null; phone: string | null; email: string | null };
  messages: TicketMessage[];
  targets: TargetView[];
  csat: { token: string; answeredAt: number | null } | null;
}

/**
 * Support tickets: opened from the dashboard, the API or an inbound webhook, answered, moved through
 * open, pending, resolved and closed, with response targets that run in the branch's business hours.
 * Every fact the journey cares about (opened, resolved, a target missed) is emitted as an event in the
 * same transaction as the ticket write.
 */
export class TicketService {
  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly settings: SupportSettingsService,
    private readonly surveys: SurveyService,
    private readonly now: () => number,
  ) {}

  async create(
    workspaceId: string,
    input: TicketInput,
    author: Author,
    visible: Visibility = 'all',
  ): Promise<Ticket> {
    const subject = input.subject.trim();
    if (subject === '') throw badRequest('subject must not be empty');
    const branchId = input.branchId ?? null;
    if (visible !== 'all' && (branchId === null || !visible.includes(branchId))) {
      throw badRequest('branchId must be one of your branches');
    }
    return this.ingest.transact((trx) =>
      this.createIn(trx, workspaceId, { ...input, subject, branchId }, author),
    );
  }

  /** `create` inside the caller's transaction (the inbound webhook records its delivery beside it). */
  async createIn(trx: Executor, workspaceId: string, input: TicketInput, author: Author): Promise<Ticket> {
    const id = randomUUID();
    const at = this.now();
    const branchId = input.branchId ?? null;
    if (branchId !== null && !(await new BranchRepository(trx).get(workspaceId, branchId))) {
      throw badRequest(`Unknown branch id: ${branchId}`);
    }
    await this.checkAssignee(trx, workspaceId, input.assigneeId ?? null, branchId);
    const contact = await resolveContact(trx, workspaceId, input.customer, `ticket-${id}`);
    let customerId = contact.customerId;
    if (contact.traits) {
      const landed = await this.ingest.emit(trx, workspaceId, [
        contactIdentified(contact.ids, id, at, contact.traits),
      ]);
      customerId ??= landed.get(`contact-${id}`) ?? null;
    }
    if (customerId === null) throw new Error('the contact identify call stored no customer');
    await this.settings.settings(trx, workspaceId);
    const priority = input.priority ?? 'normal';
    const tickets = new TicketRepository(trx);
    const ticket = await tickets.create({
      id,
      workspace_id: workspaceId,
      number: await new SupportSettingsRepository(trx).takeTicketNumber(workspaceId),
      subject: input.subject.trim(),
      customer_id: customerId,
      branch_id: branchId,
      assignee_id: input.assigneeId ?? null,
      priority,
      status: 'open',
      category: input.category ?? 'question',
      channel: input.channel,
      tags_json: JSON.stringify(cleanTags(input.tags ?? [])),
      conversation_key: input.conversationKey ?? null,
      created_at: at,
      updated_at: at,
      first_response_at: null,
      resolved_at: null,
      closed_at: null,
      csat_score: null,
    });
    if (input.message?.trim()) {
      // The first message is the customer's words, whoever typed the ticket in.
      const { name, phone, email } = input.customer;
      const from = { id: null, label: name?.trim() || phone || email || author.label };
      await this.addMessage(trx, ticket, 'customer', input.message, from, at);
    }
    const policies = (await this.settings.targets(workspaceId, trx))[priority];
    const hours = await this.settings.calendarFor(trx, workspaceId, branchId);
    for (const kind of TARGET_KINDS) {
      const policy = policies?.[kind];
      if (policy) await tickets.putTarget(targetToRow(workspaceId, id, startTarget(kind, policy, hours, at)));
    }
    await this.ingest.emit(trx, workspaceId, [
      ticketOpened(await messageIdsOf(trx, workspaceId, customerId), ticket),
    ]);
    return ticket;
  }

  list(workspaceId: string, options: TicketListOptions): Promise<Page<TicketListItem>> {
    return new TicketRepository(this.store.db).list(workspaceId, options);
  }

  /** The targets of listed tickets, each with the time it has left, by ticket id. */
  async targetsOf(workspaceId: string, tickets: readonly Ticket[]): Promise<Map<string, TargetView[]>> {
    const rows = await new TicketRepository(this.store.db).targets(
      workspaceId,
      tickets.map((t) => t.id),
    );
    const branchOf = new Map(tickets.map((t) => [t.id, t.branch_id]));
    const calendars = new Map<string | null, BusinessHours | null>();
    const out = new Map<string, TargetView[]>();
    const now = this.now();
    for (const row of rows) {
      const branchId = branchOf.get(row.ticket_id) ?? null;
      if (!calendars.has(branchId))
        calendars.set(branchId, await this.settings.calendarFor(this.store.db, workspaceId, branchId));
      const target = rowToTarget(row);
      const list = out.get(row.ticket_id) ?? [];
      list.push({ ...target, leftMs: timeLeft(target, calendars.get(branchId) ?? null, now) });
      out.set(row.ticket_id, list);
    }
    return out;
  }

  async get(workspaceId: string, id: string, visible: Visibility = 'all'): Promise<TicketDetail> {
    const ticket = await this.find(this.store.db, workspaceId, id, visible);
    const customer = await new CustomerRepository(this.store.db).get(workspaceId, ticket.customer_id);
    const links = await new SurveyRepository(this.store.db).linksOfTicket(workspaceId, id);
    const link = links[0];
    return {
      ticket,
      customer: {
        id: ticket.customer_id,
        name: customer?.name ?? null,
        phone: customer?.phone ?? null,
        email: customer?.email ?? null,
      },
      messages: await new TicketRepository(this.store.db).messages(workspaceId, id),
      targets: (await this.targetsOf(workspaceId, [ticket])).get(id) ?? [],
      csat: link ? { token: link.token, answeredAt: link.answered_at } : null,
    };
  }

  /** A reply to the customer (the first one meets the first-response target) or an internal note. */
  async addReply(
    workspaceId: string,
    id: string,
    input: { body: string; kind: 'reply' | 'note' },
    author: Author,
    visible: Visibility = 'all',
  ): Promise<TicketMessage> {
    if (input.body.trim() === '') throw badRequest('body must not be empty');
    return this.ingest.transact(async (trx) => {
      const ticket = await this.find(trx, workspaceId, id, visible);
      const at = this.now();
      const message = await this.addMessage(trx, ticket, input.kind, input.body, author, at);
      if (input.kind === 'reply' && ticket.first_response_at === null) {
        const updated = await new TicketRepository(trx).update(workspaceId, id, {
          first_response_at: at,
          updated_at: at,
        });
        await this.moveTargets(trx, updated ?? ticket, at, (t) =>
          t.kind === 'first_response' ? stopTarget(t, at) : t,
        );
      } else {
        await new TicketRepository(trx).update(workspaceId, id, { updated_at: at });
      }
      return message;
    });
  }

  /** A message from the customer on an open ticket: a pending ticket is open again and its clock resumes. */
  async addCustomerMessage(trx: Executor, ticket: Ticket, body: string, author: Author): Promise<void> {
    const at = this.now();
    await this.addMessage(trx, ticket, 'customer', body, author, at);
    if (ticket.status === 'pending') {
      await this.changeStatus(trx, ticket, 'open', at);
    } else {
      await new TicketRepository(trx).update(ticket.workspace_id, ticket.id, { updated_at: at });
    }
  }

  async update(
    workspaceId: string,
    id: string,
    changes: TicketChanges,
    visible: Visibility = 'all',
  ): Promise<Ticket> {
    return this.ingest.transact(async (trx) => {
      let ticket = await this.find(trx, workspaceId, id, visible);
      const at = this.now();
      if (changes.branchId !== undefined && changes.branchId !== null) {
        if (visible !== 'all' && !visible.includes(changes.branchId))
          throw badRequest('branchId must be one of your branches');
        if (!(await new BranchRepository(trx).get(workspaceId, changes.branchId))) {
          throw badRequest(`Unknown branch id: ${changes.branchId}`);
        }
      }
      if (changes.branchId === null && visible !== 'all')
        throw badRequest('branchId must be one of your branches');
      const assigneeId = changes.assigneeId !== undefined ? changes.assigneeId : ticket.assignee_id;
      if (changes.assigneeId !== undefined || changes.branchId !== undefined) {
        const branchId = changes.branchId !== undefined ? changes.branchId : ticket.branch_id;
        await this.checkAssignee(trx, workspaceId, assigneeId, branchId);
      }
      const subject = changes.subject?.trim();
      if (subject === '') throw badRequest('subject must not be empty');
      const updated = await new TicketRepository(trx).update(workspaceId, id, {
        ...(subject !== undefined ? { subject } : {}),
        ...(changes.priority !== undefined ? { priority: changes.priority } : {}),
        ...(changes.category !== undefined ? { category: changes.category } : {}),
        ...(changes.branchId !== undefined ? { branch_id: changes.branchId } : {}),
        ...(changes.assigneeId !== undefined ? { assignee_id: changes.assigneeId } : {}),
        ...(changes.tags !== undefined ? { tags_json: JSON.stringify(cleanTags(changes.tags)) } : {}),
        updated_at: at,
      });
      ticket = updated ?? ticket;
      if (changes.status !== undefined && changes.status !== ticket.status) {
        ticket = await this.changeStatus(trx, ticket, changes.status, at);
      }
      return ticket;
    });
  }

  /**
   * The clock job's work: running targets whose due time has passed become missed, and each miss is
   * emitted as `Response Target Missed` at its due time, so it weighs on the customer's journey even if
   * nobody opens the ticket. Returns how many targets were missed.
   */
  async missDueTargets(limit = 200): Promise<number> {
    const now = this.now();
    const due = await new TicketRepository(this.store.db).dueTargets(now, limit);
    for (const row of due) {
      await this.ingest.transact(async (trx) => {
        const ticket = await new TicketRepository(trx).get(row.workspace_id, row.ticket_id);
        if (ticket)
          await this.moveTargets(trx, ticket, now, (t) => (t.kind === row.kind ? missIfDue(t, now) : t));
      });
    }
    return due.length;
  }

  private async changeStatus(
    trx: Executor,
    ticket: Ticket,
    status: TicketStatus,
    at: number,
  ): Promise<Ticket> {
    const tickets = new TicketRepository(trx);
    const hours = await this.settings.calendarFor(trx, ticket.workspace_id, ticket.branch_id);
    const ending = status === 'resolved' || status === 'closed';
    const wasEnded = ticket.status === 'resolved' || ticket.status === 'closed';
    const updated =
      (await tickets.update(ticket.workspace_id, ticket.id, {
        status,
        updated_at: at,
        ...(status === 'resolved' ? { resolved_at: at } : {}),
        ...(status === 'closed' ? { closed_at: at, resolved_at: ticket.resolved_at ?? at } : {}),
        ...(status === 'open' || status === 'pending' ? { resolved_at: null, closed_at: null } : {}),
      })) ?? ticket;
    await this.moveTargets(trx, updated, at, (t) => {
      if (ending) return stopTarget(t, at);
      if (status === 'pending' && t.kind === 'resolution') return pauseTarget(t, hours, at);
      if (status === 'open' && t.kind === 'resolution') return resumeTarget(t, hours, at);
      return t;
    });
    if (ending && !wasEnded) {
      const ids = await messageIdsOf(trx, ticket.workspace_id, ticket.customer_id);
      await this.ingest.emit(trx, ticket.workspace_id, [ticketResolved(ids, updated, at)]);
      const answered = (await new SurveyRepository(trx).linksOfTicket(ticket.workspace_id, ticket.id)).some(
        (l) => l.answered_at !== null,
      );
      if (status === 'resolved' && !answered) {
        await this.surveys.ticketCsatLink(trx, ticket.workspace_id, ticket.customer_id, ticket.id);
      }
    }
    return updated;
  }

  /** Moves each target of a ticket with `step`, stores what changed, and emits a miss once. */
  private async moveTargets(
    trx: Executor,
    ticket: Ticket,
    at: number,
    step: (t: TargetClockState) => TargetClockState,
  ): Promise<void> {
    const tickets = new TicketRepository(trx);
    const missed: TargetClockState[] = [];
    for (const row of await tickets.targets(ticket.workspace_id, [ticket.id])) {
      const before = rowToTarget(row);
      const after = step(missIfDue(before, at));
      if (JSON.stringify(after) === JSON.stringify(before)) continue;
      await tickets.putTarget(targetToRow(ticket.workspace_id, ticket.id, after));
      if (after.state === 'missed' && before.state !== 'missed') missed.push(after);
    }
    if (missed.length === 0) return;
    const ids = await messageIdsOf(trx, ticket.workspace_id, ticket.customer_id);
    await this.ingest.emit(
      trx,
      ticket.workspace_id,
      missed.map((t) => responseTargetMissed(ids, ticket, t.kind, t.endedAt ?? at)),
    );
  }

  private addMessage(
    trx: Executor,
    ticket: Ticket,
    kind: 'customer' | 'reply' | 'note',
    body: string,
    author: Author,
    at: number,
  ) {
    return new TicketRepository(trx).addMessage({
      id: randomUUID(),
      workspace_id: ticket.workspace_id,
      ticket_id: ticket.id,
      kind,
      author_id: author.id,
      author_label: author.label,
      body: body.trim(),
      created_at: at,
    });
  }

  private async find(db: Executor, workspaceId: string, id: string, visible: Visibility): Promise<Ticket> {
    const ticket = await new TicketRepository(db).get(workspaceId, id);
    // Another branch's ticket is answered as missing, like another workspace's.
    if (
      !ticket ||
      (visible !== 'all' && (ticket.branch_id === null || !visible.includes(ticket.branch_id)))
    ) {
      throw notFound(`Ticket ${id}`);
    }
    return ticket;
  }

  /**
   * The assignee must be able to answer the ticket: a member whose role writes tickets and, for a
   * manager, one who works at the ticket's branch (another branch's ticket is hidden from him).
   */
  private async checkAssignee(
    db: Executor,
    workspaceId: string,
    userId: string | null,
    branchId: string | null,
  ): Promise<void> {
    if (userId === null) return;
    const member = await new MembershipRepository(db).get(workspaceId, userId);
    if (!member) throw badRequest(`assigneeId ${userId} is not a member of this workspace`);
    if (!isRole(member.role) || !roleCan(member.role, 'tickets.write'))
      throw badRequest(`assigneeId ${userId} is a ${member.role}, who does not answer tickets`);
    if (isBranchScoped(member.role)) {
      const branches = JSON.parse(member.branch_ids_json) as string[];
      if (branchId === null || !branches.includes(branchId))
        throw badRequest(`assigneeId ${userId} does not work at this ticket's branch`);
    }
  }
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))].slice(0, 20);
}
