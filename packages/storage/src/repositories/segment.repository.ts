import type { NewSegment, Segment, SegmentMember } from '../segment.schema.ts';
import { chunks, type Executor } from './executor.ts';

export interface SegmentWithCount extends Segment {
  members: number;
}

export interface SegmentMemberRow {
  customer_id: string;
  entered_at: number;
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** What segment rules read of a customer (see SegmentFacts in @jejak/core). */
export interface SegmentCustomerRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  traits_json: string;
  stage: string | null;
  status: string | null;
}

/** Saved segments, their members, the due index of their clock and their daily counts. */
export class SegmentRepository {
  constructor(private readonly db: Executor) {}

  async list(workspaceId: string): Promise<SegmentWithCount[]> {
    const rows = await this.db
      .selectFrom('segments as s')
      .leftJoin('segment_members as m', 'm.segment_id', 's.id')
      .selectAll('s')
      .select((eb) => eb.fn.count<number | string>('m.customer_id').as('members'))
      .where('s.workspace_id', '=', workspaceId)
      .groupBy([
        's.id',
        's.workspace_id',
        's.name',
        's.description',
        's.rules_json',
        's.created_at',
        's.updated_at',
      ])
      .orderBy('s.name')
      .execute();
    return rows.map((r) => ({ ...r, members: Number(r.members) }));
  }

  get(workspaceId: string, id: string): Promise<Segment | undefined> {
    return this.db
      .selectFrom('segments')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  listAll(workspaceId: string): Promise<Segment[]> {
    return this.db
      .selectFrom('segments')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
  }

  async insert(row: NewSegment): Promise<void> {
    await this.db.insertInto('segments').values(row).execute();
  }

  async update(
    workspaceId: string,
    id: string,
    change: { name: string; description: string; rules_json: string; updated_at: number },
  ): Promise<void> {
    await this.db
      .updateTable('segments')
      .set(change)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('segment_members')
      .where('workspace_id', '=', workspaceId)
      .where('segment_id', '=', id)
      .execute();
    await this.db
      .deleteFrom('segment_daily_counts')
      .where('workspace_id', '=', workspaceId)
      .where('segment_id', '=', id)
      .execute();
    await this.db
      .deleteFrom('segments')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  async workspacesWithSegments(): Promise<string[]> {
    const rows = await this.db.selectFrom('segments').select('workspace_id').distinct().execute();
    return rows.map((r) => r.workspace_id);
  }

  async membershipsOf(workspaceId: string, customerIds: readonly string[]): Promise<SegmentMember[]> {
    const out: SegmentMember[] = [];
    for (const part of chunks([...new Set(customerIds)])) {
      out.push(
        ...(await this.db
          .selectFrom('segment_members')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('customer_id', 'in', part)
          .execute()),
      );
    }
    return out;
  }

  async memberIds(workspaceId: string, segmentId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('segment_members')
      .select('customer_id')
      .where('workspace_id', '=', workspaceId)
      .where('segment_id', '=', segmentId)
      .execute();
    return rows.map((r) => r.customer_id);
  }

  async addMembers(rows: readonly SegmentMember[]): Promise<void> {
    for (const part of chunks(rows, 200)) await this.db.insertInto('segment_members').values(part).execute();
  }

  async removeMembers(workspaceId: string, segmentId: string, customerIds: readonly string[]): Promise<void> {
    for (const part of chunks(customerIds)) {
      await this.db
        .deleteFrom('segment_members')
        .where('workspace_id', '=', workspaceId)
        .where('segment_id', '=', segmentId)
        .where('customer_id', 'in', part)
        .execute();
    }
  }

  async membersPage(
    workspaceId: string,
    segmentId: string,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; items: SegmentMemberRow[] }> {
    const base = this.db
      .selectFrom('segment_members as m')
      .where('m.workspace_id', '=', workspaceId)
      .where('m.segment_id', '=', segmentId);
    const total = await base
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const items = await base
      .innerJoin('customers as c', (j) =>
        j.onRef('c.id', '=', 'm.customer_id').onRef('c.workspace_id', '=', 'm.workspace_id'),
      )
      .select(['m.customer_id', 'm.entered_at', 'c.name', 'c.email', 'c.phone'])
      .orderBy('m.entered_at', 'desc')
      .orderBy('m.customer_id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(total.n), items };
  }

  segmentsOfCustomer(workspaceId: string, customerId: string) {
    return this.db
      .selectFrom('segment_members as m')
      .innerJoin('segments as s', 's.id', 'm.segment_id')
      .select(['s.id', 's.name', 'm.entered_at'])
      .where('m.workspace_id', '=', workspaceId)
      .where('m.customer_id', '=', customerId)
      .orderBy('s.name')
      .execute();
  }

  /** Replaces the due times of these customers; a null due time removes the customer from the index. */
  async setDue(workspaceId: string, due: ReadonlyMap<string, number | null>): Promise<void> {
    const ids = [...due.keys()];
    for (const part of chunks(ids)) {
      await this.db
        .deleteFrom('segment_due')
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', part)
        .execute();
    }
    const rows = [...due].flatMap(([customer_id, due_at]) =>
      due_at === null ? [] : [{ workspace_id: workspaceId, customer_id, due_at }],
    );
    for (const part of chunks(rows, 300)) await this.db.insertInto('segment_due').values(part).execute();
  }

  async clearDue(workspaceId: string): Promise<void> {
    await this.db.deleteFrom('segment_due').where('workspace_id', '=', workspaceId).execute();
  }

  /** The customers whose segment membership may have changed by `now`, soonest first. */
  due(now: number, limit: number): Promise<{ workspace_id: string; customer_id: string; due_at: number }[]> {
    return this.db
      .selectFrom('segment_due')
      .selectAll()
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(limit)
      .execute();
  }

  /** Live customers (not merged away, not erased), by id, a page after `afterId`. */
  async customerIdsAfter(workspaceId: string, afterId: string | null, limit: number): Promise<string[]> {
    let q = this.db
      .selectFrom('customers')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('merged_into', 'is', null)
      .where('erased_at', 'is', null);
    if (afterId !== null) q = q.where('id', '>', afterId);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** Profiles and journey position of live customers among these ids (merged and erased ones are left out). */
  async customers(workspaceId: string, ids: readonly string[]): Promise<SegmentCustomerRow[]> {
    const out: SegmentCustomerRow[] = [];
    for (const part of chunks([...new Set(ids)])) {
      out.push(
        ...(await this.db
          .selectFrom('customers as c')
          .leftJoin('journey_states as j', (join) =>
            join.onRef('j.workspace_id', '=', 'c.workspace_id').onRef('j.customer_id', '=', 'c.id'),
          )
          .select(['c.id', 'c.name', 'c.email', 'c.phone', 'c.traits_json', 'j.stage', 'j.status'])
          .where('c.workspace_id', '=', workspaceId)
          .where('c.id', 'in', part)
          .where('c.merged_into', 'is', null)
          .where('c.erased_at', 'is', null)
          .execute()),
      );
    }
    return out;
  }

  /** Events of these names of these customers at or after `since`. */
  async events(workspaceId: string, ids: readonly string[], names: readonly string[], since: number) {
    const out: { customer_id: string; name: string; at: number; properties_json: string }[] = [];
    if (names.length === 0) return out;
    for (const part of chunks([...new Set(ids)], 400)) {
      out.push(
        ...(await this.db
          .selectFrom('events')
          .select(['customer_id', 'name', 'at', 'properties_json'])
          .where('workspace_id', '=', workspaceId)
          .where('customer_id', 'in', part)
          .where('at', '>=', since)
          .where('name', 'in', names)
          .execute()),
      );
    }
    return out;
  }

  /** Times of these customers' negative experiences at or after `since`. */
  async negatives(workspaceId: string, ids: readonly string[], since: number) {
    const out: { customer_id: string; at: number }[] = [];
    for (const part of chunks([...new Set(ids)])) {
      out.push(
        ...(await this.db
          .selectFrom('journey_signals')
          .select(['customer_id', 'at'])
          .where('workspace_id', '=', workspaceId)
          .where('customer_id', 'in', part)
          .where('negative', '=', 1)
          .where('at', '>=', since)
          .execute()),
      );
    }
    return out;
  }

  async snapshot(workspaceId: string, segmentId: string, day: string, members: number): Promise<void> {
    await this.db
      .insertInto('segment_daily_counts')
      .values({ workspace_id: workspaceId, segment_id: segmentId, day, members })
      .onConflict((oc) => oc.columns(['segment_id', 'day']).doUpdateSet({ members }))
      .execute();
  }

  trend(workspaceId: string, fromDay: string) {
    return this.db
      .selectFrom('segment_daily_counts')
      .select(['segment_id', 'day', 'members'])
      .where('workspace_id', '=', workspaceId)
      .where('day', '>=', fromDay)
      .orderBy('day')
      .execute();
  }
}
