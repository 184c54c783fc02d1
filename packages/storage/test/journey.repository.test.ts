import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  dayNumber,
  JourneyRepository,
  JourneyStateRepository,
  JourneySummaryRepository,
  TransitionRepository,
  WorkspaceRepository,
  type NewTransition,
  type Store,
} from '../src/index.ts';
import { aJourneyState, aTransition, aWorkspace, DAY } from './factories.ts';
import { openTestStore } from './test-database.ts';

const HOUR = 3_600_000;
const STAGES = ['awareness', 'consideration', 'purchase', 'experience', 'retention', 'advocacy'];
/** Monday 2 November 2026, 00:00 in Jakarta. */
const NOV2 = Date.UTC(2026, 10, 1, 17);
const day = (text: string) => dayNumber(text)!;
const NOVEMBER = { fromDay: day('2026-11-01'), toDay: day('2026-11-30') };

describe('JourneyRepository', () => {
  let store: Store;
  let journey: JourneyRepository;
  let transitions: TransitionRepository;
  let ws: string;
  beforeAll(async () => {
    store = await openTestStore();
    journey = new JourneyRepository(store.db);
    transitions = new TransitionRepository(store.db);
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  });

  /** One customer's path: each step enters `to` at `at`, leaving the stage the step before entered. */
  function path(
    customer: string,
    steps: [to: string, at: number, branch?: string][],
    channel = 'web',
  ): NewTransition[] {
    return steps.map(([to, at, branch], i) => {
      const previous = steps[i - 1];
      return aTransition({
        workspace_id: ws,
        customer_id: customer,
        from_value: previous?.[0] ?? null,
        to_value: to,
        at,
        since: previous?.[1] ?? null,
        first_channel: channel,
        home_branch_id: branch ?? previous?.[2] ?? null,
        since_home_branch_id: previous?.[2] ?? null,
      });
    });
  }

  const step = async (stage: string) =>
    (await journey.funnel(ws, { stages: STAGES, range: NOVEMBER })).find((s) => s.stage === stage)!;

  it('counts entries of the period and the share of those visits that moved on by now', async () => {
    await transitions.insertMany([
      ...path('siti', [
        ['awareness', NOV2],
        ['consideration', NOV2 + 2 * DAY],
      ]),
      // Moved on after the period ended: still counted, the funnel asks "by now".
      ...path('budi', [
        ['awareness', NOV2 + DAY],
        ['purchase', NOV2 + 40 * DAY],
      ]),
      ...path('ani', [['awareness', NOV2 + 3 * DAY]]),
      // Entered before the period: neither the entry nor its move on belongs to November.
      ...path('dewi', [
        ['awareness', NOV2 - 5 * DAY],
        ['consideration', NOV2 + DAY],
      ]),
    ]);
    const awareness = await step('awareness');
    expect(awareness).toMatchObject({ entered: 3, left: 2, movedOn: 2 });
    expect(awareness.next).toEqual([
      { stage: 'consideration', count: 1 },
      { stage: 'purchase', count: 1 },
    ]);
    expect((await step('consideration')).entered).toBe(2);
  });

  it('does not count a move back as moving on, though it ends the visit', async () => {
    await transitions.insertMany([
      ...path('siti', [
        ['retention', NOV2],
        ['purchase', NOV2 + DAY],
      ]),
      ...path('budi', [
        ['retention', NOV2],
        ['advocacy', NOV2 + 3 * DAY],
      ]),
    ]);
    const retention = await step('retention');
    expect(retention).toMatchObject({ entered: 2, left: 2, movedOn: 1 });
    expect(retention.medianToMoveOnMs! / DAY).toBeCloseTo(3, 0);
    expect(retention.medianInStageMs! / DAY).toBeGreaterThan(1);
  });

  it('reads the median time to move on within 5% of the exact one', async () => {
    const waits = [2, 5, 9, 26, 70, 200, 410].map((h) => h * HOUR);
    await transitions.insertMany(
      waits.flatMap((wait, i) =>
        path(`c${i}`, [
          ['consideration', NOV2 + i * HOUR],
          ['purchase', NOV2 + i * HOUR + wait],
        ]),
      ),
    );
    const consideration = await step('consideration');
    expect(consideration.movedOn).toBe(7);
    expect(Math.abs(consideration.medianToMoveOnMs! / (26 * HOUR) - 1)).toBeLessThan(0.05);
    expect((await step('purchase')).medianToMoveOnMs).toBeNull();
  });

  it('answers for one channel, and for branches by the branch a visit began at', async () => {
    await transitions.insertMany([
      ...path(
        'siti',
        [
          ['purchase', NOV2, 'br_kemang'],
          ['experience', NOV2 + DAY, 'br_dago'],
        ],
        'store',
      ),
      ...path('budi', [['purchase', NOV2, 'br_dago']], 'ads'),
    ]);
    const purchase = async (filter: object) =>
      (await journey.funnel(ws, { stages: STAGES, range: NOVEMBER, filter })).find(
        (s) => s.stage === 'purchase',
      )!;
    expect(await purchase({ channel: 'store' })).toMatchObject({ entered: 1, movedOn: 1 });
    expect(await purchase({ channel: 'ads' })).toMatchObject({ entered: 1, movedOn: 0 });
    expect(await purchase({ branchIds: ['br_kemang'] })).toMatchObject({ entered: 1, movedOn: 1 });
    expect(await purchase({ branchIds: ['br_dago'] })).toMatchObject({ entered: 1, movedOn: 0 });
    expect(await purchase({ branchIds: [] })).toMatchObject({ entered: 0, movedOn: 0 });
    const experience = await journey.funnel(ws, {
      stages: STAGES,
      range: NOVEMBER,
      filter: { branchIds: ['br_dago'] },
    });
    expect(experience.find((s) => s.stage === 'experience')?.entered).toBe(1);
  });

  it('cuts days in the workspace time zone', async () => {
    const jayapura = (
      await new WorkspaceRepository(store.db).create(aWorkspace({ timezone: 'Asia/Jayapura' }))
    ).id;
    // 22:30 UTC on 31 October: 1 November in Jakarta (+7) and in Jayapura (+9) alike; 16:30 UTC is not.
    const at = [Date.UTC(2026, 9, 31, 22, 30), Date.UTC(2026, 9, 31, 16, 30)];
    for (const workspace of [ws, jayapura]) {
      await transitions.insertMany(
        at.map((t, i) => aTransition({ workspace_id: workspace, customer_id: `c${i}`, at: t })),
      );
    }
    const firstOfNovember = { fromDay: day('2026-11-01'), toDay: day('2026-11-01') };
    const entered = async (workspace: string) =>
      (await journey.funnel(workspace, { stages: STAGES, range: firstOfNovember }))[0]!.entered;
    expect(await entered(ws)).toBe(1);
    expect(await entered(jayapura)).toBe(2);
  });

  it('gives entries per ISO week, Monday to Sunday, local time', async () => {
    await transitions.insertMany([
      ...path('a', [['awareness', NOV2 - HOUR]]), // Sunday 1 November, 23:00 WIB
      ...path('b', [['awareness', NOV2 + HOUR]]), // Monday 2 November
      ...path('c', [
        ['awareness', NOV2 + 6 * DAY + 23 * HOUR],
        ['consideration', NOV2 + 7 * DAY],
      ]),
    ]);
    expect(await journey.weeklyEntries(ws, NOVEMBER)).toEqual([
      { weekStart: day('2026-10-26'), stage: 'awareness', entries: 1 },
      { weekStart: day('2026-11-02'), stage: 'awareness', entries: 2 },
      { weekStart: day('2026-11-09'), stage: 'consideration', entries: 1 },
    ]);
    expect(await journey.weeklyEntries(ws, NOVEMBER, { channel: 'ads' })).toEqual([]);
  });

  it('reads the transition matrix of whole days from the summaries as the transitions give it', async () => {
    await transitions.insertMany([
      ...path('siti', [
        ['awareness', NOV2],
        ['purchase', NOV2 + DAY],
        ['awareness', NOV2 + 2 * DAY],
      ]),
      ...path(
        'budi',
        [
          ['purchase', NOV2 + HOUR, 'br_kemang'],
          ['retention', NOV2 + 3 * DAY],
        ],
        'store',
      ),
      aTransition({
        workspace_id: ws,
        customer_id: 'budi',
        kind: 'status',
        from_value: 'new',
        to_value: 'active',
        at: NOV2,
      }),
    ]);
    const range = { fromDay: day('2026-11-02'), toDay: day('2026-11-04') };
    const instants = { from: NOV2, to: NOV2 + 3 * DAY };
    for (const filter of [undefined, { channel: 'store' }, { branchIds: ['br_kemang'] }]) {
      for (const kind of ['stage', 'status'] as const) {
        expect(await journey.moves(ws, kind, range, filter)).toEqual(
          await transitions.summary(ws, { ...instants, kind, ...(filter ? { filter } : {}) }),
        );
      }
    }
    expect(await journey.moves(ws, 'stage', range)).toContainEqual({
      from_value: 'purchase',
      to_value: 'awareness',
      count: 1,
    });
  });

  it('keeps the summaries equal to the transitions through replays and rebuilds', async () => {
    await transitions.insertMany([
      ...path('siti', [
        ['awareness', NOV2],
        ['consideration', NOV2 + DAY],
      ]),
      ...path('budi', [
        ['awareness', NOV2],
        ['purchase', NOV2 + 2 * DAY],
      ]),
    ]);
    expect(await transitions.deleteForCustomer(ws, 'siti')).toBe(2);
    const afterReplay = await journey.funnel(ws, { stages: STAGES, range: NOVEMBER });
    expect(afterReplay[0]).toMatchObject({ entered: 1, movedOn: 1 });
    expect(afterReplay[1]).toMatchObject({ entered: 0 });
    await new JourneySummaryRepository(store.db).recompute(ws);
    expect(await journey.funnel(ws, { stages: STAGES, range: NOVEMBER })).toEqual(afterReplay);
    await transitions.deleteWorkspace(ws);
    expect(await journey.weeklyEntries(ws, NOVEMBER)).toEqual([]);
  });

  it('counts customers per stage and status now for a channel and a branch', async () => {
    const states = new JourneyStateRepository(store.db);
    await states.upsertMany([
      aJourneyState({
        workspace_id: ws,
        customer_id: 'a',
        stage: 'purchase',
        status: 'active',
        first_channel: 'ads',
        home_branch_id: 'br_kemang',
      }),
      aJourneyState({
        workspace_id: ws,
        customer_id: 'b',
        stage: 'purchase',
        status: 'new',
        first_channel: 'web',
        home_branch_id: 'br_kemang',
      }),
      aJourneyState({
        workspace_id: ws,
        customer_id: 'c',
        stage: 'awareness',
        status: 'new',
        first_channel: 'ads',
      }),
    ]);
    expect((await journey.nowCounts(ws, { channel: 'ads' })).stages).toEqual([
      { stage: 'awareness', count: 1 },
      { stage: 'purchase', count: 1 },
    ]);
    expect((await journey.nowCounts(ws, { branchIds: ['br_kemang'] })).stages).toEqual([
      { stage: 'purchase', count: 2 },
    ]);
    expect((await journey.nowCounts(ws, { channel: 'ads', branchIds: ['br_kemang'] })).statuses).toEqual([
      { status: 'active', count: 1 },
    ]);
    expect((await journey.nowCounts(ws)).statuses).toHaveLength(2);

    // The counts follow every write of the states, and equal a count of them made afresh.
    await states.upsert(
      aJourneyState({
        workspace_id: ws,
        customer_id: 'c',
        stage: 'purchase',
        status: 'active',
        first_channel: 'ads',
      }),
    );
    await states.delete(ws, 'b');
    await states.upsertMany([
      aJourneyState({ workspace_id: ws, customer_id: 'd', stage: null, status: 'new' }),
    ]);
    const kept = await journey.nowCounts(ws);
    expect(kept.stages).toEqual([
      { stage: null, count: 1 },
      { stage: 'purchase', count: 2 },
    ]);
    await new JourneySummaryRepository(store.db).recompute(ws);
    expect(await journey.nowCounts(ws)).toEqual(kept);
    await states.deleteWorkspace(ws);
    expect(await journey.nowCounts(ws)).toEqual({ stages: [], statuses: [] });
  });
});
