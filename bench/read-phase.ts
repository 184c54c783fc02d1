import { timeGets } from './api.ts';
import { say } from './progress.ts';
import type { ChildServer } from './processes.ts';
import { timing, type Timing } from './stats.ts';
import { DAY_MS, YEAR_START } from './workload.ts';

export interface ReadFigures {
  requests: number;
  overview: Timing;
  transitionsLast30Days: Timing;
  transitionsWholeYear: Timing;
  /** The same server answering GET /health: the cost of a request with no work in it. */
  health: Timing;
}

/** One GET at a time against the running server, as a dashboard opening its pages would send them. */
export async function measureReads(
  server: ChildServer,
  adminKey: string,
  workspaceId: string,
  days: number,
  requests: number,
): Promise<ReadFigures> {
  const headers = { authorization: `Bearer ${adminKey}` };
  const base = `${server.url}/api/v1/workspaces/${workspaceId}/journey`;
  const end = YEAR_START + days * DAY_MS;
  const iso = (at: number) => new Date(at).toISOString();
  const time = async (label: string, url: string, withKey = true) => {
    say(`reads: ${requests} x ${label}`);
    return timing((await timeGets(url, withKey ? headers : {}, requests)).latenciesMs);
  };
  return {
    requests,
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
  };
}
