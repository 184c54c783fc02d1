import type { NewTransition, TransitionRow } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';
import { JourneySummaryRepository } from './journey-summary.repository.ts';
import { journeyFilterSql, type JourneyFilter } from './journey-filter.ts';
import { erasedCustomerIds } from './erased-customers.ts';

export interface TransitionSummaryOptions {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  kind: TransitionRow['kind'];
  /** Only moves of customers with this attribution (see JourneyFilter). */
  filter?: JourneyFilter;
}

export interface TransitionCount {
  from_value: string | null;
  to_value: string;
  count: number;
}

/**
 * The history of moves. Every write here also keeps the daily summaries (JourneySummaryRepository) in
 * step, on the same executor, so inside the caller's transaction both change together or not at all.
 */
export class TransitionRepository {
  constructor(private readonly db: Executor) {}

  async insertMany(rows: readonly NewTransition[]): Promise<void> {
    // 11 bound values a row.
    for (const part of chunks(rows, 200)) await this.db.insertInto('transitions').values(part).execute();
    await new JourneySummaryRepository(this.db).add(rows.map(summarized), 1);
  }

  /** Removes a customer's history before a replay writes it again. Returns how many were removed. */
  async deleteForCustomer(workspaceId: string, customerId: string): Promise<number> {
    const removed = await this.db
      .selectFrom('transitions')
      .select([
        'workspace_id',
        'kind',
        'from_value',
        'to_value',
        'at',
        'since',
        'first_channel',
        'home_branch_id',
        'since_home_branch_id',
        'cause_name',
        'channel',
      ])
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .execute();
    if (removed.length === 0) return 0;
    await this.db
      .deleteFrom('transitions')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .execute();
    await new JourneySummaryRepository(this.db).add(removed, -1);
    return removed.length;
  }

  /**
   * Removes every transition of a workspace but erased customers' (see erasedCustomerIds), and its
   * summaries, before a rebuild writes them again (and the summaries from all of them).
   */
  async deleteWorkspace(workspaceId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('transitions')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'not in', erasedCustomerIds(this.db, workspaceId))
      .executeTakeFirst();
    await new JourneySummaryRepository(this.db).clear(workspaceId);
    return Number(result.numDeletedRows);
  }

  listForCustomer(workspaceId: string, customerId: string): Promise<TransitionRow[]> {
    return this.db
      .selectFrom('transitions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  /**
   * A customer's newest transitions first, at most `limit`, before a position (exclusive): a bare time
   * means `at < before`, a time and id also takes the older ones at that same time. The timeline pages back with it.
   */
  newestForCustomer(
    workspaceId: string,
    customerId: string,
    options: { limit: number; before?: number | { at: number; id: number } },
  ): Promise<TransitionRow[]> {
    const { before, limit } = options;
    let query = this.db
      .selectFrom('transitions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId);
    if (typeof before === 'number') query = query.where('at', '<', before);
    else if (before !== undefined) {
      query = query.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(before.at, before.id)));
    }
    return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * How many moves of this kind went from each value to each other value in [from, to): the transition
   * matrix, counted from the transitions themselves. For whole local days JourneyRepository.moves reads
   * the same from the daily summaries.
   */
  async summary(workspaceId: string, options: TransitionSummaryOptions): Promise<TransitionCount[]> {
    const query = this.db
      .selectFrom('transitions')
      .select((eb) => ['from_value', 'to_value', eb.fn.countAll<number>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('at', '>=', options.from)
      .where('at', '<', options.to)
      .where('kind', '=', options.kind);
    const rows = await query
      .where(journeyFilterSql(options.filter, 'home_branch_id'))
      .groupBy(['from_value', 'to_value'])
      .orderBy('from_value', (ob) => ob.asc().nullsFirst())
      .orderBy('to_value')
      .execute();
    return rows.map((row) => ({
      from_value: row.from_value,
      to_value: row.to_value,
      count: Number(row.count),
    }));
  }
}

function summarized(row: NewTransition) {
  return {
    workspace_id: row.workspace_id,
    kind: row.kind,
    from_value: row.from_value ?? null,
    to_value: row.to_value,
    at: row.at,
    since: row.since ?? null,
    first_channel: row.first_channel ?? null,
    home_branch_id: row.home_branch_id ?? null,
    since_home_branch_id: row.since_home_branch_id ?? null,
    cause_name: row.cause_name ?? null,
    channel: row.channel ?? null,
  };
}
