import type { JourneyStateRow, NewJourneyState } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';
import { JourneyNowRepository, type CountedState } from './journey-now.repository.ts';
import { erasedCustomerIds } from './erased-customers.ts';

export interface StageCount {
  stage: string | null;
  count: number;
}

export interface StatusCount {
  status: string;
  count: number;
}

/** A customer's stage and status, without the rest of the state. */
export interface StagePosition {
  customer_id: string;
  stage: string | null;
  status: string;
}

/**
 * Every customer's journey state. Every write here also moves the counts of now (JourneyNowRepository)
 * on the same executor, so within the caller's transaction they always equal a count of the states.
 */
export class JourneyStateRepository {
  constructor(private readonly db: Executor) {}

  get(workspaceId: string, customerId: string): Promise<JourneyStateRow | undefined> {
    return this.db
      .selectFrom('journey_states')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
  }

  /** The states of these customers, in no particular order; a customer without one is simply absent. */
  async getMany(workspaceId: string, customerIds: readonly string[]): Promise<JourneyStateRow[]> {
    const rows: JourneyStateRow[] = [];
    for (const part of chunks([...new Set(customerIds)])) {
      rows.push(
        ...(await this.db
          .selectFrom('journey_states')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('customer_id', 'in', part)
          .execute()),
      );
    }
    return rows;
  }

  /** Writes the whole state of one customer, inserting it the first time. */
  async upsert(row: NewJourneyState): Promise<void> {
    await this.upsertMany([row]);
  }

  /**
   * Writes the whole states of many customers, one statement per chunk, inserting those seen for the
   * first time. A customer appears at most once: a row updated twice by one statement is an error on
   * PostgreSQL. 13 bound values a row.
   */
  async upsertMany(rows: readonly NewJourneyState[]): Promise<void> {
    for (const part of chunks(rows, 400)) await this.upsertPart(part);
  }

  private async upsertPart(rows: readonly NewJourneyState[]): Promise<void> {
    const before = await this.counted(rows);
    await this.db
      .insertInto('journey_states')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'customer_id']).doUpdateSet((eb) => ({
          stage: eb.ref('excluded.stage'),
          status: eb.ref('excluded.status'),
          due_at: eb.ref('excluded.due_at'),
          last_event_at: eb.ref('excluded.last_event_at'),
          last_message_id: eb.ref('excluded.last_message_id'),
          stage_entered_at: eb.ref('excluded.stage_entered_at'),
          rules_version: eb.ref('excluded.rules_version'),
          state_json: eb.ref('excluded.state_json'),
          updated_at: eb.ref('excluded.updated_at'),
          first_channel: eb.ref('excluded.first_channel'),
          home_branch_id: eb.ref('excluded.home_branch_id'),
        })),
      )
      .execute();
    await new JourneyNowRepository(this.db).change(before, rows.map(countedOf));
  }

  async delete(workspaceId: string, customerId: string): Promise<boolean> {
    const before = await this.counted([{ workspace_id: workspaceId, customer_id: customerId }]);
    if (before.length === 0) return false;
    await this.db
      .deleteFrom('journey_states')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .execute();
    await new JourneyNowRepository(this.db).change(before, []);
    return true;
  }

  /** Writes many fresh states at once (a rebuild, after `deleteWorkspace`). 13 bound values a row. */
  async insertMany(rows: readonly NewJourneyState[]): Promise<void> {
    for (const part of chunks(rows, 400)) await this.db.insertInto('journey_states').values(part).execute();
    await new JourneyNowRepository(this.db).change([], rows.map(countedOf));
  }

  /**
   * Removes every state of a workspace before a rebuild writes them again, but erased customers'
   * (see erasedCustomerIds). Returns how many were removed.
   */
  async deleteWorkspace(workspaceId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('journey_states')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'not in', erasedCustomerIds(this.db, workspaceId))
      .executeTakeFirst();
    await new JourneyNowRepository(this.db).recompute(workspaceId);
    return Number(result.numDeletedRows);
  }

  /** The stored stage, status and attribution of these customers, as the counts of now see them. */
  private async counted(
    keys: readonly Pick<NewJourneyState, 'workspace_id' | 'customer_id'>[],
  ): Promise<CountedState[]> {
    const found: CountedState[] = [];
    const byWorkspace = new Map<string, string[]>();
    for (const k of keys)
      byWorkspace.set(k.workspace_id, [...(byWorkspace.get(k.workspace_id) ?? []), k.customer_id]);
    for (const [workspaceId, customerIds] of byWorkspace) {
      for (const part of chunks(customerIds)) {
        found.push(
          ...(await this.db
            .selectFrom('journey_states')
            .select(['workspace_id', 'stage', 'status', 'first_channel', 'home_branch_id'])
            .where('workspace_id', '=', workspaceId)
            .where('customer_id', 'in', part)
            .execute()),
        );
      }
    }
    return found;
  }

  /** States whose next deadline has passed, in every workspace, earliest first: the clock job's work list. */
  due(now: number, limit: number): Promise<JourneyStateRow[]> {
    return this.db
      .selectFrom('journey_states')
      .selectAll()
      .where('due_at', 'is not', null)
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(limit)
      .execute();
  }

  /**
   * Customers' stage and status in customer id order, after `afterCustomerId`: a keyset page. Ids are
   * random UUIDs, so the first n in this order are a uniform sample of the workspace's customers.
   */
  positionsAfter(
    workspaceId: string,
    afterCustomerId: string | null,
    limit: number,
  ): Promise<StagePosition[]> {
    let query = this.db
      .selectFrom('journey_states')
      .select(['customer_id', 'stage', 'status'])
      .where('workspace_id', '=', workspaceId);
    if (afterCustomerId !== null) query = query.where('customer_id', '>', afterCustomerId);
    return query.orderBy('customer_id').limit(limit).execute();
  }

  async count(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('journey_states')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async countByStage(workspaceId: string): Promise<StageCount[]> {
    const rows = await this.db
      .selectFrom('journey_states')
      .select((eb) => ['stage', eb.fn.countAll<number>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .groupBy('stage')
      .orderBy('stage', (ob) => ob.asc().nullsFirst())
      .execute();
    return rows.map((row) => ({ stage: row.stage, count: Number(row.count) }));
  }

  async countByStatus(workspaceId: string): Promise<StatusCount[]> {
    const rows = await this.db
      .selectFrom('journey_states')
      .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .groupBy('status')
      .orderBy('status')
      .execute();
    return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
  }
}

function countedOf(row: NewJourneyState): CountedState {
  return {
    workspace_id: row.workspace_id,
    stage: row.stage ?? null,
    status: row.status,
    first_channel: row.first_channel ?? '',
    home_branch_id: row.home_branch_id ?? '',
  };
}
