import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  JourneySignalRepository,
  WorkspaceRepository,
  type NewJourneySignal,
  type Store,
} from '../src/index.ts';
import { aWorkspace, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

let counter = 0;
function aSignal(overrides: Partial<NewJourneySignal> & { workspace_id: string; customer_id: string }) {
  counter += 1;
  return {
    cause: `msg-${counter}`,
    at: T0 + counter,
    stage: 'experience',
    name: 'Survey Responded',
    channel: 'web',
    branch_id: null,
    measure: 'csat',
    score: 2,
    sentiment: 'negative',
    negative: 1,
    first_channel: 'web',
    home_branch_id: '',
    ...overrides,
  } satisfies NewJourneySignal;
}

describe('JourneySignalRepository', () => {
  let store: Store;
  let signals: JourneySignalRepository;
  let ws: string;
  beforeAll(async () => {
    store = await openTestStore();
    signals = new JourneySignalRepository(store.db);
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  });

  it('keeps a customer’s signals in time order, scores and all', async () => {
    await signals.insertMany([
      aSignal({ workspace_id: ws, customer_id: 'siti', at: T0 + 50, score: 4.5, measure: 'rating' }),
      aSignal({ workspace_id: ws, customer_id: 'siti', at: T0 + 10, measure: null, score: null }),
      aSignal({ workspace_id: ws, customer_id: 'budi' }),
    ]);
    const listed = await signals.listForCustomer(ws, 'siti');
    expect(listed.map((s) => [s.at, s.measure, s.score])).toEqual([
      [T0 + 10, null, null],
      [T0 + 50, 'rating', 4.5],
    ]);
  });

  it('removes the signals of some customers, or of the whole workspace', async () => {
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    await signals.insertMany([
      aSignal({ workspace_id: ws, customer_id: 'siti' }),
      aSignal({ workspace_id: ws, customer_id: 'siti' }),
      aSignal({ workspace_id: ws, customer_id: 'budi' }),
      aSignal({ workspace_id: other, customer_id: 'siti' }),
    ]);
    expect(await signals.deleteForCustomers(ws, ['siti', 'siti'])).toBe(2);
    expect(await signals.listForCustomer(ws, 'budi')).toHaveLength(1);
    expect(await signals.deleteWorkspace(ws)).toBe(1);
    expect(await signals.listForCustomer(other, 'siti')).toHaveLength(1);
  });
});
