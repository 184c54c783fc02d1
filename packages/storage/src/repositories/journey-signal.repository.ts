import type { JourneySignalRow, NewJourneySignal } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';
import { erasedCustomerIds } from './erased-customers.ts';
import { JourneySummaryRepository } from './journey-summary.repository.ts';

/**
 * Feedback and negative experiences with the stage they happened in. Rows are derived from the events
 * by the journey engine and have the lifecycle of transitions: replaced when a customer is replayed,
 * removed and written again by a rebuild. Every write here keeps the monthly sums of the signals
 * (JourneySummaryRepository) in step, in the same transaction.
 */
export class JourneySignalRepository {
  constructor(private readonly db: Executor) {}

  /** 12 bound values a row. */
  async insertMany(rows: readonly NewJourneySignal[]): Promise<void> {
    for (const part of chunks(rows, 400)) await this.db.insertInto('journey_signals').values(part).execute();
    await new JourneySummaryRepository(this.db).addSignals(rows, 1);
  }

  listForCustomer(workspaceId: string, customerId: string): Promise<JourneySignalRow[]> {
    return this.db
      .selectFrom('journey_signals')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .orderBy('at')
      .orderBy('cause')
      .execute();
  }

  /** Removes the signals of these customers; returns how many were removed. */
  async deleteForCustomers(workspaceId: string, customerIds: readonly string[]): Promise<number> {
    let removed = 0;
    const summaries = new JourneySummaryRepository(this.db);
    for (const part of chunks([...new Set(customerIds)])) {
      const rows = await this.db
        .deleteFrom('journey_signals')
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', part)
        .returning([
          'workspace_id',
          'at',
          'stage',
          'name',
          'measure',
          'score',
          'sentiment',
          'negative',
          'first_channel',
          'home_branch_id',
        ])
        .execute();
      await summaries.addSignals(rows, -1);
      removed += rows.length;
    }
    return removed;
  }

  /** Removes every signal of a workspace but erased customers' (see erasedCustomerIds), before a rebuild. */
  async deleteWorkspace(workspaceId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('journey_signals')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'not in', erasedCustomerIds(this.db, workspaceId))
      .executeTakeFirst();
    // What is left (erased customers' signals) is summed anew.
    await new JourneySummaryRepository(this.db).recomputeSignals(workspaceId);
    return Number(result.numDeletedRows);
  }
}
