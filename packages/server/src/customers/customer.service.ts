import type { IdentityKind } from '@jejak/core';
import {
  CustomerRepository,
  EventRepository,
  IdentityRepository,
  JourneyStateRepository,
  TransitionRepository,
  type Store,
} from '@jejak/storage';
import { notFound } from '../http/http-error.ts';
import { rowToState } from '../journey/journey-state.mapper.ts';
import type { CustomerDetail, TimelineEntry } from './customer.schemas.ts';

export class CustomerService {
  constructor(private readonly store: Store) {}

  list(
    workspaceId: string,
    options: { search?: string; stage?: string; status?: string; limit: number; cursor?: string },
  ) {
    return new CustomerRepository(this.store.db).list(workspaceId, options);
  }

  /** The customer page: profile, identity keys, journey position and its history, newest touchpoints. */
  async detail(workspaceId: string, customerId: string, timelineLimit = 100): Promise<CustomerDetail> {
    const db = this.store.db;
    const customer = await new CustomerRepository(db).get(workspaceId, customerId);
    if (!customer) throw notFound(`Customer ${customerId}`);
    const [keys, stateRow, transitions, events] = await Promise.all([
      new IdentityRepository(db).listForCustomer(workspaceId, customerId),
      new JourneyStateRepository(db).get(workspaceId, customerId),
      new TransitionRepository(db).listForCustomer(workspaceId, customerId),
      new EventRepository(db).listForCustomer(workspaceId, customerId, { limit: timelineLimit }),
    ]);
    const state = stateRow ? rowToState(stateRow) : null;
    const timeline: TimelineEntry[] = [
      ...events.map((e): TimelineEntry => ({
        kind: 'event',
        at: e.at,
        messageId: e.message_id,
        type: e.type,
        name: e.name,
        channel: e.channel,
        properties: JSON.parse(e.properties_json) as Record<string, unknown>,
      })),
      ...transitions.map((t): TimelineEntry => ({
        kind: 'transition',
        at: t.at,
        transition: t.kind,
        from: t.from_value,
        to: t.to_value,
        cause: t.cause,
      })),
    ].sort((a, b) => b.at - a.at);
    return {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      traits: JSON.parse(customer.traits_json) as Record<string, unknown>,
      firstSeenAt: customer.first_seen_at,
      lastSeenAt: state?.lastSeenAt ?? customer.last_seen_at,
      mergedInto: customer.merged_into,
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
      timeline,
    };
  }
}
