import { localDateOf } from '@jejak/core';
import { ReferralRepository, WorkspaceRepository, type Store } from '@jejak/storage';
import { stringify } from 'csv-stringify/sync';

type ListRow = Awaited<ReturnType<ReferralRepository['list']>>[number];

export const referralView = (r: ListRow) => ({
  id: r.id,
  code: r.code,
  status: r.status as 'pending' | 'qualified' | 'rewarded' | 'cancelled',
  channel: r.channel,
  referrer: r.referrer_customer_id ? { customerId: r.referrer_customer_id, name: r.referrer_name } : null,
  affiliate: r.affiliate_id ? { id: r.affiliate_id, name: r.affiliate_name } : null,
  friend: { customerId: r.friend_customer_id, name: r.friend_name },
  firstOrderId: r.first_order_id,
  createdAt: Number(r.created_at),
  qualifiedAt: r.qualified_at === null ? null : Number(r.qualified_at),
  rewardDueAt: r.reward_due_at === null ? null : Number(r.reward_due_at),
  rewardedAt: r.rewarded_at === null ? null : Number(r.rewarded_at),
  cancelledAt: r.cancelled_at === null ? null : Number(r.cancelled_at),
  capped: r.capped === 1,
});
export type ReferralView = ReturnType<typeof referralView>;

/** What the referral page reads: the list, the refusals, and the results of a period. */
export class ReferralReports {
  constructor(private readonly store: Store) {}

  async list(workspaceId: string, options: { status?: string; limit: number; before?: number }) {
    return (await new ReferralRepository(this.store.db).list(workspaceId, options)).map(referralView);
  }

  async refusals(workspaceId: string, limit: number) {
    return (await new ReferralRepository(this.store.db).refusals(workspaceId, limit)).map((r) => ({
      id: r.id,
      code: r.code,
      reason: r.reason,
      channel: r.channel,
      referrerName: r.referrer_name,
      friend: r.friend_customer_id ? { customerId: r.friend_customer_id, name: r.friend_name } : null,
      at: Number(r.at),
    }));
  }

  /**
   * Referrals made in [from, to): by status, the conversion rate (rewarded of those not still waiting),
   * the rewards given and taken back, the refusals by reason, the top advocates, and a day-by-day
   * series (the workspace's days) of referrals made and converted.
   */
  async results(workspaceId: string, from: number, to: number) {
    const [results, workspace] = await Promise.all([
      new ReferralRepository(this.store.db).results(workspaceId, from, to),
      new WorkspaceRepository(this.store.db).get(workspaceId),
    ]);
    const zone = workspace?.timezone ?? 'Asia/Jakarta';
    const count = (status: string) => results.byStatus.find((s) => s.status === status)?.referrals ?? 0;
    const total = results.byStatus.reduce((s, r) => s + r.referrals, 0);
    const rewarded = count('rewarded');
    const decided = rewarded + count('cancelled');
    const days = new Map<string, { made: number; converted: number }>();
    for (const r of results.referrals) {
      const day = localDateOf(r.created_at, zone);
      const entry = days.get(day) ?? { made: 0, converted: 0 };
      entry.made += 1;
      if (r.status === 'rewarded') entry.converted += 1;
      days.set(day, entry);
    }
    return {
      timezone: zone,
      total,
      byStatus: {
        pending: count('pending'),
        qualified: count('qualified'),
        rewarded,
        cancelled: count('cancelled'),
      },
      conversionRate: total === 0 ? 0 : rewarded / total,
      settledConversionRate: decided === 0 ? 0 : rewarded / decided,
      rewards: results.rewards,
      refusals: results.refusals,
      advocates: results.advocates.map((a) => ({
        customerId: a.customer_id,
        name: a.name,
        code: a.code,
        referrals: a.referrals,
        converted: a.converted,
      })),
      daily: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, v]) => ({ day, ...v })),
    };
  }

  async csv(workspaceId: string, status?: string): Promise<string> {
    const rows = await this.list(workspaceId, { limit: 10_000, ...(status ? { status } : {}) });
    return stringify(
      [
        [
          'dibuat',
          'kode',
          'status',
          'saluran',
          'pengajak',
          'afiliasi',
          'teman',
          'pembelian_pertama',
          'diberi_hadiah',
        ],
        ...rows.map((r) => [
          new Date(r.createdAt).toISOString(),
          r.code,
          r.status,
          r.channel,
          r.referrer?.name ?? '',
          r.affiliate?.name ?? '',
          r.friend.name ?? '',
          r.qualifiedAt === null ? '' : new Date(r.qualifiedAt).toISOString(),
          r.rewardedAt === null ? '' : new Date(r.rewardedAt).toISOString(),
        ]),
      ],
      { record_delimiter: '\n' },
    );
  }
}
