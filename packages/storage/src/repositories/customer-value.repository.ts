import type {
  CustomerValueFit,
  CustomerValuePrediction,
  CustomerValueRun,
  NewCustomerValueFit,
  NewCustomerValueRun,
} from '../customer-value.schema.ts';
import { chunks, type Executor } from './executor.ts';

/** What a customer paid in one order, net of refunds; voided and fully refunded orders are not purchases. */
export interface CustomerPurchaseRow {
  customer_id: string;
  completed_at: number;
  amount: number;
}

export type NewPrediction = Omit<CustomerValuePrediction, 'workspace_id' | 'fit_id'>;

export interface PredictionWithName extends CustomerValuePrediction {
  customer_name: string | null;
}

export class CustomerValueRepository {
  constructor(private readonly db: Executor) {}

  /** Known customers' purchases, with merged customers' orders under the customer they were merged into. */
  async purchases(workspaceId: string): Promise<CustomerPurchaseRow[]> {
    const [orders, merged] = await Promise.all([
      this.db
        .selectFrom('orders')
        .select(['customer_id', 'completed_at', 'total', 'refunded_total'])
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'is not', null)
        .where('status', 'in', ['completed', 'partially_refunded'])
        .execute(),
      this.db
        .selectFrom('customers')
        .select(['id', 'merged_into'])
        .where('workspace_id', '=', workspaceId)
        .where('merged_into', 'is not', null)
        .execute(),
    ]);
    const into = new Map(merged.map((m) => [m.id, m.merged_into!]));
    const resolve = (id: string): string => {
      for (let hops = 0; hops < 64 && into.has(id); hops++) id = into.get(id)!;
      return id;
    };
    return orders.map((o) => ({
      customer_id: resolve(o.customer_id!),
      completed_at: Number(o.completed_at),
      amount: Number(o.total) - Number(o.refunded_total),
    }));
  }

  /** Stores a fit and makes its predictions the workspace's current ones. Run it in a transaction. */
  async saveFit(fit: NewCustomerValueFit, predictions: readonly NewPrediction[]): Promise<CustomerValueFit> {
    const saved = await this.db
      .insertInto('customer_value_fits')
      .values(fit)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.db
      .deleteFrom('customer_value_predictions')
      .where('workspace_id', '=', fit.workspace_id)
      .execute();
    for (const rows of chunks(predictions, 40)) {
      await this.db
        .insertInto('customer_value_predictions')
        .values(rows.map((p) => ({ ...p, workspace_id: fit.workspace_id, fit_id: Number(saved.id) })))
        .execute();
    }
    return { ...saved, id: Number(saved.id) };
  }

  async latestFit(workspaceId: string): Promise<CustomerValueFit | undefined> {
    const fit = await this.db
      .selectFrom('customer_value_fits')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return fit && { ...fit, id: Number(fit.id), fitted_at: Number(fit.fitted_at) };
  }

  /** Current predictions, highest value first (ties by customer id), after `offset`. */
  async predictions(
    workspaceId: string,
    options: { limit: number; offset: number; maxProbabilityAlive?: number },
  ): Promise<PredictionWithName[]> {
    let query = this.db
      .selectFrom('customer_value_predictions as p')
      .innerJoin('customers as c', (join) =>
        join.onRef('c.id', '=', 'p.customer_id').onRef('c.workspace_id', '=', 'p.workspace_id'),
      )
      .selectAll('p')
      .select('c.name as customer_name')
      .where('p.workspace_id', '=', workspaceId)
      .where('c.merged_into', 'is', null);
    if (options.maxProbabilityAlive !== undefined)
      query = query.where('p.probability_alive', '<=', options.maxProbabilityAlive);
    const rows = await query
      .orderBy('p.value', 'desc')
      .orderBy('p.customer_id')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return rows.map((r) => ({ ...r, fit_id: Number(r.fit_id) }));
  }

  async count(workspaceId: string, maxProbabilityAlive?: number): Promise<number> {
    let query = this.db
      .selectFrom('customer_value_predictions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('workspace_id', '=', workspaceId);
    if (maxProbabilityAlive !== undefined)
      query = query.where('probability_alive', '<=', maxProbabilityAlive);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  async forCustomer(workspaceId: string, customerId: string): Promise<CustomerValuePrediction | undefined> {
    const row = await this.db
      .selectFrom('customer_value_predictions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return row && { ...row, fit_id: Number(row.fit_id) };
  }

  async recordRun(run: NewCustomerValueRun): Promise<void> {
    await this.db.insertInto('customer_value_runs').values(run).execute();
  }

  async latestRun(workspaceId: string): Promise<CustomerValueRun | undefined> {
    const run = await this.db
      .selectFrom('customer_value_runs')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('ran_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return (
      run && {
        ...run,
        ran_at: Number(run.ran_at),
        fit_id: run.fit_id === null ? null : Number(run.fit_id),
        statuses_sent: Number(run.statuses_sent),
      }
    );
  }

  /** Erasure: a prediction says how a person buys. */
  async deleteCustomer(workspaceId: string, customerId: string): Promise<void> {
    await this.db
      .deleteFrom('customer_value_predictions')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .execute();
  }
}
