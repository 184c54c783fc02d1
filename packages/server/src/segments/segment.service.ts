import { randomUUID } from 'node:crypto';
import { validateSegmentRules, type SegmentRules } from '@jejak/core';
import {
  SegmentRepository,
  WorkspaceRepository,
  dayText,
  localDayOf,
  type Executor,
  type Segment,
  type Store,
} from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';
import type { JourneyService } from '../journey/journey.service.ts';
import { SegmentMembership, parseStoredSegmentRules, type LoadedSegment } from './segment-membership.ts';

const SEGMENTS_CACHE_MS = 5_000;
const PAGE = 1_000;
const FULL_RECOMPUTE_MS = 86_400_000;

export interface SegmentInput {
  name: string;
  description?: string;
  rules: unknown;
}

export interface SegmentView {
  id: string;
  name: string;
  description: string;
  rules: SegmentRules;
  members: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * Saved rule-based segments whose membership stays current: re-evaluated for the customers an
 * ingestion, a journey move or the journey clock touches (inside that transaction), for customers
 * whose "last N days" window moves (the segment clock, an indexed due time), and for everyone when the
 * rules are saved and once a day as a safety net.
 */
export class SegmentService {
  private readonly cache = new Map<string, { at: number; segments: LoadedSegment[] }>();
  private readonly lastFull = new Map<string, number>();
  readonly membership: SegmentMembership;

  constructor(
    private readonly store: Store,
    private readonly journey: JourneyService,
    private readonly now: () => number,
  ) {
    this.membership = new SegmentMembership(now);
  }

  async list(workspaceId: string): Promise<SegmentView[]> {
    const rows = await new SegmentRepository(this.store.db).list(workspaceId);
    return rows.map((r) => view(r, r.members));
  }

  async get(workspaceId: string, id: string): Promise<SegmentView> {
    const repo = new SegmentRepository(this.store.db);
    const row = await repo.get(workspaceId, id);
    if (!row) throw notFound(`Segment ${id}`);
    return view(row, (await repo.memberIds(workspaceId, id)).length);
  }

  /** The rules if valid; otherwise a 400 naming the first bad field, with every error in the details. */
  async checkRules(workspaceId: string, input: unknown): Promise<SegmentRules> {
    const rules = await this.journey.rulesFor(this.store.db, workspaceId);
    const result = validateSegmentRules(
      input,
      rules.rules.stages.map((s) => s.key),
    );
    if (result.ok) return result.rules;
    const first = result.errors[0]!;
    throw badRequest(
      `The segment rules are invalid: ${first.path}: ${first.message}`,
      result.errors,
      'invalid_rules',
    );
  }

  /** How many customers the rules hold now, and a few of them, without saving anything. */
  async preview(
    workspaceId: string,
    input: unknown,
  ): Promise<{ members: number; sample: { id: string; name: string | null }[] }> {
    const rules = await this.checkRules(workspaceId, input);
    const segment: LoadedSegment = { id: 'preview', name: 'preview', rules };
    const now = this.now();
    const db = this.store.db;
    const repo = new SegmentRepository(db);
    let members = 0;
    const sample: string[] = [];
    for (let after: string | null = null; ;) {
      const ids = await repo.customerIdsAfter(workspaceId, after, PAGE);
      if (ids.length === 0) break;
      const found = (await this.membership.verdicts(db, workspaceId, [segment], ids, now)).get(
        'preview',
      )!.members;
      members += found.size;
      for (const id of found) if (sample.length < 10) sample.push(id);
      after = ids.at(-1)!;
    }
    const names = new Map((await repo.customers(workspaceId, sample)).map((c) => [c.id, c.name]));
    return { members, sample: sample.map((id) => ({ id, name: names.get(id) ?? null })) };
  }

  async create(workspaceId: string, input: SegmentInput): Promise<SegmentView> {
    const rules = await this.checkRules(workspaceId, input.rules);
    const id = randomUUID();
    const now = this.now();
    await new SegmentRepository(this.store.db).insert({
      id,
      workspace_id: workspaceId,
      name: checkName(input.name),
      description: input.description ?? '',
      rules_json: JSON.stringify(rules),
      created_at: now,
      updated_at: now,
    });
    await this.recomputeWorkspace(workspaceId);
    return this.get(workspaceId, id);
  }

  /** Saves new rules (or name) and recomputes membership: who no longer matches leaves, who now does enters. */
  async update(workspaceId: string, id: string, input: SegmentInput): Promise<SegmentView> {
    const repo = new SegmentRepository(this.store.db);
    if (!(await repo.get(workspaceId, id))) throw notFound(`Segment ${id}`);
    const rules = await this.checkRules(workspaceId, input.rules);
    await repo.update(workspaceId, id, {
      name: checkName(input.name),
      description: input.description ?? '',
      rules_json: JSON.stringify(rules),
      updated_at: this.now(),
    });
    await this.recomputeWorkspace(workspaceId);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const repo = new SegmentRepository(this.store.db);
    if (!(await repo.get(workspaceId, id))) throw notFound(`Segment ${id}`);
    await repo.delete(workspaceId, id);
    this.cache.delete(workspaceId);
  }

  async members(workspaceId: string, id: string, page: { limit: number; offset: number }) {
    await this.get(workspaceId, id);
    return new SegmentRepository(this.store.db).membersPage(workspaceId, id, page);
  }

  /** Members per segment and local day over the last `days` days (the days a count was taken). */
  async trend(workspaceId: string, days: number) {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    const from = dayText(localDayOf(this.now(), workspace.timezone) - days + 1);
    return new SegmentRepository(this.store.db).trend(workspaceId, from);
  }

  async forCustomer(workspaceId: string, customerId: string) {
    const repo = new SegmentRepository(this.store.db);
    if ((await repo.customers(workspaceId, [customerId])).length === 0)
      throw notFound(`Customer ${customerId}`);
    return repo.segmentsOfCustomer(workspaceId, customerId);
  }

  /**
   * The journey's observer: re-evaluates the segments of the customers whose events, traits or journey
   * just changed, in the caller's transaction. Costs one cached lookup when the workspace has no segment.
   */
  readonly customersChanged = async (db: Executor, workspaceId: string, customerIds: readonly string[]) => {
    const segments = await this.segmentsOf(db, workspaceId);
    if (segments.length === 0) return;
    await this.membership.apply(db, workspaceId, segments, customerIds);
  };

  /** Re-evaluates every live customer (and every member who is no longer one) in every segment. */
  async recomputeWorkspace(workspaceId: string): Promise<{ entered: number; left: number }> {
    this.cache.delete(workspaceId);
    this.membership.forgetRfm(workspaceId);
    this.lastFull.set(workspaceId, this.now());
    const total = { entered: 0, left: 0 };
    if ((await this.segmentsOf(this.store.db, workspaceId)).length === 0) {
      await new SegmentRepository(this.store.db).clearDue(workspaceId);
      return total;
    }
    const seen = new Set<string>();
    for (let after: string | null = null; ;) {
      const ids = await new SegmentRepository(this.store.db).customerIdsAfter(workspaceId, after, PAGE);
      if (ids.length === 0) break;
      ids.forEach((id) => seen.add(id));
      add(total, await this.inTransaction(workspaceId, ids));
      after = ids.at(-1)!;
    }
    const repo = new SegmentRepository(this.store.db);
    const gone = new Set<string>();
    for (const s of await repo.listAll(workspaceId))
      for (const id of await repo.memberIds(workspaceId, s.id)) if (!seen.has(id)) gone.add(id);
    if (gone.size > 0) add(total, await this.inTransaction(workspaceId, [...gone]));
    const segments = await this.segmentsOf(this.store.db, workspaceId);
    await this.membership.snapshot(
      this.store.db,
      workspaceId,
      segments.map((s) => s.id),
      this.now(),
    );
    return total;
  }

  /**
   * The segment clock's work: re-evaluates the customers whose due time has passed, in transactions of
   * at most `limit`; takes each segment's daily count; recomputes a workspace whose last full pass is a
   * day old. Returns how many customers were re-evaluated.
   */
  async tick(limit = 500): Promise<number> {
    let done = 0;
    for (;;) {
      const due = await new SegmentRepository(this.store.db).due(this.now(), limit);
      const byWorkspace = new Map<string, string[]>();
      for (const row of due)
        byWorkspace.set(row.workspace_id, [...(byWorkspace.get(row.workspace_id) ?? []), row.customer_id]);
      for (const [workspaceId, ids] of byWorkspace) await this.inTransaction(workspaceId, ids);
      done += due.length;
      if (due.length < limit) break;
    }
    const now = this.now();
    for (const workspaceId of await new SegmentRepository(this.store.db).workspacesWithSegments()) {
      const last = this.lastFull.get(workspaceId);
      if (last === undefined) {
        this.lastFull.set(workspaceId, now);
        const segments = await this.segmentsOf(this.store.db, workspaceId);
        await this.membership.snapshot(
          this.store.db,
          workspaceId,
          segments.map((s) => s.id),
          now,
        );
      } else if (now - last >= FULL_RECOMPUTE_MS) {
        await this.recomputeWorkspace(workspaceId);
      }
    }
    return done;
  }

  private async inTransaction(workspaceId: string, ids: readonly string[]) {
    return this.store.db.transaction().execute(async (trx) => {
      const segments = await this.segmentsOf(trx, workspaceId);
      // A customer with no segment left to be in still has a due row to clear.
      if (segments.length === 0) {
        await new SegmentRepository(trx).setDue(workspaceId, new Map(ids.map((id) => [id, null])));
        return { entered: 0, left: 0 };
      }
      return this.membership.apply(trx, workspaceId, segments, ids);
    });
  }

  private async segmentsOf(db: Executor, workspaceId: string): Promise<LoadedSegment[]> {
    const now = this.now();
    const cached = this.cache.get(workspaceId);
    if (cached && now - cached.at < SEGMENTS_CACHE_MS) return cached.segments;
    const rows = await new SegmentRepository(db).listAll(workspaceId);
    const segments = rows.map((r) => ({
      id: r.id,
      name: r.name,
      rules: parseStoredSegmentRules(r.rules_json),
    }));
    this.cache.set(workspaceId, { at: now, segments });
    return segments;
  }
}

function add(total: { entered: number; left: number }, change: { entered: number; left: number }) {
  total.entered += change.entered;
  total.left += change.left;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 120)
    throw badRequest('The segment name must be 1 to 120 characters');
  return trimmed;
}

function view(row: Segment, members: number): SegmentView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rules: parseStoredSegmentRules(row.rules_json),
    members,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
