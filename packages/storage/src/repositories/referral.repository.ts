import { sql } from 'kysely';
import type {
  AffiliateCommissionRow,
  AffiliateRow,
  NewAffiliate,
  NewReferral,
  ReferralCodeRow,
  ReferralRefusalRow,
  ReferralRewardRow,
  ReferralRow,
  ReferralTable,
} from '../referral.schema.ts';
import type { Executor } from './executor.ts';

/** Referrals by status, rewards given and refusals in a period; the top advocates by converted friends. */
export interface ReferralResults {
  byStatus: { status: string; referrals: number }[];
  rewards: { side: string; kind: string; granted: number; reversed: number; points: number }[];
  refusals: { reason: string; refusals: number }[];
  advocates: {
    customer_id: string;
    name: string | null;
    code: string;
    referrals: number;
    converted: number;
  }[];
  referrals: { created_at: number; status: string; rewarded_at: number | null }[];
}

export class ReferralRepository {
  constructor(private readonly db: Executor) {}

  async program(workspaceId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('referral_programs')
      .select('program_json')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return row?.program_json;
  }

  async putProgram(workspaceId: string, json: string, at: number): Promise<void> {
    await this.db
      .insertInto('referral_programs')
      .values({ workspace_id: workspaceId, program_json: json, updated_at: at })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ program_json: json, updated_at: at }))
      .execute();
  }

  code(workspaceId: string, code: string): Promise<ReferralCodeRow | undefined> {
    return this.db
      .selectFrom('referral_codes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('code', '=', code)
      .executeTakeFirst();
  }

  codeOfCustomer(workspaceId: string, customerId: string): Promise<ReferralCodeRow | undefined> {
    return this.db
      .selectFrom('referral_codes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
  }

  /** Stores a code unless the workspace has it already (or, for a customer, he has one); true when stored. */
  async insertCode(row: Omit<ReferralCodeRow, 'visits'>): Promise<boolean> {
    const result = await this.db
      .insertInto('referral_codes')
      .values({ ...row, visits: 0 })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async addVisit(workspaceId: string, code: string): Promise<void> {
    await this.db
      .updateTable('referral_codes')
      .set((eb) => ({ visits: eb('visits', '+', 1) }))
      .where('workspace_id', '=', workspaceId)
      .where('code', '=', code)
      .execute();
  }

  /** A code of any workspace, for the public link. */
  anyCode(code: string): Promise<ReferralCodeRow | undefined> {
    return this.db.selectFrom('referral_codes').selectAll().where('code', '=', code).executeTakeFirst();
  }

  affiliates(workspaceId: string): Promise<AffiliateRow[]> {
    return this.db
      .selectFrom('affiliates')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('name')
      .execute();
  }

  affiliate(workspaceId: string, id: string): Promise<AffiliateRow | undefined> {
    return this.db
      .selectFrom('affiliates')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async insertAffiliate(row: NewAffiliate): Promise<void> {
    await this.db.insertInto('affiliates').values(row).execute();
  }

  async updateAffiliate(workspaceId: string, id: string, patch: Partial<NewAffiliate>): Promise<void> {
    await this.db
      .updateTable('affiliates')
      .set(patch)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  referral(workspaceId: string, id: string): Promise<ReferralRow | undefined> {
    return this.db
      .selectFrom('referrals')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  ofFriend(workspaceId: string, friendId: string): Promise<ReferralRow | undefined> {
    return this.db
      .selectFrom('referrals')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('friend_customer_id', '=', friendId)
      .executeTakeFirst();
  }

  ofFirstOrder(workspaceId: string, orderId: string): Promise<ReferralRow | undefined> {
    return this.db
      .selectFrom('referrals')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('first_order_id', '=', orderId)
      .executeTakeFirst();
  }

  /** Stores the referral unless the friend was referred already (the first claim wins); true when stored. */
  async insertReferral(row: NewReferral): Promise<boolean> {
    const result = await this.db
      .insertInto('referrals')
      .values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'friend_customer_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Moves a referral from `from` only: false when another writer moved it first. */
  async move(
    workspaceId: string,
    id: string,
    from: string,
    patch: Partial<Omit<ReferralTable, 'id' | 'workspace_id'>>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('referrals')
      .set(patch)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  list(
    workspaceId: string,
    options: {
      status?: string;
      limit: number;
      before?: number;
      referrerId?: string;
      affiliateId?: string;
      friendId?: string;
    },
  ) {
    let query = this.db
      .selectFrom('referrals as r')
      .leftJoin('customers as f', (j) => j.onRef('f.id', '=', 'r.friend_customer_id'))
      .leftJoin('customers as c', (j) => j.onRef('c.id', '=', 'r.referrer_customer_id'))
      .leftJoin('affiliates as a', (j) => j.onRef('a.id', '=', 'r.affiliate_id'))
      .selectAll('r')
      .select(['f.name as friend_name', 'c.name as referrer_name', 'a.name as affiliate_name'])
      .where('r.workspace_id', '=', workspaceId);
    if (options.status) query = query.where('r.status', '=', options.status);
    if (options.before !== undefined) query = query.where('r.created_at', '<', options.before);
    if (options.referrerId) query = query.where('r.referrer_customer_id', '=', options.referrerId);
    if (options.affiliateId) query = query.where('r.affiliate_id', '=', options.affiliateId);
    if (options.friendId) query = query.where('r.friend_customer_id', '=', options.friendId);
    return query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(options.limit).execute();
  }

  /** Qualified referrals whose window has passed, any workspace, oldest due first. */
  due(at: number, limit: number): Promise<ReferralRow[]> {
    return this.db
      .selectFrom('referrals')
      .selectAll()
      .where('status', '=', 'qualified')
      .where('reward_due_at', '<=', at)
      .orderBy('reward_due_at')
      .limit(limit)
      .execute();
  }

  /** When the referrer's earlier referrals were rewarded with his reward, for the program's cap. */
  async referrerRewardTimes(workspaceId: string, customerId: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('referral_rewards')
      .select('granted_at')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .where('side', '=', 'referrer')
      .execute();
    return rows.map((r) => Number(r.granted_at));
  }

  async insertRefusal(row: ReferralRefusalRow): Promise<void> {
    await this.db.insertInto('referral_refusals').values(row).execute();
  }

  refusals(workspaceId: string, limit: number) {
    return this.db
      .selectFrom('referral_refusals as x')
      .leftJoin('customers as f', (j) => j.onRef('f.id', '=', 'x.friend_customer_id'))
      .leftJoin('customers as c', (j) => j.onRef('c.id', '=', 'x.referrer_customer_id'))
      .selectAll('x')
      .select(['f.name as friend_name', 'c.name as referrer_name'])
      .where('x.workspace_id', '=', workspaceId)
      .orderBy('x.at', 'desc')
      .orderBy('x.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** What happened to the referral code entered at a sale's checkout, if one was. */
  async claimOfOrder(workspaceId: string, orderId: string) {
    const referral = await this.db
      .selectFrom('referrals as r')
      .leftJoin('customers as c', (j) => j.onRef('c.id', '=', 'r.referrer_customer_id'))
      .leftJoin('affiliates as a', (j) => j.onRef('a.id', '=', 'r.affiliate_id'))
      .select(['r.code', 'r.status', 'c.name as referrer_name', 'a.name as affiliate_name'])
      .where('r.workspace_id', '=', workspaceId)
      .where('r.claim_order_id', '=', orderId)
      .executeTakeFirst();
    if (referral) return { ...referral, reason: null };
    const refusal = await this.db
      .selectFrom('referral_refusals as x')
      .leftJoin('customers as c', (j) => j.onRef('c.id', '=', 'x.referrer_customer_id'))
      .leftJoin('affiliates as a', (j) => j.onRef('a.id', '=', 'x.affiliate_id'))
      .select(['x.code', 'x.reason', 'c.name as referrer_name', 'a.name as affiliate_name'])
      .where('x.workspace_id', '=', workspaceId)
      .where('x.order_id', '=', orderId)
      .executeTakeFirst();
    return refusal ? { ...refusal, status: 'refused' } : undefined;
  }

  async insertReward(row: ReferralRewardRow): Promise<void> {
    await this.db.insertInto('referral_rewards').values(row).execute();
  }

  rewardsOf(workspaceId: string, referralId: string): Promise<ReferralRewardRow[]> {
    return this.db
      .selectFrom('referral_rewards')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('referral_id', '=', referralId)
      .execute();
  }

  async markReversed(workspaceId: string, rewardId: string, at: number): Promise<void> {
    await this.db
      .updateTable('referral_rewards')
      .set({ reversed_at: at })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', rewardId)
      .execute();
  }

  /** Makes a voucher issued as a reward unusable from now on: its uses so far are all it had. */
  async closeVoucher(workspaceId: string, codeId: string): Promise<void> {
    await this.db
      .updateTable('promotion_codes')
      .set((eb) => ({ max_uses: eb.ref('uses') }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', codeId)
      .execute();
  }

  async insertCommission(row: AffiliateCommissionRow): Promise<void> {
    await this.db.insertInto('affiliate_commissions').values(row).execute();
  }

  commissionsOfOrder(workspaceId: string, orderId: string): Promise<AffiliateCommissionRow[]> {
    return this.db
      .selectFrom('affiliate_commissions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('order_id', '=', orderId)
      .execute();
  }

  /** An affiliate's commission entries in [from, to), with the order's receipt and the customer. */
  statement(workspaceId: string, affiliateId: string, from: number, to: number) {
    return this.db
      .selectFrom('affiliate_commissions as m')
      .innerJoin('orders as o', (j) => j.onRef('o.id', '=', 'm.order_id'))
      .innerJoin('referrals as r', (j) => j.onRef('r.id', '=', 'm.referral_id'))
      .leftJoin('customers as f', (j) => j.onRef('f.id', '=', 'r.friend_customer_id'))
      .select([
        'm.id',
        'm.order_id',
        'm.refund_id',
        'm.base',
        'm.amount',
        'm.at',
        'o.receipt_no',
        'f.name as customer_name',
      ])
      .where('m.workspace_id', '=', workspaceId)
      .where('m.affiliate_id', '=', affiliateId)
      .where('m.at', '>=', from)
      .where('m.at', '<', to)
      .orderBy('m.at')
      .orderBy('m.id')
      .execute();
  }

  /** Whether the customer has completed an order (at the till or reported by ingestion) before now. */
  async hasOrdered(workspaceId: string, customerId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('events')
      .select('customer_id')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .where('name', '=', 'Order Completed')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The phone, email and device keys of a customer, for the self-referral guard. */
  async keysOf(workspaceId: string, customerId: string) {
    const [keys, customer] = await Promise.all([
      this.db
        .selectFrom('identity_keys')
        .select(['kind', 'value'])
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '=', customerId)
        .execute(),
      this.db
        .selectFrom('customers')
        .select(['phone', 'email'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', customerId)
        .executeTakeFirst(),
    ]);
    const of = (kind: string) => keys.filter((k) => k.kind === kind).map((k) => k.value);
    return {
      phones: [...of('phone'), ...(customer?.phone ? [customer.phone] : [])],
      emails: [...of('email'), ...(customer?.email ? [customer.email.toLowerCase()] : [])],
      devices: of('anonymous_id'),
    };
  }

  async results(workspaceId: string, from: number, to: number): Promise<ReferralResults> {
    const [referrals, rewards, refusals, advocates] = await Promise.all([
      this.db
        .selectFrom('referrals')
        .select(['created_at', 'status', 'rewarded_at'])
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .orderBy('created_at')
        .execute(),
      this.db
        .selectFrom('referral_rewards')
        .select((eb) => [
          'side',
          'kind',
          eb.fn.countAll<number>().as('granted'),
          eb.fn.count<number>('reversed_at').as('reversed'),
          sql<number>`coalesce(sum(case when reversed_at is null then points else 0 end), 0)`.as('points'),
        ])
        .where('workspace_id', '=', workspaceId)
        .where('granted_at', '>=', from)
        .where('granted_at', '<', to)
        .groupBy(['side', 'kind'])
        .execute(),
      this.db
        .selectFrom('referral_refusals')
        .select((eb) => ['reason', eb.fn.countAll<number>().as('refusals')])
        .where('workspace_id', '=', workspaceId)
        .where('at', '>=', from)
        .where('at', '<', to)
        .groupBy('reason')
        .execute(),
      this.db
        .selectFrom('referrals as r')
        .innerJoin('customers as c', (j) => j.onRef('c.id', '=', 'r.referrer_customer_id'))
        .innerJoin('referral_codes as k', (j) =>
          j
            .onRef('k.workspace_id', '=', 'r.workspace_id')
            .onRef('k.customer_id', '=', 'r.referrer_customer_id'),
        )
        .select((eb) => [
          'r.referrer_customer_id as customer_id',
          'c.name',
          'k.code',
          eb.fn.countAll<number>().as('referrals'),
          sql<number>`sum(case when r.status = 'rewarded' then 1 else 0 end)`.as('converted'),
        ])
        .where('r.workspace_id', '=', workspaceId)
        .where('r.created_at', '>=', from)
        .where('r.created_at', '<', to)
        .groupBy(['r.referrer_customer_id', 'c.name', 'k.code'])
        .orderBy('converted', 'desc')
        .orderBy('referrals', 'desc')
        .orderBy('c.name')
        .limit(10)
        .execute(),
    ]);
    const byStatus = new Map<string, number>();
    for (const r of referrals) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    return {
      byStatus: [...byStatus].map(([status, n]) => ({ status, referrals: n })),
      rewards: rewards.map((r) => ({
        side: r.side,
        kind: r.kind,
        granted: Number(r.granted),
        reversed: Number(r.reversed),
        points: Number(r.points),
      })),
      refusals: refusals.map((r) => ({ reason: r.reason, refusals: Number(r.refusals) })),
      advocates: advocates.map((a) => ({
        customer_id: a.customer_id!,
        name: a.name,
        code: a.code,
        referrals: Number(a.referrals),
        converted: Number(a.converted),
      })),
      referrals: referrals.map((r) => ({
        created_at: Number(r.created_at),
        status: r.status,
        rewarded_at: r.rewarded_at === null ? null : Number(r.rewarded_at),
      })),
    };
  }
}
