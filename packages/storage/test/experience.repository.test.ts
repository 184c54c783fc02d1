import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BranchRepository,
  BusinessHoursRepository,
  CustomerRepository,
  SupportSettingsRepository,
  SurveyRepository,
  TicketRepository,
  WHOLE_BUSINESS,
  WorkspaceRepository,
  writeTransaction,
  type NewTicket,
  type Store,
} from '../src/index.ts';
import { aCustomer, aWorkspace, MINUTE, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

let store: Store;
let ws: string;
let branch: string;
let customer: string;

beforeAll(async () => {
  store = await openTestStore();
  ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  branch = (
    await new BranchRepository(store.db).create({
      id: randomUUID(),
      workspace_id: ws,
      name: 'Outlet Kemang',
      address: null,
      timezone: 'Asia/Jakarta',
      currency: 'IDR',
      created_at: T0,
    })
  ).id;
  customer = (
    await new CustomerRepository(store.db).create(aCustomer({ workspace_id: ws, name: 'Budi Santoso' }))
  ).id;
  await new SupportSettingsRepository(store.db).ensure(ws, '{}', T0);
});
afterAll(() => store.close());

function aTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    id: randomUUID(),
    workspace_id: ws,
    number: Math.floor(Math.random() * 1e9),
    subject: 'Pesanan belum sampai',
    customer_id: customer,
    branch_id: branch,
    assignee_id: null,
    priority: 'normal',
    status: 'open',
    category: 'question',
    channel: 'whatsapp',
    tags_json: '[]',
    conversation_key: null,
    created_at: T0,
    updated_at: T0,
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    csat_score: null,
    ...overrides,
  };
}

describe('SupportSettingsRepository', () => {
  it('hands out each ticket number once, also to concurrent transactions', async () => {
    const settings = new SupportSettingsRepository(store.db);
    const taken = await Promise.all(
      Array.from({ length: 8 }, () =>
        writeTransaction(store, (trx) => new SupportSettingsRepository(trx).takeTicketNumber(ws)),
      ),
    );
    expect(new Set(taken).size).toBe(8);
    expect((await settings.get(ws))!.next_ticket_number).toBe(Math.max(...taken) + 1);
  });

  it('keeps the first settings when ensured again', async () => {
    const settings = new SupportSettingsRepository(store.db);
    await settings.update(ws, { targets_json: '{"x":1}', updated_at: T0 + 1 });
    expect((await settings.ensure(ws, '{}', T0 + 2)).targets_json).toBe('{"x":1}');
  });
});

describe('BusinessHoursRepository', () => {
  it('finds a branch’s own hours, else the whole business’s', async () => {
    const hours = new BusinessHoursRepository(store.db);
    await hours.putHours(ws, WHOLE_BUSINESS, '{"mon":{"open":"08:00","close":"17:00"}}', T0);
    expect((await hours.hoursFor(ws, branch))!.branch_id).toBe(WHOLE_BUSINESS);
    await hours.putHours(ws, branch, '{"sat":{"open":"09:00","close":"13:00"}}', T0);
    await hours.putHours(ws, branch, '{"sun":{"open":"09:00","close":"13:00"}}', T0 + 1);
    expect((await hours.hoursFor(ws, branch))!.week_json).toContain('sun');
    expect((await hours.hoursFor(ws, null))!.branch_id).toBe(WHOLE_BUSINESS);
    expect(await hours.hoursFor(randomUUID(), branch)).toBeUndefined();
  });

  it('lists holidays of every branch and of one branch, in date order', async () => {
    const hours = new BusinessHoursRepository(store.db);
    const add = (date: string, branchId: string | null, name: string) =>
      hours.addHoliday({
        id: randomUUID(),
        workspace_id: ws,
        branch_id: branchId,
        date,
        name,
        created_at: T0,
      });
    await add('2026-08-17', null, 'Hari Kemerdekaan');
    await add('2026-06-01', null, 'Hari Lahir Pancasila');
    const own = await add('2026-07-01', branch, 'Renovasi outlet');
    expect((await hours.listHolidays(ws, { branchId: branch })).map((h) => h.date)).toEqual([
      '2026-06-01',
      '2026-07-01',
      '2026-08-17',
    ]);
    expect((await hours.listHolidays(ws, { branchId: null })).map((h) => h.date)).toEqual([
      '2026-06-01',
      '2026-08-17',
    ]);
    expect(await hours.deleteHoliday(randomUUID(), own.id)).toBe(false);
    expect(await hours.deleteHoliday(ws, own.id)).toBe(true);
  });
});

describe('TicketRepository', () => {
  it('lists tickets newest first with filters and pages', async () => {
    const tickets = new TicketRepository(store.db);
    const other = await tickets.create(
      aTicket({ subject: 'Kopi tumpah', status: 'resolved', updated_at: T0 + 3 * MINUTE, number: 901 }),
    );
    const late = await tickets.create(
      aTicket({ priority: 'urgent', updated_at: T0 + 2 * MINUTE, branch_id: null }),
    );
    const early = await tickets.create(aTicket({ updated_at: T0 + MINUTE, assignee_id: 'user-1' }));
    const all = await tickets.list(ws, { limit: 2, visibleBranches: 'all' });
    expect(all.items.map((t) => t.id)).toEqual([other.id, late.id]);
    expect(all.items[0]!.customer_name).toBe('Budi Santoso');
    const next = await tickets.list(ws, { limit: 2, visibleBranches: 'all', cursor: all.nextCursor! });
    expect(next.items.map((t) => t.id)).toContain(early.id);
    const open = await tickets.list(ws, { limit: 50, visibleBranches: 'all', statuses: ['open'] });
    expect(open.items.map((t) => t.id)).not.toContain(other.id);
    expect(
      (await tickets.list(ws, { limit: 50, visibleBranches: [branch] })).items.map((t) => t.id),
    ).not.toContain(late.id);
    expect((await tickets.list(ws, { limit: 50, visibleBranches: [] })).items).toEqual([]);
    expect(
      (await tickets.list(ws, { limit: 50, visibleBranches: 'all', assigneeId: 'user-1' })).items.map(
        (t) => t.id,
      ),
    ).toEqual([early.id]);
    expect(
      (await tickets.list(ws, { limit: 50, visibleBranches: 'all', search: 'TUMPAH' })).items.map(
        (t) => t.id,
      ),
    ).toEqual([other.id]);
    expect(
      (await tickets.list(ws, { limit: 50, visibleBranches: 'all', search: '#901' })).items.map((t) => t.id),
    ).toEqual([other.id]);
    expect((await tickets.list(randomUUID(), { limit: 50, visibleBranches: 'all' })).items).toEqual([]);
  });

  it('keeps messages in order and targets per kind, and finds due targets', async () => {
    const tickets = new TicketRepository(store.db);
    const ticket = await tickets.create(aTicket());
    for (const [i, kind] of (['customer', 'reply', 'note'] as const).entries()) {
      await tickets.addMessage({
        id: randomUUID(),
        workspace_id: ws,
        ticket_id: ticket.id,
        kind,
        author_id: null,
        author_label: 'x',
        body: `pesan ${i}`,
        created_at: T0 + i,
      });
    }
    expect((await tickets.messages(ws, ticket.id)).map((m) => m.kind)).toEqual(['customer', 'reply', 'note']);
    const target = {
      workspace_id: ws,
      ticket_id: ticket.id,
      kind: 'first_response',
      clock: 'business',
      budget_ms: 60 * MINUTE,
      state: 'running',
      running_since: T0,
      used_ms: 0,
      due_at: T0 + 60 * MINUTE,
      ended_at: null,
    };
    await tickets.putTarget(target);
    expect((await tickets.dueTargets(T0 + 59 * MINUTE, 10)).map((t) => t.ticket_id)).not.toContain(ticket.id);
    expect((await tickets.dueTargets(T0 + 60 * MINUTE, 10)).map((t) => t.ticket_id)).toContain(ticket.id);
    await tickets.putTarget({ ...target, state: 'missed', due_at: null, ended_at: T0 + 60 * MINUTE });
    expect(await tickets.targets(ws, [ticket.id])).toEqual([expect.objectContaining({ state: 'missed' })]);
    expect(
      (await tickets.list(ws, { limit: 50, visibleBranches: 'all', targetState: 'missed' })).items.map(
        (t) => t.id,
      ),
    ).toEqual([ticket.id]);
  });

  it('finds the open ticket of a conversation and remembers deliveries', async () => {
    const tickets = new TicketRepository(store.db);
    await tickets.create(aTicket({ conversation_key: 'wa:628123', status: 'closed', created_at: T0 + 5 }));
    const open = await tickets.create(aTicket({ conversation_key: 'wa:628123', status: 'pending' }));
    expect((await tickets.openByConversation(ws, 'wa:628123'))!.id).toBe(open.id);
    await tickets.recordDelivery(ws, 'd-1', open.id, T0);
    expect(await tickets.hasDelivery(ws, 'd-1')).toBe(true);
    await expect(tickets.recordDelivery(ws, 'd-1', open.id, T0)).rejects.toThrow();
  });
});

describe('SurveyRepository', () => {
  async function aSurvey() {
    return new SurveyRepository(store.db).create({
      id: randomUUID(),
      workspace_id: ws,
      name: 'NPS kuartal',
      kind: 'nps',
      status: 'active',
      questions_json: '[]',
      intro_json: null,
      general_token: randomUUID(),
      purpose: null,
      created_at: T0,
      updated_at: T0,
    });
  }

  it('lets exactly one of two racing answers through a personal link mark it answered', async () => {
    const surveys = new SurveyRepository(store.db);
    const survey = await aSurvey();
    const link = await surveys.createLink({
      token: randomUUID(),
      workspace_id: ws,
      survey_id: survey.id,
      customer_id: customer,
      ticket_id: null,
      created_at: T0,
      viewed_at: null,
      answered_at: null,
    });
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        writeTransaction(store, (trx) => new SurveyRepository(trx).markAnswered(link.token, T0 + i)),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('refuses a second stored answer for one link', async () => {
    const surveys = new SurveyRepository(store.db);
    const survey = await aSurvey();
    const response = {
      workspace_id: ws,
      survey_id: survey.id,
      link_token: 'tok-unique',
      customer_id: customer,
      via: 'personal',
      score: 9,
      answers_json: '{}',
      comment: null,
      language: 'id',
      ticket_id: null,
      branch_id: null,
      agent_id: null,
      submitted_at: T0,
    };
    await surveys.addResponse({ id: randomUUID(), ...response });
    await expect(surveys.addResponse({ id: randomUUID(), ...response })).rejects.toThrow();
    // General answers carry no link and are never refused as repeats.
    await surveys.addResponse({ id: randomUUID(), ...response, link_token: null, via: 'qr' });
    await surveys.addResponse({
      id: randomUUID(),
      ...response,
      link_token: null,
      via: 'qr',
      comment: 'mantap',
    });
    expect(await surveys.reach(ws, survey.id)).toMatchObject({
      responses: [
        { via: 'personal', count: 1 },
        { via: 'qr', count: 2 },
      ],
    });
    const comments = await surveys.comments(ws, survey.id, { limit: 10 });
    expect(comments.items.map((c) => c.comment)).toEqual(['mantap']);
  });

  it('counts links sent and viewed and general views by way in', async () => {
    const surveys = new SurveyRepository(store.db);
    const survey = await aSurvey();
    for (const i of [1, 2, 3]) {
      await surveys.createLink({
        token: `t-${survey.id}-${i}`,
        workspace_id: ws,
        survey_id: survey.id,
        customer_id: customer,
        ticket_id: null,
        created_at: T0,
        viewed_at: null,
        answered_at: null,
      });
    }
    await surveys.markViewed(`t-${survey.id}-1`, T0 + 1);
    await surveys.markViewed(`t-${survey.id}-1`, T0 + 2);
    await surveys.addView(ws, survey.id, 'qr', T0);
    await surveys.addView(ws, survey.id, 'qr', T0);
    await surveys.addView(ws, survey.id, 'general', T0);
    expect(await surveys.reach(ws, survey.id)).toEqual({
      linksSent: 3,
      linksViewed: 1,
      views: [
        { via: 'general', count: 1 },
        { via: 'qr', count: 2 },
      ],
      responses: [],
    });
    expect((await surveys.link(`t-${survey.id}-1`))!.viewed_at).toBe(T0 + 1);
    expect((await surveys.byGeneralToken(survey.general_token))!.id).toBe(survey.id);
    expect(await surveys.get(randomUUID(), survey.id)).toBeUndefined();
  });
});
