import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayNumber,
  isoWeekStart,
  JourneyMapRepository,
  JourneyRepository,
  JourneySignalRepository,
  JourneyStateRepository,
  JourneySummaryRepository,
  localDayOf,
  TransitionRepository,
  WorkspaceRepository,
  type JourneyFilter,
  type NewJourneySignal,
  type NewTransition,
  type Store,
} from '../src/index.ts';
import { aJourneyState, aTransition, aWorkspace, DAY, MINUTE } from './factories.ts';
import { openTestStore } from './test-database.ts';

/*
 * The journey pages' fast reads (daily, weekly and monthly summaries, the counts of now) against the straightforward
 * computation over the very transitions and states they summarize, on generated journeys: random paths
 * forward, back and skipping, over four months, some customers replayed (their history removed and
 * written again), with every filter the pages offer.
 */

const STAGES = ['awareness', 'consideration', 'purchase', 'experience', 'retention', 'advocacy'];
const CHANNELS = ['ads', 'web', 'whatsapp', 'store'];
const BRANCHES = ['br_kemang', 'br_dago', null];
const CAUSES = ['Ad Clicked', 'Page Viewed', 'Product Viewed', 'Order Completed', 'Review Posted', null];
const ZONE = 'Asia/Jakarta';
const START = Date.UTC(2026, 6, 1);
const DAYS = 120;
/** A stay read from the histogram lies in the bucket of the exact one: within 2^(1/8) (9.05%), or a minute. */
const BUCKET_RATIO = 2 ** (1 / 8);

/** A small seeded generator (mulberry32): the same journeys on every run and dialect. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

function journeys(workspaceId: string, customers: number, seed: number): NewTransition[] {
  const { next, pick } = random(seed);
  const rows: NewTransition[] = [];
  for (let c = 0; c < customers; c++) {
    const customer = `c${seed}-${c}`;
    const firstChannel = pick(CHANNELS);
    let branch = pick(BRANCHES);
    let at = START + Math.floor(next() * DAYS * DAY);
    let stage: string | null = null;
    let since: number | null = null;
    let sinceBranch: string | null = null;
    const steps = 1 + Math.floor(next() * 6);
    for (let s = 0; s < steps; s++) {
      const from: number = stage === null ? -1 : STAGES.indexOf(stage);
      // Mostly on by one, sometimes a skip, sometimes back.
      const roll = next();
      const to: number = roll < 0.7 ? from + 1 : roll < 0.85 ? from + 2 : Math.max(0, from - 1);
      const toStage: string = STAGES[Math.min(to, STAGES.length - 1)]!;
      if (toStage === stage) continue;
      if (next() < 0.2) branch = pick(BRANCHES);
      const cause = pick(CAUSES);
      rows.push(
        aTransition({
          workspace_id: workspaceId,
          customer_id: customer,
          from_value: stage,
          to_value: toStage,
          at,
          since,
          cause_name: cause,
          channel: cause === null ? null : pick(CHANNELS),
          first_channel: firstChannel,
          home_branch_id: branch,
          since_home_branch_id: stage === null ? null : sinceBranch,
        }),
      );
      if (next() < 0.5) {
        rows.push(
          aTransition({
            workspace_id: workspaceId,
            customer_id: customer,
            kind: 'status',
            from_value: 'new',
            to_value: 'active',
            at,
            first_channel: firstChannel,
            home_branch_id: branch,
          }),
        );
      }
      stage = toStage;
      since = at;
      sinceBranch = branch;
      // From under a minute to two months.
      at += Math.floor(Math.exp(next() * Math.log(60 * DAY)));
    }
  }
  return rows;
}

const MEASURES = ['rating', 'nps', 'csat', null];
const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
const SIGNAL_NAMES = ['Review Posted', 'Survey Responded', 'Ticket Opened', 'Order Refunded'];

/** Feedback and negative experiences spread over the same four months, some without a stage or score. */
function signals(workspaceId: string, count: number, seed: number): NewJourneySignal[] {
  const { next, pick } = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const measure = pick(MEASURES);
    const sentiment = pick(SENTIMENTS);
    return {
      workspace_id: workspaceId,
      customer_id: `s${seed}-${i % 150}`,
      cause: `m${seed}-${i}`,
      at: START + Math.floor(next() * DAYS * DAY),
      stage: next() < 0.1 ? null : pick(STAGES),
      name: pick(SIGNAL_NAMES),
      channel: pick(CHANNELS),
      branch_id: null,
      measure,
      // Halves add up exactly in floating point, whatever the order.
      score: measure === null ? null : Math.floor(next() * 21) / 2,
      sentiment,
      negative: sentiment === 'negative' || next() < 0.1 ? 1 : 0,
      first_channel: pick(CHANNELS),
      home_branch_id: pick(BRANCHES) ?? '',
    };
  });
}

const matches = (
  filter: JourneyFilter,
  channel: string | null | undefined,
  branch: string | null | undefined,
) =>
  (filter.channel === undefined || channel === filter.channel) &&
  (filter.branchIds === undefined || (branch != null && filter.branchIds.includes(branch)));

/** The nearest-rank quantile of exact stays, as the histogram places its rank. */
function exactQuantile(stays: number[], q: number): number | null {
  if (stays.length === 0) return null;
  const sorted = [...stays].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

function expectSameStay(read: number | null, exact: number | null): void {
  if (exact === null || read === null) return expect(read).toBe(exact);
  if (exact < MINUTE) return expect(read).toBeLessThanOrEqual(MINUTE);
  expect(read / exact).toBeGreaterThanOrEqual(1 / BUCKET_RATIO);
  expect(read / exact).toBeLessThanOrEqual(BUCKET_RATIO);
}

describe('the journey pages read from summaries what the transitions say', () => {
  let store: Store;
  let ws: string;
  let stored: NewTransition[];
  let feedback: NewJourneySignal[];
  const day = (at: number) => localDayOf(at, ZONE);
  const ranges = [
    { fromDay: dayNumber('2026-07-01')!, toDay: dayNumber('2026-07-31')! },
    { fromDay: dayNumber('2026-07-01')!, toDay: dayNumber('2026-12-31')! },
    { fromDay: dayNumber('2026-08-14')!, toDay: dayNumber('2026-08-14')! },
    { fromDay: dayNumber('2026-09-03')!, toDay: dayNumber('2026-10-20')! },
    // Days at both ends and whole months between: the monthly sums and the daily ones added.
    { fromDay: dayNumber('2026-07-14')!, toDay: dayNumber('2026-11-05')! },
  ];
  const filters: JourneyFilter[] = [
    {},
    { channel: 'whatsapp' },
    { branchIds: ['br_kemang'] },
    { channel: 'store', branchIds: ['br_dago', 'br_kemang'] },
    { branchIds: [] },
  ];
  const cases = ranges.flatMap((range) =>
    filters.map((filter) => ({ range, filter, days: `${range.fromDay}..${range.toDay}` })),
  );

  beforeAll(async () => {
    store = await openTestStore();
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace({ timezone: ZONE }))).id;
    const transitions = new TransitionRepository(store.db);
    stored = journeys(ws, 400, 7);
    for (let i = 0; i < stored.length; i += 250) await transitions.insertMany(stored.slice(i, i + 250));
    // Replays: a customer's history removed and written anew, as a late event does.
    const replayed = [...new Set(stored.map((t) => t.customer_id))].filter((_, i) => i % 9 === 0);
    for (const customer of replayed) {
      await transitions.deleteForCustomer(ws, customer);
      await transitions.insertMany(stored.filter((t) => t.customer_id === customer));
    }
    const signalRepository = new JourneySignalRepository(store.db);
    feedback = signals(ws, 1_500, 13);
    for (let i = 0; i < feedback.length; i += 250) await signalRepository.insertMany(feedback.slice(i, i + 250));
    // A replayed customer's signals are removed and written anew; some are gone for good (a merge).
    const replayedSignals = [...new Set(feedback.map((f) => f.customer_id))].filter((_, i) => i % 7 === 0);
    await signalRepository.deleteForCustomers(ws, replayedSignals);
    const gone = new Set(replayedSignals.filter((_, i) => i % 2 === 0));
    await signalRepository.insertMany(
      feedback.filter((f) => replayedSignals.includes(f.customer_id) && !gone.has(f.customer_id)),
    );
    feedback = feedback.filter((f) => !gone.has(f.customer_id));
  });
  afterAll(() => store.close());

  it.each(cases)('gives the funnel of $days for $filter', async ({ range, filter }) => {
    const inRange = (at: number) => day(at) >= range.fromDay && day(at) <= range.toDay;
    const moves = stored.filter((t) => t.kind === 'stage');
    const funnel = await new JourneyRepository(store.db).funnel(ws, { stages: STAGES, range, filter });
    STAGES.forEach((stage, i) => {
      const step = funnel[i]!;
      const entries = moves.filter(
        (t) => t.to_value === stage && inRange(t.at) && matches(filter, t.first_channel, t.home_branch_id),
      );
      const exits = moves.filter(
        (t) =>
          t.from_value === stage &&
          t.since != null &&
          inRange(t.since) &&
          matches(filter, t.first_channel, t.since_home_branch_id),
      );
      const forward = exits.filter((t) => STAGES.indexOf(t.to_value) > i);
      const stay = (t: NewTransition) => t.at - t.since!;
      expect(step.entered).toBe(entries.length);
      expect(step.left).toBe(exits.length);
      expect(step.movedOn).toBe(forward.length);
      const next = new Map<string, number>();
      for (const t of exits) next.set(t.to_value, (next.get(t.to_value) ?? 0) + 1);
      expect(Object.fromEntries(step.next.map((n) => [n.stage, n.count]))).toEqual(Object.fromEntries(next));
      expectSameStay(step.medianToMoveOnMs, exactQuantile(forward.map(stay), 0.5));
      expectSameStay(step.medianInStageMs, exactQuantile(exits.map(stay), 0.5));
      expectSameStay(step.longStayMs, exactQuantile(exits.map(stay), 0.9));
    });
  });

  it.each(cases)(
    'gives the entries by touchpoint and channel of $days for $filter',
    async ({ range, filter }) => {
      const map = new JourneyMapRepository(store.db);
      const entries = stored.filter(
        (t) =>
          t.kind === 'stage' &&
          day(t.at) >= range.fromDay &&
          day(t.at) <= range.toDay &&
          matches(filter, t.first_channel, t.home_branch_id),
      );
      const count = (value: (t: NewTransition) => string | null | undefined) => {
        const counts = new Map<string, number>();
        for (const t of entries) {
          const key = `${t.to_value}/${value(t) ?? '-'}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return Object.fromEntries(counts);
      };
      const read = (rows: { stage: string | null; value: string | null; entries: number }[]) =>
        Object.fromEntries(rows.map((r) => [`${r.stage}/${r.value ?? '-'}`, r.entries]));
      expect(read(await map.entriesByTouchpoint(ws, range, filter))).toEqual(count((t) => t.cause_name));
      expect(read(await map.entriesByChannel(ws, range, filter))).toEqual(count((t) => t.channel));
    },
  );

  it.each(cases)('gives the moves of $days for $filter', async ({ range, filter }) => {
    for (const kind of ['stage', 'status'] as const) {
      const counts = new Map<string, number>();
      for (const t of stored)
        if (
          t.kind === kind &&
          day(t.at) >= range.fromDay &&
          day(t.at) <= range.toDay &&
          matches(filter, t.first_channel, t.home_branch_id)
        ) {
          const key = `${t.from_value ?? '-'}>${t.to_value}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      const read = await new JourneyRepository(store.db).moves(ws, kind, range, filter);
      expect(Object.fromEntries(read.map((r) => [`${r.from_value ?? '-'}>${r.to_value}`, r.count]))).toEqual(
        Object.fromEntries(counts),
      );
    }
  });

  it.each(cases)('gives the weekly trend of $days for $filter', async ({ range, filter }) => {
    const counts = new Map<string, number>();
    for (const t of stored)
      if (
        t.kind === 'stage' &&
        day(t.at) >= range.fromDay &&
        day(t.at) <= range.toDay &&
        matches(filter, t.first_channel, t.home_branch_id)
      ) {
        const key = `${isoWeekStart(day(t.at))}/${t.to_value}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    const read = await new JourneyRepository(store.db).weeklyEntries(ws, range, filter);
    expect(Object.fromEntries(read.map((r) => [`${r.weekStart}/${r.stage}`, r.entries]))).toEqual(
      Object.fromEntries(counts),
    );
  });

  it.each(cases)('gives the sentiment and pain points of $days for $filter', async ({ range, filter }) => {
    const inPeriod = feedback.filter(
      (f) =>
        day(f.at) >= range.fromDay &&
        day(f.at) <= range.toDay &&
        matches(filter, f.first_channel, f.home_branch_id),
    );
    const sentiment = new Map<string, [number, number]>();
    const pains = new Map<string, number>();
    for (const f of inPeriod) {
      const key = `${f.stage ?? '-'}/${f.measure ?? '-'}/${f.sentiment}`;
      const [count, sum] = sentiment.get(key) ?? [0, 0];
      sentiment.set(key, [count + 1, sum + (f.score ?? 0)]);
      if (f.negative === 1) {
        const pain = `${f.stage ?? '-'}/${f.name}/${f.home_branch_id || '-'}`;
        pains.set(pain, (pains.get(pain) ?? 0) + 1);
      }
    }
    const map = new JourneyMapRepository(store.db);
    const read = await map.signals(ws, range, ZONE, filter);
    expect(
      Object.fromEntries(
        read.map((r) => [`${r.stage ?? '-'}/${r.measure ?? '-'}/${r.sentiment}`, [r.count, r.scoreSum]]),
      ),
    ).toEqual(Object.fromEntries(sentiment));
    const negatives = await map.negatives(ws, range, ZONE, filter);
    expect(
      Object.fromEntries(negatives.map((r) => [`${r.stage ?? '-'}/${r.name}/${r.branchId ?? '-'}`, r.count])),
    ).toEqual(Object.fromEntries(pains));
  });

  it('keeps the summaries it made on the way equal to the ones a rebuild makes', async () => {
    const summaries = async () => {
      const read = (
        table:
          | 'journey_daily_moves'
          | 'journey_daily_exits'
          | 'journey_daily_entries'
          | 'journey_monthly_exits'
          | 'journey_monthly_entries'
          | 'journey_monthly_moves'
          | 'journey_weekly_entries'
          | 'journey_monthly_signals'
          | 'journey_monthly_negatives',
      ) => store.db.selectFrom(table).selectAll().where('workspace_id', '=', ws).execute();
      const sorted = (rows: object[]) =>
        rows
          .map((r) => JSON.stringify(Object.values(r).map(String)))
          .filter((r) => !r.endsWith(',"0"]'))
          .sort();
      return {
        moves: sorted(await read('journey_daily_moves')),
        exits: sorted(await read('journey_daily_exits')),
        entries: sorted(await read('journey_daily_entries')),
        monthlyExits: sorted(await read('journey_monthly_exits')),
        monthlyEntries: sorted(await read('journey_monthly_entries')),
        monthlyMoves: sorted(await read('journey_monthly_moves')),
        weeklyEntries: sorted(await read('journey_weekly_entries')),
        monthlySignals: sorted(await read('journey_monthly_signals')),
        monthlyNegatives: sorted(await read('journey_monthly_negatives')),
      };
    };
    const kept = await summaries();
    expect(kept.entries.length).toBeGreaterThan(100);
    expect(kept.monthlyExits.length).toBeGreaterThan(100);
    expect(kept.monthlyMoves.length).toBeGreaterThan(100);
    expect(kept.weeklyEntries.length).toBeGreaterThan(100);
    expect(kept.monthlySignals.length).toBeGreaterThan(100);
    expect(kept.monthlyNegatives.length).toBeGreaterThan(100);
    await new JourneySummaryRepository(store.db).recompute(ws);
    expect(await summaries()).toEqual(kept);
  });

  it('counts customers per stage and status now as the states do, for every filter', async () => {
    const { next, pick } = random(11);
    const states = Array.from({ length: 300 }, (_, i) =>
      aJourneyState({
        workspace_id: ws,
        customer_id: `s${i}`,
        stage: next() < 0.1 ? null : pick(STAGES),
        status: pick(['new', 'active', 'at_risk', 'churned']),
        stage_entered_at: START + Math.floor(next() * DAYS * DAY),
        first_channel: pick(CHANNELS),
        home_branch_id: pick(BRANCHES) ?? '',
      }),
    );
    const repository = new JourneyStateRepository(store.db);
    await repository.upsertMany(states);
    // Some move on: the counts follow the states.
    await repository.upsertMany(
      states.filter((_, i) => i % 4 === 0).map((s) => ({ ...s, stage: 'advocacy' })),
    );
    const now = await store.db
      .selectFrom('journey_states')
      .selectAll()
      .where('workspace_id', '=', ws)
      .execute();
    const map = new JourneyMapRepository(store.db);
    for (const filter of filters) {
      const expected = new Map<string, number>();
      for (const s of now.filter((s) => matches(filter, s.first_channel, s.home_branch_id))) {
        const key = `${s.stage}/${s.status}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const read = await map.byStageAndStatus(ws, filter);
      expect(Object.fromEntries(read.map((r) => [`${r.stage}/${r.status}`, r.count]))).toEqual(
        Object.fromEntries(expected),
      );
      const before = START + 60 * DAY;
      const stuck = now.filter(
        (s) =>
          s.stage === 'consideration' &&
          s.stage_entered_at !== null &&
          s.stage_entered_at < before &&
          matches(filter, s.first_channel, s.home_branch_id),
      ).length;
      expect(await map.inStageSince(ws, 'consideration', before, filter)).toBe(stuck);
    }
  });
});
