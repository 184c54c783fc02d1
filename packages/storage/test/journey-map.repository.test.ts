import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  dayNumber,
  JourneyMapRepository,
  JourneySignalRepository,
  JourneyStateRepository,
  TransitionRepository,
  WorkspaceRepository,
  type NewJourneySignal,
  type Store,
} from '../src/index.ts';
import { DAY, T0, aJourneyState, aTransition, aWorkspace } from './factories.ts';
import { openTestStore } from './test-database.ts';

const ZONE = 'Asia/Jakarta';
/** The local days (Asia/Jakarta) of 1 to 7 January 2026: T0 is 07:00 on the 1st there. */
const DAYS = { fromDay: dayNumber('2026-01-01')!, toDay: dayNumber('2026-01-07')! };
const byStage = <T extends { stage: string | null }>(rows: T[]) =>
  rows.map((r) => Object.values(r)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('JourneyMapRepository', () => {
  let store: Store;
  let map: JourneyMapRepository;
  let ws: string;
  beforeAll(async () => {
    store = await openTestStore();
    map = new JourneyMapRepository(store.db);
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  });

  it('counts the entries of the days of the period into each stage by touchpoint and by channel', async () => {
    const enter = (to: string, at: number, cause_name: string | null, channel: string | null) =>
      aTransition({ workspace_id: ws, customer_id: `c${at}`, to_value: to, at, cause_name, channel });
    await new TransitionRepository(store.db).insertMany([
      enter('awareness', T0, 'Ad Clicked', 'ads'),
      enter('awareness', T0 + 1, 'Ad Clicked', 'ads'),
      enter('awareness', T0 + 2, 'Store Visited', 'store'),
      enter('experience', T0 + 3, null, null),
      enter('awareness', T0 - 7 * 3_600_000 - 1, 'Ad Clicked', 'ads'),
      enter('awareness', T0 + 7 * DAY - 7 * 3_600_000, 'Ad Clicked', 'ads'),
      { ...enter('awareness', T0 + 4, 'Ad Clicked', 'ads'), kind: 'status', to_value: 'new' },
    ]);
    expect(byStage(await map.entriesByTouchpoint(ws, DAYS))).toEqual([
      ['awareness', 'Ad Clicked', 2],
      ['awareness', 'Store Visited', 1],
      ['experience', null, 1],
    ]);
    expect(byStage(await map.entriesByChannel(ws, DAYS))).toEqual([
      ['awareness', 'ads', 2],
      ['awareness', 'store', 1],
      ['experience', null, 1],
    ]);
  });

  it('adds up the signals of the period per stage, measure and sentiment, and the negatives by touchpoint and branch', async () => {
    let n = 0;
    const signal = (over: Partial<NewJourneySignal>): NewJourneySignal => ({
      workspace_id: ws,
      customer_id: 'siti',
      cause: `m${(n += 1)}`,
      at: T0 + n,
      stage: 'experience',
      name: 'Survey Responded',
      channel: 'web',
      branch_id: null,
      measure: 'csat',
      score: 5,
      sentiment: 'positive',
      negative: 0,
      first_channel: 'web',
      home_branch_id: '',
      ...over,
    });
    await new JourneySignalRepository(store.db).insertMany([
      signal({ score: 5 }),
      signal({ score: 4 }),
      signal({
        score: 1,
        sentiment: 'negative',
        negative: 1,
        branch_id: 'br_kemang',
        home_branch_id: 'br_kemang',
      }),
      signal({
        name: 'Order Refunded',
        measure: null,
        score: null,
        sentiment: 'negative',
        negative: 1,
        home_branch_id: 'br_kemang',
      }),
      signal({ name: 'Order Refunded', measure: null, score: null, sentiment: 'negative', negative: 1 }),
      signal({ stage: 'advocacy', name: 'Review Posted', measure: 'rating', score: 5 }),
      signal({ at: T0 + 8 * DAY, score: 1, sentiment: 'negative', negative: 1 }),
    ]);
    expect(byStage(await map.signals(ws, DAYS, ZONE))).toEqual([
      ['advocacy', 'rating', 'positive', 1, 5],
      ['experience', 'csat', 'negative', 1, 1],
      ['experience', 'csat', 'positive', 2, 9],
      ['experience', null, 'negative', 2, 0],
    ]);
    expect(byStage(await map.negatives(ws, DAYS, ZONE))).toEqual([
      ['experience', 'Order Refunded', 'br_kemang', 1],
      ['experience', 'Order Refunded', null, 1],
      ['experience', 'Survey Responded', 'br_kemang', 1],
    ]);
    // The customers of one branch: the two bad experiences counted there, and nothing else.
    const kemang = { branchIds: ['br_kemang'] };
    expect(byStage(await map.signals(ws, DAYS, ZONE, kemang))).toEqual([
      ['experience', 'csat', 'negative', 1, 1],
      ['experience', null, 'negative', 1, 0],
    ]);
    expect(await map.negatives(ws, DAYS, ZONE, { channel: 'store' })).toEqual([]);
  });

  it('counts who is in a stage since before a moment, and the customers per stage and status', async () => {
    const states = new JourneyStateRepository(store.db);
    const state = (customer_id: string, stage: string, stage_entered_at: number, status = 'new') =>
      aJourneyState({ workspace_id: ws, customer_id, stage, stage_entered_at, status });
    await states.upsertMany([
      state('a', 'consideration', T0),
      state('b', 'consideration', T0 + DAY, 'at_risk'),
      state('c', 'consideration', T0 + 5 * DAY),
      state('d', 'retention', T0, 'at_risk'),
    ]);
    expect(await map.inStageSince(ws, 'consideration', T0 + 2 * DAY)).toBe(2);
    expect(await map.inStageSince(ws, 'consideration', T0)).toBe(0);
    expect(await map.inStageSince(ws, 'consideration', T0 + 2 * DAY, { channel: 'whatsapp' })).toBe(0);
    expect(byStage(await map.byStageAndStatus(ws))).toEqual([
      ['consideration', 'at_risk', 1],
      ['consideration', 'new', 2],
      ['retention', 'at_risk', 1],
    ]);
  });
});
