import {
  isChannel,
  normalizeMessage,
  toJourneyEvent,
  type EventType,
  type NormalizedMessage,
} from '@jejak/core';
import {
  EventRepository,
  QuarantineRepository,
  type ApiKey,
  type Executor,
  type Store,
} from '@jejak/storage';
import type { IdentityService } from '../customers/identity.service.ts';
import type { JourneyService, VersionedRules } from '../journey/journey.service.ts';

export interface IngestOptions {
  endpoint: string;
  /** Set by the single-message endpoints (/v1/track ...); a batch item names its own type. */
  type?: EventType;
  batchSentAt?: unknown;
  batchContext?: unknown;
}

export interface Rejection {
  index: number;
  messageId?: string;
  reason: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
}

/**
 * Stores a batch of Segment messages and moves their customers along the journey, all in one
 * transaction: when it commits, the events, the identity links and the journey state are durable
 * together, and only then is the client answered. Invalid messages go to quarantine in the same
 * transaction; a message id seen before is a no-op.
 */
export class IngestService {
  constructor(
    private readonly store: Store,
    private readonly identity: IdentityService,
    private readonly journey: JourneyService,
    private readonly now: () => number,
  ) {}

  async ingest(key: ApiKey, items: readonly unknown[], options: IngestOptions): Promise<IngestResult> {
    const workspaceId = key.workspace_id;
    if (workspaceId === null) throw new Error('a write key always belongs to a workspace');
    const receivedAt = this.now();
    const defaultChannel = isChannel(key.default_channel) ? key.default_channel : undefined;
    const results = items.map((raw) =>
      normalizeMessage(raw, {
        receivedAt,
        type: options.type,
        batchSentAt: options.batchSentAt,
        batchContext: options.batchContext,
        defaultChannel,
      }),
    );
    return this.store.db.transaction().execute(async (trx) => {
      const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
      const valid = results.flatMap((r) => (r.ok ? [r.message.messageId] : []));
      const seen = await new EventRepository(trx).existing(workspaceId, valid);
      const rules = await this.journey.rulesFor(trx, workspaceId);
      const quarantine = new QuarantineRepository(trx);
      for (const [index, r] of results.entries()) {
        if (!r.ok) {
          result.rejected.push({
            index,
            reason: r.reason,
            ...(r.messageId ? { messageId: r.messageId } : {}),
          });
          await quarantine.insert({
            workspace_id: workspaceId,
            received_at: receivedAt,
            endpoint: options.endpoint,
            batch_index: options.type ? null : index,
            message_id: r.messageId ?? null,
            reason: r.reason,
            payload_json: safeJson(items[index]),
          });
          continue;
        }
        if (seen.has(r.message.messageId)) {
          result.duplicates += 1;
          continue;
        }
        seen.add(r.message.messageId);
        await this.storeOne(trx, workspaceId, r.message, rules);
        result.accepted += 1;
      }
      return result;
    });
  }

  private async storeOne(
    db: Executor,
    workspaceId: string,
    message: NormalizedMessage,
    rules: VersionedRules,
  ) {
    const resolution = await this.identity.resolve(db, workspaceId, message);
    await new EventRepository(db).insert({
      workspace_id: workspaceId,
      message_id: message.messageId,
      customer_id: resolution.customerId,
      type: message.type,
      name: message.name,
      channel: message.channel,
      at: message.at,
      received_at: message.receivedAt,
      identity_key: resolution.identityKey,
      properties_json: JSON.stringify(message.properties),
      payload_json: JSON.stringify(payloadOf(message)),
    });
    if (message.type === 'identify')
      await this.identity.updateProfile(db, workspaceId, resolution.customerId, message);
    await this.journey.apply(
      db,
      workspaceId,
      resolution.customerId,
      toJourneyEvent(message),
      rules,
      resolution.merged.length > 0,
    );
  }
}

/** What is kept of a message beside its properties: enough to export it and to replay it. */
function payloadOf(m: NormalizedMessage) {
  return {
    userId: m.userId,
    anonymousId: m.anonymousId,
    previousId: m.previousId,
    groupId: m.groupId,
    traits: m.traits,
    context: m.context,
    sentAt: m.sentAt,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return JSON.stringify(String(value));
  }
}
