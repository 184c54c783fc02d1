import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BENCH_SHOP } from '../packages/cli/src/demo/index.ts';
import { timeGets } from './api.ts';
import { say } from './progress.ts';
import type { ChildServer } from './processes.ts';
import { timing, type Timing } from './stats.ts';
import { DAY_MS, YEAR_START } from './workload.ts';

/** One timed journey read: what the dashboard asks, and how long the server took to answer it. */
export interface ReadMeasure {
  label: string;
  timing: Timing;
}

export interface ReadFigures {
  requests: number;
  /** The branch the filtered reads ask for (the first outlet of the workload's shop). */
  branch: string;
  overview: Timing;
  transitionsLast30Days: Timing;
  transitionsWholeYear: Timing;
  /** The journey pages' other reads: the funnel, the weekly trend and the map, with and without a filter. */
  journey: ReadMeasure[];
  /** The same server answering GET /health: the cost of a request with no work in it. */
  health: Timing;
}

/**
 * The workload's sales name the shop's outlets by the profile's ids (`br_malioboro` ...). Registered as
 * branches of the bench workspace, with the server stopped, as an owner would add them in settings (the
 * API gives new branches ids of its own), so the journey reads can filter by one.
 */
export function registerWorkloadBranches(dataDir: string, workspaceId: string): string {
  const db = new BetterSqlite3(join(dataDir, 'jejak.sqlite'));
  try {
    const insert = db.prepare(
      `insert or ignore into branches (id, workspace_id, name, address, timezone, currency, created_at)
       values (?, ?, ?, ?, 'Asia/Jakarta', 'IDR', ?)`,
    );
    for (const b of BENCH_SHOP.branches) insert.run(b.id, workspaceId, b.name, b.city, YEAR_START);
  } finally {
    db.close();
  }
  return BENCH_SHOP.branches[0]!.id;
}

/** One GET at a time against the running server, as a dashboard opening its pages would send them. */
export async function measureReads(
  server: ChildServer,
  adminKey: string,
  workspaceId: string,
  days: number,
  requests: number,
  branch: string,
): Promise<ReadFigures> {
  const headers = { authorization: `Bearer ${adminKey}` };
  const workspace = `${server.url}/api/v1/workspaces/${workspaceId}`;
  const base = `${workspace}/journey`;
  const end = YEAR_START + days * DAY_MS;
  const iso = (at: number) => new Date(at).toISOString();
  // The simulated year in Jakarta days, as the dashboard's period picker sends them.
  const day = (at: number) => new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
  const last30 = `from=${day(end - 30 * DAY_MS)}&to=${day(end - DAY_MS)}`;
  const year = `from=${day(YEAR_START)}&to=${day(end - DAY_MS)}`;
  const time = async (label: string, url: string, withKey = true) => {
    say(`reads: ${requests} x ${label}`);
    return timing((await timeGets(url, withKey ? headers : {}, requests)).latenciesMs);
  };
  const figures: ReadFigures = {
    requests,
    branch,
    health: await time('GET /health', `${server.url}/health`, false),
    overview: await time('GET journey/overview', `${base}/overview`),
    transitionsLast30Days: await time(
      'GET journey/transitions, last 30 days',
      `${base}/transitions?from=${iso(end - 30 * DAY_MS)}&to=${iso(end)}`,
    ),
    transitionsWholeYear: await time(
      'GET journey/transitions, whole year',
      `${base}/transitions?from=${iso(YEAR_START)}&to=${iso(end)}`,
    ),
    journey: [],
  };
  // Every request the overview and journey-map pages send for their data (apps/web/src/journey,
  // apps/web/src/journey-map), as they send them: the overview's counts, funnel, weekly trend and Sankey,
  // the map, and the branches of the filter bar; the default period (the last 30 days), the whole year,
  // and a channel or a branch chosen. Paths are under the workspace.
  const journey: [label: string, path: string][] = [
    ['GET branches (the filter bar of both pages)', 'branches'],
    ['GET journey/overview, one branch', `journey/overview?branch=${branch}`],
    ['GET journey/overview, one channel', 'journey/overview?channel=ads'],
    ['GET journey/funnel, last 30 days', `journey/funnel?${last30}`],
    ['GET journey/funnel, last 30 days, one branch', `journey/funnel?${last30}&branch=${branch}`],
    ['GET journey/funnel, whole year', `journey/funnel?${year}`],
    ['GET journey/funnel, whole year, one channel', `journey/funnel?${year}&channel=ads`],
    ['GET journey/trend, last 30 days', `journey/trend?${last30}`],
    ['GET journey/trend, whole year', `journey/trend?${year}`],
    ['GET journey/trend, whole year, one branch', `journey/trend?${year}&branch=${branch}`],
    ['GET journey/map, last 30 days', `journey/map?${last30}`],
    ['GET journey/map, last 30 days, one branch', `journey/map?${last30}&branch=${branch}`],
    ['GET journey/map, whole year', `journey/map?${year}`],
    ['GET journey/map, whole year, one channel', `journey/map?${year}&channel=ads`],
    ['GET journey/map, whole year, one branch', `journey/map?${year}&branch=${branch}`],
    [
      'GET journey/transitions, last 30 days, one branch',
      `journey/transitions?from=${iso(end - 30 * DAY_MS)}&to=${iso(end)}&branch=${branch}`,
    ],
    [
      'GET journey/transitions, whole year, one channel',
      `journey/transitions?from=${iso(YEAR_START)}&to=${iso(end)}&channel=ads`,
    ],
  ];
  for (const [label, path] of journey) {
    figures.journey.push({ label, timing: await time(label, `${workspace}/${path}`) });
  }
  return figures;
}
