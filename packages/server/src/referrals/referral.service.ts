import { randomBytes, randomUUID } from 'node:crypto';
import {
  DAY_MS,
  DEFAULT_REFERRAL_PROGRAM,
  capReached,
  checkReferralProgram,
  nextReferralState,
  personalReferralCode,
  referralCodeOf,
  selfReferral,
  type ReferralProgram,
  type ReferralRefusal,
} from '@jejak/core';
import {
  PromotionRepository,
  ReferralRepository,
  WorkspaceRepository,
  writeTransaction,
  type Customer,
  type Executor,
  type Order,
  type ReferralRow,
  type Store,
} from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';
import { resolveCustomer } from '../sales/counter-customer.service.ts';
import type { Actor } from '../sales/actor.ts';
import type { SalesJourney } from '../sales/sales-journey.ts';
import { AffiliateCommissions } from './affiliate-commissions.ts';
import type { ReferralRewards } from './referral-rewards.ts';

export type ClaimChannel = 'store' | 'web' | 'api';

export type Claim =
  { status: 'attributed'; referral: ReferralRow } | { status: 'refused'; reason: ReferralRefusal };

const JEJAK: Actor = { id: null, name: 'Jejak', role: null };

/**
 * Referral programs: each customer's personal code, the claims that tie a new customer to the one who
 * referred him (at the till, from a link, from an event), and the referral's life after that: qualified
 * at the friend's first purchase (his reward given then), rewarded for the referrer once the window
 * has passed without a refund (by the job, `rewardDue`), cancelled with its rewards taken back when that
 * purchase is refunded or voided inside the window. Journey events: `Referred` on the friend and
 * `Referral Converted` on the referrer, through the sales module's door into the journey.
 */
export class ReferralService {
  readonly commissions: AffiliateCommissions;

  constructor(
    private readonly store: Store,
    private readonly rewards: ReferralRewards,
    private readonly journey: SalesJourney,
    private readonly now: () => number,
  ) {
    this.commissions = new AffiliateCommissions();
  }

  async program(workspaceId: string, db: Executor = this.store.db): Promise<ReferralProgram> {
    const json = await new ReferralRepository(db).program(workspaceId);
    return json === undefined
      ? DEFAULT_REFERRAL_PROGRAM
      : { ...DEFAULT_REFERRAL_PROGRAM, ...(JSON.parse(json) as Partial<ReferralProgram>) };
  }

  async putProgram(workspaceId: string, program: ReferralProgram): Promise<ReferralProgram> {
    const first = checkReferralProgram(program)[0];
    if (first) throw badRequest(`body/${first.path}: ${first.message}`, { path: `body/${first.path}` });
    for (const side of ['referrerReward', 'friendReward'] as const) {
      const reward = program[side];
      if (reward?.type !== 'voucher') continue;
      const promotion = await new PromotionRepository(this.store.db).get(workspaceId, reward.promotionId);
      if (!promotion || promotion.archived_at !== null || promotion.trigger !== 'code')
        throw badRequest(`body/${side}/promotionId: no active code promotion ${reward.promotionId}`);
    }
    await new ReferralRepository(this.store.db).putProgram(workspaceId, JSON.stringify(program), this.now());
    return program;
  }

  /** The customer's personal code, made the first time it is asked for and kept. */
  async codeOf(db: Executor, workspaceId: string, customerId: string): Promise<string> {
    const repo = new ReferralRepository(db);
    for (let round = 0; round < 8; round += 1) {
      const existing = await repo.codeOfCustomer(workspaceId, customerId);
      if (existing) return existing.code;
      await repo.insertCode({
        workspace_id: workspaceId,
        code: personalReferralCode((n) => randomBytes(n)),
        customer_id: customerId,
        affiliate_id: null,
        created_at: this.now(),
      });
    }
    throw new Error('could not find a free referral code');
  }

  /** A customer's code, who referred him and whom he referred. */
  async ofCustomer(workspaceId: string, customerRef: string) {
    return writeTransaction(this.store, async (trx) => {
      const customer = await resolveCustomer(trx, workspaceId, customerRef);
      if (!customer) throw notFound(`Customer ${customerRef}`);
      const repo = new ReferralRepository(trx);
      const code = await this.codeOf(trx, workspaceId, customer.id);
      const [by] = await repo.list(workspaceId, { limit: 1, friendId: customer.id });
      const referred = await repo.list(workspaceId, { limit: 200, referrerId: customer.id });
      return { customerId: customer.id, code, referredBy: by ?? null, referred };
    });
  }

  /**
   * Ties `friend` to the owner of `rawCode`, in the caller's transaction. The first valid claim wins;
   * a claim by the same person (customer, phone, email, device), of someone already referred or who
   * has bought before, is refused and the refusal kept. Unknown codes answer `code_unknown` unstored.
   */
  async claim(
    db: Executor,
    workspaceId: string,
    friend: Customer,
    rawCode: string,
    how: { channel: ClaimChannel; orderId?: string; devices?: readonly string[] },
  ): Promise<Claim> {
    const repo = new ReferralRepository(db);
    const code = referralCodeOf(rawCode);
    const owner = await repo.code(workspaceId, code);
    if (!owner) return { status: 'refused', reason: 'code_unknown' };
    const at = this.now();
    const refuse = async (reason: ReferralRefusal): Promise<Claim> => {
      await repo.insertRefusal({
        id: randomUUID(),
        workspace_id: workspaceId,
        code,
        referrer_customer_id: owner.customer_id,
        affiliate_id: owner.affiliate_id,
        friend_customer_id: friend.id,
        reason,
        channel: how.channel,
        order_id: how.orderId ?? null,
        at,
      });
      return { status: 'refused', reason };
    };
    const program = await this.program(workspaceId, db);
    if (!program.enabled) return refuse('program_off');
    if (owner.affiliate_id !== null) {
      const affiliate = await repo.affiliate(workspaceId, owner.affiliate_id);
      if (!affiliate || affiliate.active !== 1) return refuse('affiliate_inactive');
    }
    const existing = await repo.ofFriend(workspaceId, friend.id);
    if (existing) {
      return existing.code === code
        ? { status: 'attributed', referral: existing }
        : refuse('already_referred');
    }
    if (owner.customer_id !== null) {
      const referrer = {
        customerId: owner.customer_id,
        ...(await repo.keysOf(workspaceId, owner.customer_id)),
      };
      const keys = await repo.keysOf(workspaceId, friend.id);
      const self = selfReferral(referrer, {
        customerId: friend.id,
        ...keys,
        devices: [...keys.devices, ...(how.devices ?? [])],
      });
      if (self) return refuse(self);
    }
    if (await repo.hasOrdered(workspaceId, friend.id)) return refuse('already_bought');
    const referral: ReferralRow = {
      id: randomUUID(),
      workspace_id: workspaceId,
      code,
      referrer_customer_id: owner.customer_id,
      affiliate_id: owner.affiliate_id,
      friend_customer_id: friend.id,
      status: 'pending',
      channel: how.channel,
      claim_order_id: how.orderId ?? null,
      first_order_id: null,
      qualified_at: null,
      reward_due_at: null,
      rewarded_at: null,
      cancelled_at: null,
      cancel_reason: null,
      capped: 0,
      created_at: at,
    };
    if (!(await repo.insertReferral(referral))) return refuse('already_referred');
    await this.journey.emit(db, {
      workspaceId,
      customerId: friend.id,
      messageId: `referred:${referral.id}`,
      type: 'track',
      name: 'Referred',
      at,
      channel: 'referral',
      properties: {
        referral_id: referral.id,
        referral_code: code,
        referrer_customer_id: owner.customer_id,
        affiliate_id: owner.affiliate_id,
        claimed_at: how.channel,
      },
    });
    return { status: 'attributed', referral };
  }

  /**
   * Claims that arrived with ingested events (an Identify or `Signed Up` carrying a code), in the
   * ingestion's transaction. A claim that does not hold is recorded as a refusal; unknown codes are
   * ignored. It never throws for a bad claim: the events are stored whatever the referral says.
   */
  async claimFromEvents(
    db: Executor,
    workspaceId: string,
    claims: readonly { customerId: string; code: string; devices: readonly string[] }[],
  ): Promise<void> {
    for (const claim of claims) {
      const friend = await resolveCustomer(db, workspaceId, claim.customerId);
      if (!friend) continue;
      await this.claim(db, workspaceId, friend, claim.code, { channel: 'web', devices: claim.devices });
    }
  }

  /**
   * A completed sale at the till, in its transaction: the buyer gets his personal code (it is printed on
   * his receipt), his pending referral qualifies on a first purchase of at least the program's minimum
   * (his own reward given now), and an affiliate who referred him accrues a commission.
   */
  async afterSale(db: Executor, order: Order, customer: Customer, actor: Actor): Promise<void> {
    const ws = order.workspace_id;
    await this.codeOf(db, ws, customer.id);
    const repo = new ReferralRepository(db);
    const referral = await repo.ofFriend(ws, customer.id);
    if (!referral || referral.status === 'cancelled') return;
    const program = await this.program(ws, db);
    const move = nextReferralState(
      { status: referral.status as 'pending', rewardDueAt: referral.reward_due_at },
      { kind: 'first_order', orderTotal: order.total, at: order.completed_at },
      program,
    );
    if (move?.to === 'qualified') {
      const patch = {
        status: 'qualified',
        first_order_id: order.id,
        qualified_at: order.completed_at,
        reward_due_at: move.rewardDueAt,
      };
      if (await repo.move(ws, referral.id, 'pending', patch)) {
        if (program.friendReward)
          await this.rewards.grant(
            db,
            { ...referral, ...patch },
            'friend',
            customer.id,
            program.friendReward,
            actor,
          );
      }
    }
    if (referral.affiliate_id !== null) await this.commissions.accrue(db, referral, order);
  }

  /**
   * A refund or void of a sale, in its transaction: when it is a referral's first purchase inside the
   * window, the referral is cancelled and its rewards taken back; an affiliate's commission on the sale
   * is taken back in proportion.
   */
  async afterRefund(
    db: Executor,
    order: Order,
    refund: { id: string; refunded: number; of: number; full: boolean },
    actor: Actor,
  ): Promise<void> {
    const ws = order.workspace_id;
    const repo = new ReferralRepository(db);
    const referral = await repo.ofFirstOrder(ws, order.id);
    const at = this.now();
    if (referral) {
      const program = await this.program(ws, db);
      const move = nextReferralState(
        { status: referral.status as 'qualified', rewardDueAt: referral.reward_due_at },
        { kind: 'refund', at },
        program,
      );
      if (move?.to === 'cancelled') {
        const moved = await repo.move(ws, referral.id, 'qualified', {
          status: 'cancelled',
          cancelled_at: at,
          cancel_reason: move.reason,
        });
        if (moved) await this.rewards.reverseAll(db, referral, actor);
      }
    }
    await this.commissions.reverse(db, order, refund, at);
  }

  /**
   * The job's work: qualified referrals whose window has passed become rewarded, a batch at a time, each
   * in its own transaction; the referrer gets his reward (unless the program's cap withholds it) and the
   * `Referral Converted` event. Moving the row from `qualified` first makes a second run a no-op.
   */
  async rewardDue(limit = 100): Promise<number> {
    const at = this.now();
    const due = await new ReferralRepository(this.store.db).due(at, limit);
    let rewarded = 0;
    for (const referral of due) {
      const done = await writeTransaction(this.store, async (trx) => {
        const repo = new ReferralRepository(trx);
        const ws = referral.workspace_id;
        const program = await this.program(ws, trx);
        const referrer = referral.referrer_customer_id;
        const capped =
          referrer !== null &&
          program.referrerReward !== null &&
          capReached(program.cap, await repo.referrerRewardTimes(ws, referrer), at);
        const moved = await repo.move(ws, referral.id, 'qualified', {
          status: 'rewarded',
          rewarded_at: at,
          capped: capped ? 1 : 0,
        });
        if (!moved || referrer === null) return moved;
        if (program.referrerReward && !capped)
          await this.rewards.grant(trx, referral, 'referrer', referrer, program.referrerReward, JEJAK);
        await this.journey.emit(trx, {
          workspaceId: ws,
          customerId: referrer,
          messageId: `referral-converted:${referral.id}`,
          type: 'track',
          name: 'Referral Converted',
          at,
          channel: 'referral',
          properties: {
            referral_id: referral.id,
            referral_code: referral.code,
            friend_customer_id: referral.friend_customer_id,
            first_order_id: referral.first_order_id,
            window_days: Math.round(
              ((referral.reward_due_at ?? at) - (referral.qualified_at ?? at)) / DAY_MS,
            ),
          },
        });
        return true;
      });
      if (done) rewarded += 1;
    }
    return rewarded;
  }

  /** What the public link shows, once the visit is counted; undefined for a code no workspace has. */
  async landing(code: string) {
    const repo = new ReferralRepository(this.store.db);
    const owner = await repo.anyCode(code);
    if (!owner) return undefined;
    await repo.addVisit(owner.workspace_id, code);
    const [workspace, program, referrer, affiliate] = await Promise.all([
      new WorkspaceRepository(this.store.db).get(owner.workspace_id),
      this.program(owner.workspace_id),
      owner.customer_id ? resolveCustomer(this.store.db, owner.workspace_id, owner.customer_id) : undefined,
      owner.affiliate_id ? repo.affiliate(owner.workspace_id, owner.affiliate_id) : undefined,
    ]);
    return {
      code,
      shop: workspace?.name ?? '',
      referrerName: referrer?.name ?? affiliate?.name ?? null,
      enabled: program.enabled,
      friendReward: program.friendReward,
    };
  }

  /** What the checkout of a sale did with a referral code, and the buyer's own code, for its receipt. */
  async ofOrder(db: Executor, order: Order) {
    if (order.customer_id === null) return null;
    const repo = new ReferralRepository(db);
    const [own, claim] = await Promise.all([
      repo.codeOfCustomer(order.workspace_id, order.customer_id),
      repo.claimOfOrder(order.workspace_id, order.id),
    ]);
    return {
      code: own?.code ?? null,
      claim: claim
        ? {
            code: claim.code,
            status: claim.status,
            reason: claim.reason,
            referrerName: claim.referrer_name ?? claim.affiliate_name ?? null,
          }
        : null,
    };
  }
}
