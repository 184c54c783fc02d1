import {
  SEGMENT_ENTERED,
  SEGMENT_LEFT,
  evaluateSegment,
  needsOf,
  scoreRfm,
  validateSegmentRules,
  type RfmSegment,
  type SegmentFacts,
  type SegmentRules,
} from '@jejak/core';
import {
  CustomerValueRepository,
  EventRepository,
  SegmentRepository,
  WorkspaceRepository,
  dayText,
  localDayOf,
  type Executor,
  type NewEvent,
} from '@jejak/storage';

const DAY_MS = 86_400_000;
/** RFM scores rank every buyer against all the others: recomputed at most this often for segments. */
const RFM_CACHE_MS = 10 * 60_000;

export interface LoadedSegment {
  id: string;
  name: string;
  rules: SegmentRules;
}

export interface MembershipChange {
  entered: number;
  left: number;
}

/** Parses stored rules; they were validated against the stages when saved, so only the shape is checked. */
export function parseStoredSegmentRules(json: string): SegmentRules {
  const parsed = JSON.parse(json) as unknown;
  const result = validateSegmentRules(parsed, stagesIn(parsed));
  if (!result.ok) throw new Error(`stored segment rules are invalid: ${JSON.stringify(result.errors[0])}`);
  return result.rules;
}

function stagesIn(rules: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; in?: unknown; conditions?: unknown };
    if (n.type === 'stage' && Array.isArray(n.in)) out.push(...n.in.filter((s) => typeof s === 'string'));
    if (Array.isArray(n.conditions)) n.conditions.forEach(walk);
  };
  walk(rules);
  return out;
}

/**
 * Evaluates segments for customers and writes what changed: members, the due index, Segment
 * Entered/Left events on the customers (stored straight into the events table: they go through no
 * journey and no segment evaluation, so they cannot loop) and today's member count.
 */
export class SegmentMembership {
  private readonly rfmCache = new Map<string, { at: number; bySegment: Map<string, RfmSegment> }>();

  constructor(private readonly now: () => number) {}

  /** Membership of these customers in every given segment, as of now; null customers are not live. */
  async verdicts(
    db: Executor,
    workspaceId: string,
    segments: readonly LoadedSegment[],
    customerIds: readonly string[],
    now: number,
  ): Promise<Map<string, { members: Set<string>; due: Map<string, number | null> }>> {
    const facts = await this.facts(db, workspaceId, segments, customerIds, now);
    const out = new Map<string, { members: Set<string>; due: Map<string, number | null> }>();
    for (const segment of segments) {
      const members = new Set<string>();
      const due = new Map<string, number | null>();
      for (const [customerId, f] of facts) {
        const v = evaluateSegment(segment.rules, f, now);
        if (v.member) members.add(customerId);
        due.set(customerId, v.dueAt);
      }
      out.set(segment.id, { members, due });
    }
    return out;
  }

  /** Re-evaluates every segment for these customers and records what changed. */
  async apply(
    db: Executor,
    workspaceId: string,
    segments: readonly LoadedSegment[],
    customerIds: readonly string[],
  ): Promise<MembershipChange> {
    const ids = [...new Set(customerIds)];
    if (segments.length === 0 || ids.length === 0) return { entered: 0, left: 0 };
    const now = this.now();
    const verdicts = await this.verdicts(db, workspaceId, segments, ids, now);
    const repo = new SegmentRepository(db);
    const current = new Map<string, Set<string>>();
    for (const m of await repo.membershipsOf(workspaceId, ids)) {
      let set = current.get(m.segment_id);
      if (!set) current.set(m.segment_id, (set = new Set()));
      set.add(m.customer_id);
    }
    const due = new Map<string, number | null>(ids.map((id) => [id, null]));
    const events: NewEvent[] = [];
    const changed: string[] = [];
    let entered = 0;
    let left = 0;
    for (const segment of segments) {
      const verdict = verdicts.get(segment.id)!;
      const was = current.get(segment.id) ?? new Set<string>();
      const enter = ids.filter((id) => verdict.members.has(id) && !was.has(id));
      const leave = ids.filter((id) => was.has(id) && !verdict.members.has(id));
      for (const [id, at] of verdict.due) {
        const prev = due.get(id) ?? null;
        if (at !== null && (prev === null || at < prev)) due.set(id, at);
      }
      if (enter.length === 0 && leave.length === 0) continue;
      changed.push(segment.id);
      entered += enter.length;
      left += leave.length;
      await repo.addMembers(
        enter.map((customer_id) => ({
          workspace_id: workspaceId,
          segment_id: segment.id,
          customer_id,
          entered_at: now,
        })),
      );
      await repo.removeMembers(workspaceId, segment.id, leave);
      events.push(
        ...enter.map((id) => segmentEvent(workspaceId, id, segment, SEGMENT_ENTERED, now)),
        ...leave.map((id) => segmentEvent(workspaceId, id, segment, SEGMENT_LEFT, now)),
      );
    }
    await repo.setDue(workspaceId, due);
    await new EventRepository(db).insertMany(events);
    if (changed.length > 0) await this.snapshot(db, workspaceId, changed, now);
    return { entered, left };
  }

  /** Today's member count of these segments (one row a segment and local day, the last count of the day). */
  async snapshot(
    db: Executor,
    workspaceId: string,
    segmentIds: readonly string[],
    now: number,
  ): Promise<void> {
    const workspace = await new WorkspaceRepository(db).get(workspaceId);
    if (!workspace) return;
    const day = dayText(localDayOf(now, workspace.timezone));
    const repo = new SegmentRepository(db);
    for (const id of segmentIds)
      await repo.snapshot(workspaceId, id, day, (await repo.memberIds(workspaceId, id)).length);
  }

  forgetRfm(workspaceId: string): void {
    this.rfmCache.delete(workspaceId);
  }

  private async facts(
    db: Executor,
    workspaceId: string,
    segments: readonly LoadedSegment[],
    customerIds: readonly string[],
    now: number,
  ): Promise<Map<string, SegmentFacts>> {
    const needs = needsOf(segments.map((s) => s.rules));
    const repo = new SegmentRepository(db);
    const customers = await repo.customers(workspaceId, customerIds);
    const ids = customers.map((c) => c.id);
    const longest = Math.max(0, ...needs.events.values());
    const events = await repo.events(workspaceId, ids, [...needs.events.keys()], now - longest * DAY_MS);
    const negatives =
      needs.negativeDays > 0 ? await repo.negatives(workspaceId, ids, now - needs.negativeDays * DAY_MS) : [];
    const rfm = needs.rfm ? await this.rfm(db, workspaceId, now) : new Map<string, RfmSegment>();
    const eventsOf = groupBy(events, (e) => e.customer_id);
    const negativesOf = groupBy(negatives, (n) => n.customer_id);
    const out = new Map<string, SegmentFacts>();
    for (const c of customers) {
      const traits: Record<string, unknown> = JSON.parse(c.traits_json) as Record<string, unknown>;
      if (c.name !== null) traits.name = c.name;
      if (c.email !== null) traits.email = c.email;
      if (c.phone !== null) traits.phone = c.phone;
      out.set(c.id, {
        traits,
        stage: c.stage,
        status: c.status,
        rfm: rfm.get(c.id) ?? null,
        events: (eventsOf.get(c.id) ?? []).map((e) => ({
          name: e.name,
          at: e.at,
          properties: JSON.parse(e.properties_json) as Record<string, unknown>,
        })),
        negatives: (negativesOf.get(c.id) ?? []).map((n) => n.at),
      });
    }
    return out;
  }

  /** A customer's RFM segment now (scores at most RFM_CACHE_MS old), null when he has bought nothing. */
  async rfmSegmentOf(db: Executor, workspaceId: string, customerId: string): Promise<RfmSegment | null> {
    return (await this.rfm(db, workspaceId, this.now())).get(customerId) ?? null;
  }

  /** Each buyer's RFM segment, scored as the RFM page scores it (scoreRfm over the orders). */
  private async rfm(db: Executor, workspaceId: string, now: number): Promise<Map<string, RfmSegment>> {
    const cached = this.rfmCache.get(workspaceId);
    if (cached && now - cached.at < RFM_CACHE_MS) return cached.bySegment;
    const workspace = await new WorkspaceRepository(db).get(workspaceId);
    const zone = workspace?.timezone ?? 'Asia/Jakarta';
    const rows = await new CustomerValueRepository(db).purchases(workspaceId);
    const scored = scoreRfm(
      rows.map((r) => ({
        customerId: r.customer_id,
        day: localDayOf(r.completed_at, zone),
        amount: r.amount,
      })),
      localDayOf(now, zone),
    );
    const bySegment = new Map(scored.map((c) => [c.customerId, c.segment]));
    this.rfmCache.set(workspaceId, { at: now, bySegment });
    return bySegment;
  }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function segmentEvent(
  workspaceId: string,
  customerId: string,
  segment: LoadedSegment,
  name: string,
  at: number,
): NewEvent {
  const kind = name === SEGMENT_ENTERED ? 'entered' : 'left';
  return {
    workspace_id: workspaceId,
    message_id: `segment-${kind}:${segment.id}:${customerId}:${at}`,
    customer_id: customerId,
    type: 'track',
    name,
    channel: 'other',
    at,
    received_at: at,
    identity_key: `customer:${customerId}`,
    properties_json: JSON.stringify({ segment_id: segment.id, segment_name: segment.name }),
    branch_id: null,
    payload_json: JSON.stringify({ context: { library: { name: 'jejak-segments' } } }),
  };
}
