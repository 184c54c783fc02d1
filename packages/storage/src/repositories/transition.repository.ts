import type { NewTransition, TransitionRow } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';

export interface TransitionSummaryOptions {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  kind: TransitionRow['kind'];
}

export interface TransitionCount {
  from_value: string | null;
  to_value: string;
  count: number;
}

export class TransitionRepository {
  constructor(private readonly db: Executor) {}

  async insertMany(rows: readonly NewTransition[]): Promise<void> {
    for (const part of chunks(rows, 200)) await this.db.insertInto('transitions').values(part).execute();
  }

  /** Removes a customer's history before a replay writes it again. Returns how many were removed. */
  async deleteForCustomer(workspaceId: string, customerId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('transitions')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Removes every transition of a workspace before a rebuild writes them again. */
  async deleteWorkspace(workspaceId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('transitions')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
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

  /** How many moves of this kind went from each value to each other value in [from, to): the transition matrix. */
  async summary(workspaceId: string, options: TransitionSummaryOptions): Promise<TransitionCount[]> {
    const rows = await this.db
      .selectFrom('transitions')
      .select((eb) => ['from_value', 'to_value', eb.fn.countAll<number>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('at', '>=', options.from)
      .where('at', '<', options.to)
      .where('kind', '=', options.kind)
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
