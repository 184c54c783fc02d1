import type { LoyaltyProgram } from '@jejak/core';
import {
  LoyaltyRepository,
  offsetAt,
  startOfLocalDay,
  type Executor,
  type LoyaltyEntryKind,
} from '@jejak/storage';

const DAY_MS = 86_400_000;

/** Points figures of a set of entries per kind (debits as positive amounts). */
function figures(byKind: Partial<Record<LoyaltyEntryKind, number>>) {
  const k = (kind: LoyaltyEntryKind) => byKind[kind] ?? 0;
  const adjusted = k('adjust');
  return {
    issued: k('earn') + k('bonus') + Math.max(0, adjusted),
    earned: k('earn'),
    bonuses: k('bonus'),
    adjusted,
    redeemed: -k('redeem') - k('restore'),
    expired: -k('expire'),
    cancelled: -k('cancel'),
  };
}

/**
 * The instants that cut [from, to) into calendar months of the workspace's zone: from, each local
 * first-of-the-month midnight inside, to; with each part's month as `YYYY-MM`.
 */
export function monthBounds(
  from: number,
  to: number,
  timeZone: string,
): { bounds: number[]; months: string[] } {
  const bounds = [from];
  const months: string[] = [];
  const dayOf = (at: number) => Math.floor((at + offsetAt(at, timeZone)) / DAY_MS);
  let date = new Date(dayOf(from) * DAY_MS);
  for (;;) {
    months.push(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
    const next = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
    const start = startOfLocalDay(next.getTime() / DAY_MS, timeZone);
    if (start >= to) break;
    bounds.push(start);
    date = next;
  }
  bounds.push(to);
  return { bounds, months };
}

/**
 * What the program did in [from, to) — points issued, redeemed, expired and taken back, in all and per
 * calendar month of the workspace's zone, with the tier changes of each month — and what it owes now:
 * members, outstanding points and their Rupiah value at the redemption rate, members per tier.
 */
export async function loyaltyResults(
  db: Executor,
  program: LoyaltyProgram,
  workspaceId: string,
  period: { from: number; to: number; timeZone: string },
) {
  const repo = new LoyaltyRepository(db);
  const { from, to } = period;
  const { bounds, months } = monthBounds(from, to, period.timeZone);
  const [totals, perMonth] = await Promise.all([
    repo.totals(workspaceId, from, to),
    repo.perPeriod(workspaceId, bounds),
  ]);
  return {
    from,
    to,
    ...figures(totals.byKind),
    upgraded: perMonth.reduce((s, m) => s + m.upgraded, 0),
    downgraded: perMonth.reduce((s, m) => s + m.downgraded, 0),
    members: totals.members,
    outstanding: totals.outstanding,
    pointValue: program.pointValue,
    liability: Math.max(0, totals.outstanding) * program.pointValue,
    tiers: totals.tiers.map((t) => ({
      key: t.key,
      name: program.tiers.levels.find((l) => l.key === t.key)?.name ?? null,
      customers: t.customers,
    })),
    months: perMonth.map((m, i) => ({
      month: months[i]!,
      ...figures(m.byKind),
      upgraded: m.upgraded,
      downgraded: m.downgraded,
    })),
  };
}
