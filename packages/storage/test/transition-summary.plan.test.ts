import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../src/index.ts';
import { openTestStore, testDialect } from './test-database.ts';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => store.close());

// Plans are the dialect's own business; SQLite's is stable enough to pin, PostgreSQL's depends on its statistics.
describe.skipIf(testDialect() !== 'sqlite')('transition summary plan', () => {
  it('answers the moves of a period from an index alone, without reading the table', async () => {
    const plan = await sql<{ detail: string }>`explain query plan
      select from_value, to_value, count(*) from transitions
      where workspace_id = ${'w'} and at >= ${0} and at < ${1} and kind = ${'stage'}
      group by from_value, to_value`.execute(store.db);
    expect(plan.rows.map((r) => r.detail).join(' | ')).toMatch(
      /COVERING INDEX transitions_workspace_kind_at/,
    );
  });
});
