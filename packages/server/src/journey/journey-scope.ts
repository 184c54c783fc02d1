import type { Channel } from '@jejak/core';
import {
  BranchRepository,
  dayNumber,
  dayText,
  localDayOf,
  type DayRange,
  type JourneyFilter,
  type Store,
} from '@jejak/storage';
import type { Grant } from '../auth/principal.ts';
import { badRequest, notFound } from '../http/http-error.ts';

export interface FilterQuery {
  channel?: Channel;
  branch?: string;
}

/** The filter a journey question runs with, and how it is reported back. */
export interface JourneyScope {
  filter: JourneyFilter;
  applied: { channel: Channel | null; branches: string[] | null };
}

const DEFAULT_DAYS = 30;

/**
 * The customers a journey page may show this caller: those of the asked channel and branch. A manager
 * works at some branches only (DESIGN §5), so he sees his branches' customers: all of them when he asks
 * for no branch, and another branch is answered as missing, as the authorization layer does.
 */
export async function journeyScope(
  store: Store,
  grant: Grant | undefined,
  workspaceId: string,
  query: FilterQuery,
): Promise<JourneyScope> {
  const own = grant?.branchIds ?? 'all';
  let branches: string[] | null = own === 'all' ? null : [...own];
  if (query.branch !== undefined) {
    if (own !== 'all' && !own.includes(query.branch)) throw notFound(`Branch ${query.branch}`);
    if (!(await new BranchRepository(store.db).get(workspaceId, query.branch))) {
      throw badRequest(`branch '${query.branch}' is not a branch of this workspace`);
    }
    branches = [query.branch];
  }
  const filter: JourneyFilter = {
    ...(query.channel !== undefined ? { channel: query.channel } : {}),
    ...(branches !== null ? { branchIds: branches } : {}),
  };
  return { filter, applied: { channel: query.channel ?? null, branches } };
}

/**
 * A period of whole local days from `from` and `to` (YYYY-MM-DD, both included); without them, the
 * last 30 days up to today in the workspace's zone. Refuses a date that does not exist or a period
 * that ends before it starts, naming the parameter.
 */
export function dayRange(query: { from?: string; to?: string }, now: number, timeZone: string): DayRange {
  const parse = (name: 'from' | 'to') => {
    const text = query[name];
    if (text === undefined) return undefined;
    const day = dayNumber(text);
    if (day === undefined) throw badRequest(`${name} (${text}) is not a date: write it as YYYY-MM-DD`);
    return day;
  };
  const toDay = parse('to') ?? localDayOf(now, timeZone);
  const fromDay = parse('from') ?? toDay - (DEFAULT_DAYS - 1);
  if (fromDay > toDay) {
    throw badRequest(`from (${dayText(fromDay)}) must not be after to (${dayText(toDay)})`);
  }
  return { fromDay, toDay };
}
