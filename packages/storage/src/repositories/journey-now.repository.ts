import { sql } from 'kysely';
import type { JourneyStateRow } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';

/** What the counts of now read of a state: where the customer is, and his attribution. */
export type CountedState = Pick<
  JourneyStateRow,
  'workspace_id' | 'stage' | 'status' | 'first_channel' | 'home_branch_id'
>;

const SEP = '\u001f';

/**
 * Customers per stage, status, first channel and branch now (journey_now_counts), kept in step with
 * journey_states by JourneyStateRepository in the same transaction: "how many are in each stage" is a
 * sum over a few hundred rows instead of a count over every customer, with or without a filter.
 */
export class JourneyNowRepository {
  constructor(private readonly db: Executor) {}

  /** Moves counts from the states before a write to the states after it (either side may be empty). */
  async change(before: readonly CountedState[], after: readonly CountedState[]): Promise<void> {
    const deltas = new Map<string, number>();
    const add = (state: CountedState, sign: number) => {
      const key = [
        state.workspace_id,
        state.first_channel,
        state.home_branch_id,
        state.stage ?? '',
        state.status,
      ].join(SEP);
      deltas.set(key, (deltas.get(key) ?? 0) + sign);
    };
    for (const state of before) add(state, -1);
    for (const state of after) add(state, 1);
    // Sorted: concurrent transactions on PostgreSQL then lock the rows they share in the same order.
    const rows = [...deltas]
      .filter(([, delta]) => delta !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, customers]) => {
        const [workspace_id, first_channel, home_branch_id, stage, status] = key.split(SEP) as [
          string,
          string,
          string,
          string,
          string,
        ];
        return { workspace_id, first_channel, home_branch_id, stage, status, customers };
      });
    for (const part of chunks(rows, 500)) {
      await this.db
        .insertInto('journey_now_counts')
        .values(part)
        .onConflict((oc) =>
          oc
            .columns(['workspace_id', 'first_channel', 'home_branch_id', 'stage', 'status'])
            .doUpdateSet((eb) => ({
              customers: eb('journey_now_counts.customers', '+', eb.ref('excluded.customers')),
            })),
        )
        .execute();
    }
  }

  async clear(workspaceId: string): Promise<void> {
    await this.db.deleteFrom('journey_now_counts').where('workspace_id', '=', workspaceId).execute();
  }

  /** Counts a workspace's states anew (after a rebuild wrote them in bulk). */
  async recompute(workspaceId: string): Promise<void> {
    await this.clear(workspaceId);
    await sql`insert into journey_now_counts
        (workspace_id, first_channel, home_branch_id, stage, status, customers)
      select workspace_id, first_channel, home_branch_id, coalesce(stage, ''), status, count(*)
      from journey_states where workspace_id = ${workspaceId}
      group by workspace_id, first_channel, home_branch_id, coalesce(stage, ''), status`.execute(this.db);
  }
}
