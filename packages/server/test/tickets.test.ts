import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerRepository, TicketRepository } from '@jejak/storage';
import { aMember } from './accounts.harness.ts';
import { HOUR, startTestApp, type ErrorBody, type TestApp } from './harness.ts';
import { SHOP_WEEK, eventNamesOf, journeyOf } from './support.harness.ts';

interface TicketView {
  id: string;
  number: number;
  customerId: string;
  status: string;
  targets: {
    kind: string;
    state: string;
    dueAt: number | null;
    endedAt: number | null;
    leftMs: number | null;
  }[];
}

let t: TestApp;
let branchId: string;
// Tuesday 2 June 2026, 15:00 WIB
const TUESDAY_3PM = Date.parse('2026-06-02T15:00:00+07:00');

beforeAll(async () => {
  t = await startTestApp();
  branchId = (await t.services.branches.create(t.workspace.id, { name: 'Outlet Kemang' })).id;
  const hours = await t.api('PUT', `/support/hours/*`, { week: SHOP_WEEK });
  expect(hours.statusCode, hours.body).toBe(200);
  t.setNow(TUESDAY_3PM);
});
afterAll(() => t.close());

async function openTicket(body: Record<string, unknown> = {}) {
  const response = await t.api('POST', '/tickets', {
    subject: 'Pesanan belum sampai',
    customer: { name: 'Siti Rahayu', phone: '0812-3456-7890' },
    channel: 'whatsapp',
    message: 'Halo, pesanan saya dari kemarin belum sampai.',
    branchId,
    priority: 'high',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TicketView>();
}

const target = (ticket: TicketView, kind: string) => ticket.targets.find((x) => x.kind === kind)!;

describe('tickets', () => {
  it('opens a ticket for a customer found or created by phone, and emits Ticket Opened', async () => {
    const ticket = await openTicket();
    expect(ticket.number).toBeGreaterThan(0);
    const customer = await new CustomerRepository(t.store.db).get(t.workspace.id, ticket.customerId);
    expect(customer).toMatchObject({ name: 'Siti Rahayu', phone: '+6281234567890' });
    expect(await eventNamesOf(t, ticket.customerId)).toEqual(['Identified', 'Ticket Opened']);
    // The same phone written another way is the same customer.
    const again = await openTicket({ customer: { phone: '+62 812 3456 7890' }, subject: 'Tanya menu' });
    expect(again.customerId).toBe(ticket.customerId);
    expect(again.number).toBe(ticket.number + 1);
  });

  it('starts targets in the branch’s business hours: 1 h for high priority at 15:00 is due at 16:00', async () => {
    const ticket = await openTicket();
    expect(target(ticket, 'first_response')).toMatchObject({
      state: 'running',
      dueAt: Date.parse('2026-06-02T16:00:00+07:00'),
      leftMs: HOUR,
    });
    // 8 business hours: 2 h on Tuesday, then 6 h on Wednesday with lunch skipped
    expect(target(ticket, 'resolution').dueAt).toBe(Date.parse('2026-06-03T15:00:00+07:00'));
  });

  it('meets the first-response target with the first reply, not with a note', async () => {
    const ticket = await openTicket();
    t.setNow(TUESDAY_3PM + 10 * 60_000);
    const note = await t.api('POST', `/tickets/${ticket.id}/messages`, {
      body: 'cek ke kurir',
      kind: 'note',
    });
    expect(note.statusCode).toBe(201);
    let detail = (await t.api('GET', `/tickets/${ticket.id}`)).json<{ ticket: TicketView }>();
    expect(target(detail.ticket, 'first_response').state).toBe('running');
    await t.api('POST', `/tickets/${ticket.id}/messages`, { body: 'Mohon maaf, kami cek sekarang.' });
    detail = (await t.api('GET', `/tickets/${ticket.id}`)).json<{ ticket: TicketView }>();
    expect(target(detail.ticket, 'first_response')).toMatchObject({
      state: 'met',
      endedAt: TUESDAY_3PM + 10 * 60_000,
    });
    t.setNow(TUESDAY_3PM);
  });

  it('turns a target missed when its due time passes, as a negative experience, even if nobody opens the ticket', async () => {
    const ticket = await openTicket({ customer: { phone: '081399990001', name: 'Andi' } });
    expect(await journeyOf(t, ticket.customerId)).toMatchObject({ negatives: 0, risk: 'none' });
    t.setNow(Date.parse('2026-06-02T15:59:59+07:00'));
    await t.services.tickets.missDueTargets();
    const before = (await t.api('GET', `/tickets/${ticket.id}`)).json<{ ticket: TicketView }>();
    expect(target(before.ticket, 'first_response').state).toBe('running');
    t.setNow(Date.parse('2026-06-02T16:30:00+07:00'));
    expect(await t.services.tickets.missDueTargets()).toBeGreaterThanOrEqual(1);
    const detail = (await t.api('GET', `/tickets/${ticket.id}`)).json<{ ticket: TicketView }>();
    expect(target(detail.ticket, 'first_response')).toMatchObject({
      state: 'missed',
      endedAt: Date.parse('2026-06-02T16:00:00+07:00'),
    });
    expect(await eventNamesOf(t, ticket.customerId)).toContain('Response Target Missed');
    expect(await journeyOf(t, ticket.customerId)).toMatchObject({ negatives: 1, risk: 'raised' });
    // Running the job again changes nothing and emits nothing twice.
    expect(await t.services.tickets.missDueTargets()).toBe(0);
    expect(
      (await eventNamesOf(t, ticket.customerId)).filter((n) => n === 'Response Target Missed'),
    ).toHaveLength(1);
    // A reply after the due time leaves it missed.
    await t.api('POST', `/tickets/${ticket.id}/messages`, { body: 'Maaf terlambat' });
    const after = (await t.api('GET', `/tickets/${ticket.id}`)).json<{ ticket: TicketView }>();
    expect(target(after.ticket, 'first_response').state).toBe('missed');
    t.setNow(TUESDAY_3PM);
  });

  it('counts a complaint as a negative experience', async () => {
    const ticket = await openTicket({ customer: { phone: '081399990002' }, category: 'complaint' });
    expect(await journeyOf(t, ticket.customerId)).toMatchObject({ negatives: 1 });
  });

  it('pauses the resolution target while pending and resolves with a CSAT link', async () => {
    const ticket = await openTicket({ customer: { phone: '081399990003' } });
    await t.api('POST', `/tickets/${ticket.id}/messages`, { body: 'Bisa kirim foto struknya?' });
    t.setNow(TUESDAY_3PM + HOUR);
    const pending = await t.api('PATCH' as 'POST', `/tickets/${ticket.id}`, { status: 'pending' });
    expect(pending.statusCode, pending.body).toBe(200);
    expect(target(pending.json<TicketView>(), 'resolution')).toMatchObject({
      state: 'paused',
      dueAt: null,
      leftMs: 7 * HOUR,
    });
    // A week later nothing is missed: the clock stood still.
    t.setNow(TUESDAY_3PM + 7 * 24 * HOUR);
    await t.services.tickets.missDueTargets();
    const open = await t.api('PATCH' as 'POST', `/tickets/${ticket.id}`, { status: 'open' });
    expect(target(open.json<TicketView>(), 'resolution').state).toBe('running');
    const resolved = await t.api('PATCH' as 'POST', `/tickets/${ticket.id}`, { status: 'resolved' });
    expect(target(resolved.json<TicketView>(), 'resolution').state).toBe('met');
    const detail = (await t.api('GET', `/tickets/${ticket.id}`)).json<{ csat: { path: string } | null }>();
    expect(detail.csat?.path).toMatch(/^\/s\/[\w-]{20,}$/);
    expect(await eventNamesOf(t, ticket.customerId)).toContain('Ticket Resolved');
    t.setNow(TUESDAY_3PM);
  });

  it('records the CSAT answer on the ticket, the agent and the branch; a 1 is a negative experience', async () => {
    const ticket = await openTicket({ customer: { phone: '081399990004' } });
    await t.api('PATCH' as 'POST', `/tickets/${ticket.id}`, { status: 'resolved' });
    const { csat } = (await t.api('GET', `/tickets/${ticket.id}`)).json<{ csat: { path: string } }>();
    const token = csat.path.slice(3);
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${token}/responses`,
      payload: { answers: { csat: 1, comment: 'Lama sekali' }, language: 'id' },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const stored = await new TicketRepository(t.store.db).get(t.workspace.id, ticket.id);
    expect(stored?.csat_score).toBe(1);
    const row = await t.store.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ branch_id: branchId, score: 1, comment: 'Lama sekali', via: 'personal' });
    expect(await journeyOf(t, ticket.customerId)).toMatchObject({ negatives: 1 });
  });

  it('refuses bad input with a message that names the field', async () => {
    const noContact = await t.api('POST', '/tickets', { subject: 'x', customer: {}, channel: 'phone' });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json<ErrorBody>().error.message).toMatch(/phone or an email/);
    const badPhone = await t.api('POST', '/tickets', {
      subject: 'x',
      customer: { phone: '12' },
      channel: 'phone',
    });
    expect(badPhone.json<ErrorBody>().error.message).toMatch(/customer.phone 12 is not a valid phone number/);
    const badBranch = await t.api('POST', '/tickets', {
      subject: 'x',
      customer: { phone: '081311112222' },
      channel: 'phone',
      branchId: 'nope',
    });
    expect(badBranch.json<ErrorBody>().error.message).toMatch(/Unknown branch id/);
    const badStatus = await t.api('GET', '/tickets?status=open,lost');
    expect(badStatus.statusCode).toBe(400);
    const badHours = await t.api('PUT', `/support/hours/*`, {
      week: { mon: { open: '17:00', close: '08:00' } },
    });
    expect(badHours.json<ErrorBody>().error.message).toMatch(/week.mon: opens at 17:00 but closes at 08:00/);
    // Nothing of the refused tickets was stored.
    expect((await t.api('GET', '/tickets?q=x')).json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it('lists the inbox with filters', async () => {
    const list = await t.api('GET', '/tickets?status=open,pending&target=missed');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: TicketView[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.targets.some((x) => x.state === 'missed'))).toBe(true);
  });

  it('assigns a ticket to someone who answers tickets at its branch, and filters the inbox by assignee', async () => {
    const ticket = await openTicket({ subject: 'Minta faktur' });
    const agent = await aMember(t, 'manager', { branchIds: [branchId] });
    const elsewhere = await aMember(t, 'manager', { branchIds: [] });
    const cashier = await aMember(t, 'cashier', { branchIds: [branchId] });
    const assign = (assigneeId: string | null) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/workspaces/${t.workspace.id}/tickets/${ticket.id}`,
        headers: { authorization: `Bearer ${t.adminKey}` },
        payload: { assigneeId },
      });
    const refusals: [string, string][] = [
      [cashier.id, 'who does not answer tickets'],
      [elsewhere.id, "does not work at this ticket's branch"],
      ['nobody', 'is not a member of this workspace'],
    ];
    for (const [id, message] of refusals) {
      const refused = await assign(id);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json<ErrorBody>().error.message).toContain(message);
    }
    const assigned = await assign(agent.id);
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json<{ assigneeId: string }>().assigneeId).toBe(agent.id);
    const mine = await t.api('GET', `/tickets?status=&assigneeId=${agent.id}`);
    expect(mine.json<{ items: TicketView[] }>().items.map((i) => i.id)).toEqual([ticket.id]);
    expect((await assign(null)).json<{ assigneeId: string | null }>().assigneeId).toBeNull();
    const unassigned = await t.api('GET', '/tickets?status=&assigneeId=none');
    expect(unassigned.json<{ items: TicketView[] }>().items.map((i) => i.id)).toContain(ticket.id);
  });

  it('counts holidays the owner enters', async () => {
    // Wednesday 3 June made a holiday: the 8-hour target from Tuesday 15:00 now ends Thursday 15:00.
    const holiday = await t.api('POST', '/support/holidays', { date: '2026-06-03', name: 'Cuti bersama' });
    expect(holiday.statusCode, holiday.body).toBe(201);
    const ticket = await openTicket({ customer: { phone: '081399990005' } });
    expect(target(ticket, 'resolution').dueAt).toBe(Date.parse('2026-06-04T15:00:00+07:00'));
    await t.api('DELETE', `/support/holidays/${holiday.json<{ id: string }>().id}`);
  });

  it('exports a customer’s tickets and answers, and erases what he wrote while the counts stay', async () => {
    const ticket = await openTicket({
      customer: { phone: '081399990009', name: 'Rina' },
      message: 'Nomor saya 0813-9999-0009',
    });
    await t.api('PATCH' as 'POST', `/tickets/${ticket.id}`, { status: 'resolved' });
    const { csat } = (await t.api('GET', `/tickets/${ticket.id}`)).json<{ csat: { path: string } }>();
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/surveys/${csat.path.slice(3)}/responses`,
      payload: { answers: { csat: 4, comment: 'Rina puas' } },
    });
    const exported = (await t.api('GET', `/customers/${ticket.customerId}/export`)).json<{
      tickets: unknown[];
      ticketMessages: { body: string }[];
      surveyResponses: { comment: string }[];
    }>();
    expect(exported.tickets).toHaveLength(1);
    expect(exported.ticketMessages.map((m) => m.body)).toEqual(['Nomor saya 0813-9999-0009']);
    expect(exported.surveyResponses.map((r) => r.comment)).toEqual(['Rina puas']);
    const erased = await t.api('POST', `/customers/${ticket.customerId}/erase`, {});
    expect(erased.json()).toMatchObject({ ticketMessages: 1, surveyAnswers: 1 });
    const after = await t.services.tickets.get(t.workspace.id, ticket.id);
    expect(after.messages).toEqual([]);
    expect(after.ticket.subject).toBe('—');
    const answer = await t.store.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(answer).toMatchObject({ customer_id: null, comment: null, score: 4 });
  });
});
