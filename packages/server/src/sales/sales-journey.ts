import type { Channel, EventType, JourneyEvent } from '@jejak/core';
import { sql } from 'kysely';
import { EventRepository, IdentityRepository, type Executor, type StoreDialect } from '@jejak/storage';
import type { JourneyService } from '../journey/journey.service.ts';

export interface CounterEvent {
  workspaceId: string;
  customerId: string;
  /** Derived from what happened (`order-completed:<order id>`), so the same fact is never stored twice. */
  messageId: string;
  type: EventType;
  name: string;
  at: number;
  properties: Record<string, unknown>;
  traits?: Record<string, unknown>;
  /** The channel the event is counted under; the counter's `store` unless said (a referral says `referral`). */
  channel?: Channel;
}

const STORE: Channel = 'store';

/**
 * The sales module's one door into the journey (DESIGN §3: modules emit events, never write journey
 * state). The event is stored like an ingested one and applied to the customer's journey by the same
 * JourneyService, inside the caller's transaction: the order and the journey move commit together,
 * and a rebuild replays the event like any other.
 */
export class SalesJourney {
  constructor(
    private readonly journey: JourneyService,
    private readonly dialect: StoreDialect,
    private readonly now: () => number,
  ) {}

  async emit(db: Executor, event: CounterEvent): Promise<void> {
    // Two tills selling to one customer at once would each read the journey before the other wrote it;
    // on PostgreSQL the customer's row is locked so the second waits. SQLite has one writer already.
    if (this.dialect === 'postgres') {
      await sql`select 1 from customers where workspace_id = ${event.workspaceId} and id = ${event.customerId} for update`.execute(
        db,
      );
    }
    const keys = await new IdentityRepository(db).listForCustomer(event.workspaceId, event.customerId);
    const key = keys.find((k) => k.kind === 'phone') ?? keys[0];
    const stored = await new EventRepository(db).insert({
      workspace_id: event.workspaceId,
      message_id: event.messageId,
      customer_id: event.customerId,
      type: event.type,
      name: event.name,
      channel: event.channel ?? STORE,
      at: event.at,
      received_at: this.now(),
      identity_key: key ? `${key.kind}:${key.value}` : `customer:${event.customerId}`,
      properties_json: JSON.stringify(event.properties),
      payload_json: JSON.stringify({
        traits: event.traits ?? {},
        context: { channel: event.channel ?? STORE, library: { name: 'jejak-counter' } },
      }),
    });
    if (!stored) return;
    const journeyEvent: JourneyEvent = {
      messageId: event.messageId,
      type: event.type,
      name: event.name,
      at: event.at,
      channel: event.channel ?? STORE,
      properties: event.properties,
    };
    const rules = await this.journey.rulesFor(db, event.workspaceId);
    await this.journey.apply(db, event.workspaceId, event.customerId, journeyEvent, rules);
  }
}
