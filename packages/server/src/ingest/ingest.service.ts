import {
  branchOf,
  isChannel,
  normalizeMessage,
  onlineOrderOf,
  referralClaimOf,
  toJourneyEvent,
  type EventType,
  type NormalizeResult,
  type NormalizedMessage,
  type OnlineOrderEvent,
} from '@jejak/core';
import {
  EventRepository,
  IdentityRepository,
  QuarantineRepository,
  type ApiKey,
  type Executor,
  type NewEvent,
} from '@jejak/storage';
import type { IdentityService } from '../customers/identity.service.ts';
import type { JourneyService, VersionedRules } from '../journey/journey.service.ts';
import { writeRunCustomers } from './batch-customers.ts';
import { resolveRun, type ResolvedRun } from './batch-resolver.ts';
import type { Transact } from './group-commit.ts';

/** A message's claim of a referral code, once its customer is known. */
export interface ReferralClaimInput {
  customerId: string;
  code: string;
  devices: string[];
}

export interface IngestOptions {
  endpoint: string;
  /** Set by the single-message endpoints (/v1/track ...); a batch item names its own type. */
  type?: EventType;
  batchSentAt?: unknown;
  batchContext?: unknown;
}

/** Whether storing events moves their customers' journeys now, or leaves that to a rebuild. */
type Journeys = 'move' | 'defer';

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
 *
 * The work is done set-wise (DESIGN §6): a batch costs a handful of multi-row statements, not a few
 * queries per message. The result is what storing the messages one by one in arrival order gives.
 */
export class IngestService {
  constructor(
    /** The transactions ingestion runs in; modules that emit events write their own rows in the same ones. */
    readonly transact: Transact,
    private readonly identity: IdentityService,
    private readonly journey: JourneyService,
    private readonly now: () => number,
    /** Called in the transaction with the messages that claim a referral code (an Identify or Signed Up). */
    private readonly onReferralClaims?: (
      db: Executor,
      workspaceId: string,
      claims: readonly ReferralClaimInput[],
    ) => Promise<void>,
    /** Called in the transaction with the online orders and refunds of the batch (they earn points). */
    private readonly onOnlineOrders?: (
      db: Executor,
      workspaceId: string,
      orders: readonly { customerId: string; order: OnlineOrderEvent; at: number }[],
    ) => Promise<void>,
  ) {}

  async ingest(key: ApiKey, items: readonly unknown[], options: IngestOptions): Promise<IngestResult> {
    return this.transact((trx) => this.store(trx, key, items, options, 'move'));
  }

  /**
   * Stores a batch as `ingest` does (validation, quarantine, duplicates, identity resolution, the event,
   * customer and identity rows) in the caller's transaction, but leaves the journeys alone: a bulk load
   * (the benchmark's `--bulk-load`) writes many batches in large transactions this way and then runs
   * `RebuildService.run` (`jejak rebuild`), which makes every state, transition, signal and summary from
   * the stored events. Until that rebuild the workspace's journeys do not show these events.
   */
  loadWithoutJourneys(
    trx: Executor,
    key: ApiKey,
    items: readonly unknown[],
    options: IngestOptions,
  ): Promise<IngestResult> {
    return this.store(trx, key, items, options, 'defer');
  }

  private async store(
    trx: Executor,
    key: ApiKey,
    items: readonly unknown[],
    options: IngestOptions,
    journeys: Journeys,
  ): Promise<IngestResult> {
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
    const valid = results.flatMap((r) => (r.ok ? [r.message.messageId] : []));
    const sorted = sortOut(results, await new EventRepository(trx).existing(workspaceId, valid));
    await new QuarantineRepository(trx).insertMany(
      sorted.rejected.map((rejection) => ({
        workspace_id: workspaceId,
        received_at: receivedAt,
        endpoint: options.endpoint,
        batch_index: options.type ? null : rejection.index,
        message_id: rejection.messageId ?? null,
        reason: rejection.reason,
        payload_json: safeJson(items[rejection.index]),
      })),
    );
    const rules = await this.journey.rulesFor(trx, workspaceId);
    // A bulk load leaves journeys to the rebuild, and referral claims (they emit journey events) with them.
    const claiming =
      this.onReferralClaims && journeys === 'move'
        ? sorted.fresh.flatMap((m) => {
            const code = referralClaimOf(m);
            return code === null ? [] : [{ message: m, code }];
          })
        : [];
    const ordering =
      this.onOnlineOrders && journeys === 'move'
        ? sorted.fresh.flatMap((m) => {
            const order = m.type === 'track' ? onlineOrderOf(m) : null;
            return order === null ? [] : [{ message: m, order }];
          })
        : [];
    const customers = claiming.length > 0 || ordering.length > 0 ? new Map<string, string>() : undefined;
    const accepted = await this.storeAll(trx, workspaceId, sorted.fresh, rules, journeys, customers);
    if (customers && this.onReferralClaims) {
      await this.onReferralClaims(
        trx,
        workspaceId,
        claiming.flatMap(({ message, code }) => {
          const customerId = customers.get(message.messageId);
          return customerId === undefined
            ? []
            : [{ customerId, code, devices: message.anonymousId ? [message.anonymousId] : [] }];
        }),
      );
    }
    if (customers && this.onOnlineOrders && ordering.length > 0) {
      await this.onOnlineOrders(
        trx,
        workspaceId,
        ordering.flatMap(({ message, order }) => {
          const customerId = customers.get(message.messageId);
          return customerId === undefined ? [] : [{ customerId, order, at: message.at }];
        }),
      );
    }
    // Only a concurrent request that stored the same message id first makes these two differ.
    const duplicates = sorted.duplicates + sorted.fresh.length - accepted;
    return { accepted, duplicates, rejected: sorted.rejected };
  }

  /**
   * Stores the events one of Jejak's own modules emits (a ticket opened, a survey answered) inside the
   * caller's transaction, through the same path as ingested events: identity resolution, the event
   * rows, the journey. A message id stored before is skipped, so a retried write emits nothing twice.
   * Returns the customer each stored message landed on. An emitted message that is not a valid Segment
   * message is a bug in the module, and throws.
   */
  async emit(db: Executor, workspaceId: string, raw: readonly object[]): Promise<Map<string, string>> {
    const receivedAt = this.now();
    const messages = raw.map((item) => {
      const result = normalizeMessage(item, { receivedAt });
      if (!result.ok) throw new Error(`An emitted event is not a valid message: ${result.reason}`);
      return result.message;
    });
    const stored = await new EventRepository(db).existing(
      workspaceId,
      messages.map((m) => m.messageId),
    );
    const fresh = messages.filter((m) => !stored.has(m.messageId));
    const customers = new Map<string, string>();
    if (fresh.length === 0) return customers;
    const rules = await this.journey.rulesFor(db, workspaceId);
    await this.storeAll(db, workspaceId, fresh, rules, 'move', customers);
    return customers;
  }

  /**
   * Stores new messages run by run. A run is resolved in memory and written in bulk; the message that
   * ends it (its keys point at two or more customers: a merge, or a choice between two people) takes
   * the per-message path, and the next run starts after it from freshly read owners. Returns how many
   * events were stored.
   */
  private async storeAll(
    db: Executor,
    workspaceId: string,
    messages: readonly NormalizedMessage[],
    rules: VersionedRules,
    journeys: Journeys,
    customers?: Map<string, string>,
  ): Promise<number> {
    let stored = 0;
    let next = 0;
    while (next < messages.length) {
      const rest = messages.slice(next);
      const run = await resolveRun(db, workspaceId, rest, this.now());
      stored += await this.storeRun(db, workspaceId, run, rules, journeys);
      for (const r of run.resolved) customers?.set(r.message.messageId, r.customerId);
      next += run.resolved.length;
      const merging = rest[run.resolved.length];
      if (merging !== undefined) {
        const customerId = await this.storeOne(db, workspaceId, merging, rules, journeys);
        customers?.set(merging.messageId, customerId);
        stored += 1;
        next += 1;
      }
    }
    return stored;
  }

  /** Writes a resolved run: events, customers, identity keys, then the journeys of what was stored. */
  private async storeRun(
    db: Executor,
    workspaceId: string,
    run: ResolvedRun,
    rules: VersionedRules,
    journeys: Journeys,
  ): Promise<number> {
    if (run.resolved.length === 0) return 0;
    const stored = await new EventRepository(db).insertMany(
      run.resolved.map((r) => eventRow(workspaceId, r.message, r.customerId, r.identityKey)),
    );
    await writeRunCustomers(db, workspaceId, run, stored, this.now());
    await new IdentityRepository(db).insertMany(run.newKeys);
    if (journeys === 'defer') return stored.size;
    const events = run.resolved
      .filter((r) => stored.has(r.message.messageId))
      .map((r) => ({ customerId: r.customerId, event: toJourneyEvent(r.message) }));
    await this.journey.applyMany(db, workspaceId, events, rules);
    return stored.size;
  }

  /** The per-message path, for a message that merges customers: it reads and moves other customers' rows. */
  private async storeOne(
    db: Executor,
    workspaceId: string,
    message: NormalizedMessage,
    rules: VersionedRules,
    journeys: Journeys,
  ): Promise<string> {
    const resolution = await this.identity.resolve(db, workspaceId, message);
    await new EventRepository(db).insert(
      eventRow(workspaceId, message, resolution.customerId, resolution.identityKey),
    );
    if (message.type === 'identify')
      await this.identity.updateProfile(db, workspaceId, resolution.customerId, message);
    if (journeys === 'defer') return resolution.customerId;
    await this.journey.apply(
      db,
      workspaceId,
      resolution.customerId,
      toJourneyEvent(message),
      rules,
      resolution.merged.length > 0,
    );
    // The customers merged away leave their segments with the survivor's journey.
    if (resolution.merged.length > 0) await this.journey.changed(db, workspaceId, resolution.merged);
    return resolution.customerId;
  }
}

function eventRow(
  workspaceId: string,
  message: NormalizedMessage,
  customerId: string,
  identityKey: string,
): NewEvent {
  return {
    workspace_id: workspaceId,
    message_id: message.messageId,
    customer_id: customerId,
    type: message.type,
    name: message.name,
    channel: message.channel,
    at: message.at,
    received_at: message.receivedAt,
    identity_key: identityKey,
    properties_json: JSON.stringify(message.properties),
    branch_id: branchOf(message.properties),
    payload_json: JSON.stringify(payloadOf(message)),
  };
}

/**
 * Splits normalised messages into the refused ones (with their index in the batch), the ones already
 * stored or repeated earlier in the batch, and the new ones, in arrival order.
 */
function sortOut(results: readonly NormalizeResult[], stored: ReadonlySet<string>) {
  const seen = new Set(stored);
  const rejected: Rejection[] = [];
  const fresh: NormalizedMessage[] = [];
  let duplicates = 0;
  for (const [index, r] of results.entries()) {
    if (!r.ok) {
      rejected.push({ index, reason: r.reason, ...(r.messageId ? { messageId: r.messageId } : {}) });
    } else if (seen.has(r.message.messageId)) {
      duplicates += 1;
    } else {
      seen.add(r.message.messageId);
      fresh.push(r.message);
    }
  }
  return { rejected, fresh, duplicates };
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
