import type { Services } from '@jejak/server';
import { CustomerRepository } from '@jejak/storage';
import { SeededRandom } from './seeded-random.ts';

type Trx = Parameters<Services['orders']['place']>[0];

/** What a first-time buyer brings to the till: a friend's code to type, and whether this first order comes back. */
export interface DemoReferral {
  code: string | null;
  refundFirst: boolean;
}

/**
 * The coffee chain's referral program in the demo: about one first-time buyer in eleven was invited by
 * an earlier customer (the first forty buyers, the regulars, invite most). Most type the code at the
 * till; some had signed up online through the link first (claimed on the web channel before the sale);
 * one invitation in fifteen is a customer trying his own code (refused), and one referred first order in
 * eight is refunded. The reward job runs at the start of each day, so referrers move to advocacy a week
 * after their friend's first purchase. Its own random stream, so the rest of the demo draws what it drew before.
 */
export class DemoReferrals {
  private readonly random: SeededRandom;
  private readonly referrers: string[] = [];
  private readonly bought = new Set<string>();
  private invited = 0;
  readonly counts = { referred: 0, online: 0, selfReferrals: 0, refundedFirst: 0, rewarded: 0 };

  constructor(
    private readonly sales: Services,
    private readonly workspaceId: string,
    seed: number,
  ) {
    this.random = new SeededRandom(seed ^ 0x7ef3a1);
  }

  async setUp(): Promise<void> {
    await this.sales.referrals.putProgram(this.workspaceId, {
      enabled: true,
      referrerReward: { type: 'points', points: 50 },
      friendReward: { type: 'points', points: 20 },
      windowDays: 7,
      minFirstOrder: 15_000,
      cap: { count: 10, periodDays: 30 },
    });
  }

  /** Before a customer's sale: null unless it is his first and a friend invited him. */
  async before(trx: Trx, customerId: string): Promise<DemoReferral | null> {
    if (this.bought.has(customerId) || this.referrers.length < 5) return null;
    const roll = this.random.next();
    if (roll >= 0.09) return null;
    // Counted, not drawn, so even a small demo has a few of each.
    this.invited += 1;
    if (this.invited % 15 === 7) {
      this.counts.selfReferrals++;
      return {
        code: await this.sales.referrals.codeOf(trx, this.workspaceId, customerId),
        refundFirst: false,
      };
    }
    const pool = this.random.chance(0.6) ? this.referrers.slice(0, 40) : this.referrers;
    const referrer = pool[this.random.int(0, pool.length - 1)]!;
    const code = await this.sales.referrals.codeOf(trx, this.workspaceId, referrer);
    this.counts.referred++;
    const refundFirst = this.invited % 8 === 3;
    if (refundFirst) this.counts.refundedFirst++;
    if (roll < 0.025) {
      const friend = await new CustomerRepository(trx).get(this.workspaceId, customerId);
      if (friend) {
        await this.sales.referrals.claim(trx, this.workspaceId, friend, code, { channel: 'web' });
        this.counts.online++;
        return { code: null, refundFirst };
      }
    }
    return { code, refundFirst };
  }

  /** After a customer's sale: he has bought, and may invite others from now on. */
  after(customerId: string): void {
    if (this.bought.has(customerId)) return;
    this.bought.add(customerId);
    this.referrers.push(customerId);
  }

  /** The reward job, as the server runs it, at the demo's clock. */
  async rewardDue(): Promise<void> {
    for (
      let done = await this.sales.referrals.rewardDue(500);
      done > 0;
      done = await this.sales.referrals.rewardDue(500)
    ) {
      this.counts.rewarded += done;
    }
  }
}
