import { normalizeEmail, normalizePhone, toMinorUnits, type IdentityKind } from '@jejak/core';
import {
  CustomerRepository,
  EventRepository,
  IdentityRepository,
  JourneyStateRepository,
  TransitionRepository,
  WorkspaceRepository,
  type CustomerListItem,
  type IdentityKeyRef,
  type Page,
  type Store,
} from '@jejak/storage';
import { notFound } from '../http/http-error.ts';
import { rowToState } from '../journey/journey-state.mapper.ts';
import { campaignOf, timelinePage, transitionEntry, type TimelinePage } from './customer-timeline.ts';
import type { CustomerDetail } from './customer.schemas.ts';

/** A customer in the list: the stored row with the worth of his orders in the workspace's minor unit. */
export type ListedCustomer = CustomerListItem & { value: number };

// A customer page shows his whole stage history; past this many moves, the timeline has the rest.
const HISTORY_LIMIT = 200;
// The first touchpoint is among a customer's first events (an identify may come before it).
const FIRST_EVENTS = 5;

export class CustomerService {
  constructor(private readonly store: Store) {}

  async list(
    workspaceId: string,
    options: { search?: string; stage?: string; status?: string; limit: number; cursor?: string },
  ): Promise<Page<ListedCustomer>> {
    const db = this.store.db;
    const searchKeys = options.search === undefined ? [] : keysMatching(options.search);
    const [page, currency] = await Promise.all([
      new CustomerRepository(db).list(workspaceId, { ...options, searchKeys }),
      this.currencyOf(workspaceId),
    ]);
    return {
      items: page.items.map((c) => ({
        ...c,
        value:
          c.state_json === null
            ? 0
            : toMinorUnits(rowToState({ state_json: c.state_json }).orderValue, currency),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** The customer page: profile, identity keys, journey position and its history, newest touchpoints. */
  async detail(workspaceId: string, customerId: string, timelineLimit = 100): Promise<CustomerDetail> {
    const db = this.store.db;
    const customer = await new CustomerRepository(db).get(workspaceId, customerId);
    if (!customer) throw notFound(`Customer ${customerId}`);
    const events = new EventRepository(db);
    const [keys, stateRow, history, first, timeline, currency] = await Promise.all([
      new IdentityRepository(db).listForCustomer(workspaceId, customerId),
      new JourneyStateRepository(db).get(workspaceId, customerId),
      new TransitionRepository(db).newestForCustomer(workspaceId, customerId, { limit: HISTORY_LIMIT }),
      events.firstForCustomer(workspaceId, customerId, FIRST_EVENTS),
      timelinePage(db, workspaceId, customerId, { limit: timelineLimit }),
      this.currencyOf(workspaceId),
    ]);
    const causes = await events.namesOf(
      workspaceId,
      history.map((t) => t.cause),
    );
    const state = stateRow ? rowToState(stateRow) : null;
    const firstTouch = first.find((e) => e.type === 'track' || e.type === 'page' || e.type === 'screen');
    return {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      traits: JSON.parse(customer.traits_json) as Record<string, unknown>,
      firstSeenAt: customer.first_seen_at,
      lastSeenAt: state?.lastSeenAt ?? customer.last_seen_at,
      mergedInto: customer.merged_into,
      value: state ? toMinorUnits(state.orderValue, currency) : 0,
      firstTouch: firstTouch
        ? {
            at: firstTouch.at,
            name: firstTouch.name,
            channel: firstTouch.channel,
            campaign: campaignOf(firstTouch.payload_json),
          }
        : null,
      identityKeys: keys.map((k) => ({ kind: k.kind as IdentityKind, value: k.value })),
      journey: state && {
        stage: state.stage,
        stageEnteredAt: state.stageEnteredAt,
        status: state.status,
        statusSince: state.statusSince,
        risk: state.risk,
        orderCount: state.orderCount,
        dueAt: state.dueAt,
      },
      transitions: history.map((t) => transitionEntry(t, causes)),
      timeline: timeline.items,
      timelineNextCursor: timeline.nextCursor,
    };
  }

  /** Older pages of the customer page's timeline. */
  async timeline(
    workspaceId: string,
    customerId: string,
    options: { limit: number; cursor?: string },
  ): Promise<TimelinePage> {
    const customer = await new CustomerRepository(this.store.db).get(workspaceId, customerId);
    if (!customer) throw notFound(`Customer ${customerId}`);
    return timelinePage(this.store.db, workspaceId, customerId, options);
  }

  private async currencyOf(workspaceId: string): Promise<string> {
    return (await new WorkspaceRepository(this.store.db).get(workspaceId))?.currency ?? 'IDR';
  }
}

/** The identity keys a search term can stand for, normalised as each kind is stored. */
function keysMatching(search: string): IdentityKeyRef[] {
  const keys: IdentityKeyRef[] = [];
  const email = normalizeEmail(search);
  if (email !== null) keys.push({ kind: 'email', value: email });
  // A bare word is no phone number; without this, a name search would parse digits out of nothing.
  const phone = /\d{6,}/.test(search.replace(/[\s().-]/g, '')) ? normalizePhone(search.trim()) : null;
  if (phone !== null) keys.push({ kind: 'phone', value: phone });
  return keys;
}
