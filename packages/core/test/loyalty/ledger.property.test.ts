import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  LoyaltyError,
  creditAfterDebt,
  drawable,
  isActive,
  isPending,
  pendingPoints,
  planDebit,
  planExpiry,
  planOrderReversal,
  spendOrder,
  type Credit,
  type Draw,
} from '../../src/loyalty/ledger.ts';

/*
 * A customer's ledger driven through the core functions exactly as the loyalty service drives them:
 * credits are written with what is left of them after paying off debt, debits draw what planDebit
 * says, expiries what planExpiry says, refunds what planOrderReversal says.
 */
interface Entry {
  kind: 'earn' | 'adjust' | 'restore' | 'redeem' | 'expire' | 'cancel';
  points: number;
}

class Model {
  entries: Entry[] = [];
  credits: Credit[] = [];
  debt = 0;
  now = 1_700_000_000_000;
  orders = new Map<
    string,
    {
      credit: string;
      earned: number;
      redeemed: number;
      refunded: number;
      takenBack: number;
      returned: number;
      total: number;
    }
  >();
  private seq = 0;

  constructor(readonly allowNegative: boolean) {}

  balance(): number {
    return this.entries.reduce((s, e) => s + e.points, 0);
  }

  credit(kind: Entry['kind'], points: number, expiryDays: number | null, pendingDays = 0): string {
    const id = `c${String(++this.seq).padStart(4, '0')}`;
    const { remaining, repaid } = creditAfterDebt(points, this.debt);
    this.debt -= repaid;
    this.credits.push({
      id,
      points,
      remaining,
      at: this.now,
      expiresAt: expiryDays === null ? null : this.now + expiryDays * DAY_MS,
      unlocksAt: pendingDays > 0 ? this.now + pendingDays * DAY_MS : null,
    });
    this.entries.push({ kind, points });
    return id;
  }

  debit(kind: Entry['kind'], points: number, first?: string, allowNegative = this.allowNegative): Draw[] {
    this.expire();
    const plan = planDebit(this.credits, points, this.now, {
      allowNegative,
      debt: this.debt,
      ...(first ? { first } : {}),
    });
    this.apply(plan.draws);
    this.debt += plan.shortfall;
    this.entries.push({ kind, points: -points });
    return plan.draws;
  }

  expire(): void {
    for (const draw of planExpiry(this.credits, this.now)) {
      this.apply([draw]);
      this.entries.push({ kind: 'expire', points: -draw.points });
    }
  }

  private apply(draws: readonly Draw[]): void {
    for (const d of draws) this.credits.find((c) => c.id === d.creditId)!.remaining -= d.points;
  }
}

type Op =
  | {
      op: 'earn';
      points: number;
      expiryDays: number | null;
      /** The program's refund window: 0, points are spendable at once. */
      pendingDays: number;
      total: number;
      redeem: number;
    }
  | { op: 'redeem'; points: number }
  | { op: 'wait'; days: number }
  | { op: 'refund'; order: number; share: number }
  | { op: 'adjust'; points: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('earn' as const),
    points: fc.integer({ min: 0, max: 500 }),
    expiryDays: fc.option(fc.integer({ min: 15, max: 60 }), { nil: null }),
    pendingDays: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 14 })),
    total: fc.integer({ min: 1, max: 1000 }),
    redeem: fc.integer({ min: 0, max: 300 }),
  }),
  fc.record({ op: fc.constant('redeem' as const), points: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 40 }) }),
  fc.record({
    op: fc.constant('refund' as const),
    order: fc.nat(),
    share: fc.integer({ min: 1, max: 1000 }),
  }),
  fc.record({ op: fc.constant('adjust' as const), points: fc.integer({ min: -400, max: 400 }) }),
);

function run(model: Model, ops: readonly Op[], check: (draws: Draw[], before: Credit[]) => void): void {
  for (const o of ops) {
    try {
      switch (o.op) {
        case 'earn': {
          // An order: redeems (if it can), then earns; both are remembered for its refunds.
          let redeemed = 0;
          if (o.redeem > 0) {
            const before = model.credits.map((c) => ({ ...c }));
            try {
              check(model.debit('redeem', o.redeem), before);
              redeemed = o.redeem;
            } catch (error) {
              if (!(error instanceof LoyaltyError)) throw error;
            }
          }
          const credit = model.credit('earn', o.points, o.expiryDays, o.pendingDays);
          model.orders.set(`o${model.orders.size}`, {
            credit,
            earned: o.points,
            redeemed,
            refunded: 0,
            takenBack: 0,
            returned: 0,
            total: o.total,
          });
          break;
        }
        case 'redeem': {
          const before = model.credits.map((c) => ({ ...c }));
          check(model.debit('redeem', o.points), before);
          break;
        }
        case 'wait':
          model.now += o.days * DAY_MS;
          model.expire();
          break;
        case 'refund': {
          if (model.orders.size === 0) break;
          const order = model.orders.get(`o${o.order % model.orders.size}`)!;
          if (order.refunded === order.total) break;
          const amount = Math.max(1, Math.round(((order.total - order.refunded) * o.share) / 1000));
          order.refunded += amount;
          const full = order.refunded === order.total;
          const plan = planOrderReversal({ ...order, of: order.total, full });
          if (plan.takeBack > 0) {
            // Taken back from the order's own earn first; where the workspace keeps balances at zero
            // or above, only what is there is taken (the rest is forgiven).
            model.expire();
            const own = model.credits.find((c) => c.id === order.credit)!;
            const wasPending = isPending(own, model.now);
            const ownLeft = own.remaining;
            const available = Math.max(0, drawable(model.credits, model.debt, model.now, order.credit));
            const take = model.allowNegative ? plan.takeBack : Math.min(plan.takeBack, available);
            if (take > 0) model.debit('cancel', take, order.credit);
            // Inside the refund window the order's own pending points are taken back first, and
            // nothing else is touched until they are gone.
            if (wasPending) expect(own.remaining).toBe(Math.max(0, ownLeft - take));
          }
          if (plan.giveBack > 0) model.credit('restore', plan.giveBack, 30);
          order.takenBack += plan.takeBack;
          order.returned += plan.giveBack;
          if (full) {
            expect(order.takenBack).toBe(order.earned);
            expect(order.returned).toBe(order.redeemed);
          }
          break;
        }
        case 'adjust':
          if (o.points >= 0) model.credit('adjust', o.points, null);
          else {
            const before = model.credits.map((c) => ({ ...c }));
            check(model.debit('adjust', -o.points), before);
          }
          break;
      }
    } catch (error) {
      // A debit larger than the balance is refused whole; nothing of it is written.
      if (!(error instanceof LoyaltyError) || error.code !== 'insufficient_points') throw error;
      expect(model.allowNegative).toBe(false);
    }
    const remaining = model.credits.reduce((s, c) => s + c.remaining, 0);
    expect(model.balance()).toBe(remaining - model.debt);
    // Pending points are part of the balance but never part of what can be spent.
    const active = model.credits.filter((c) => isActive(c, model.now)).reduce((s, c) => s + c.remaining, 0);
    expect(active + pendingPoints(model.credits, model.now)).toBeLessThanOrEqual(remaining);
    expect(model.debt).toBeGreaterThanOrEqual(0);
    for (const c of model.credits) expect(c.remaining).toBeGreaterThanOrEqual(0);
    if (!model.allowNegative) {
      expect(model.balance()).toBeGreaterThanOrEqual(0);
      expect(model.debt).toBe(0);
    }
  }
}

/**
 * The drawn credits are the first active ones in spend order, all emptied but the last; a pending
 * credit is never drawn by a redemption or an adjustment.
 */
function oldestFirst(now: () => number) {
  return (draws: Draw[], before: Credit[]) => {
    for (const d of draws)
      expect(
        isPending(
          before.find((c) => c.id === d.creditId)!,
          now(),
        ),
      ).toBe(false);
    const active = before.filter((c) => isActive(c, now())).sort(spendOrder);
    draws.forEach((d, i) => {
      expect(d.creditId).toBe(active[i]!.id);
      if (i < draws.length - 1) expect(d.points).toBe(active[i]!.remaining);
    });
  };
}

describe('points ledger (property)', () => {
  it('keeps the balance equal to the ledger sum, never negative, spending the soonest-expiring and oldest first', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const model = new Model(false);
        run(
          model,
          ops,
          oldestFirst(() => model.now),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('lets a balance go below zero only where the workspace allows it, and new points pay the debt first', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const model = new Model(true);
        run(
          model,
          ops,
          oldestFirst(() => model.now),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never spends an expired credit, and an expiry takes exactly what was left', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 0, max: 90 }), (ops, days) => {
        const model = new Model(false);
        run(model, ops, () => undefined);
        model.now += days * DAY_MS;
        const due = planExpiry(model.credits, model.now);
        for (const d of due) {
          const c = model.credits.find((x) => x.id === d.creditId)!;
          expect(c.expiresAt).not.toBeNull();
          expect(c.expiresAt!).toBeLessThanOrEqual(model.now);
          expect(d.points).toBe(c.remaining);
        }
        const plan = planDebit(model.credits, 0, model.now, { allowNegative: false });
        expect(plan.draws).toEqual([]);
      }),
    );
  });
});

describe('pending points', () => {
  const base: Credit = { id: 'a', points: 100, remaining: 100, at: 0, expiresAt: 30 * DAY_MS };
  const pending: Credit = {
    id: 'b',
    points: 50,
    remaining: 50,
    at: 0,
    expiresAt: 30 * DAY_MS,
    unlocksAt: 7 * DAY_MS,
  };

  it('counts a credit in its refund window as pending, not spendable, until it unlocks', () => {
    expect(pendingPoints([base, pending], DAY_MS)).toBe(50);
    expect(drawable([base, pending], 0, DAY_MS)).toBe(100);
    expect(() => planDebit([base, pending], 120, DAY_MS, { allowNegative: false })).toThrow(LoyaltyError);
    expect(pendingPoints([base, pending], 7 * DAY_MS)).toBe(0);
    expect(planDebit([base, pending], 120, 7 * DAY_MS, { allowNegative: false }).draws).toEqual([
      { creditId: 'a', points: 100 },
      { creditId: 'b', points: 20 },
    ]);
  });

  it('lets a refund inside the window take back its own pending points first', () => {
    expect(planDebit([base, pending], 50, DAY_MS, { allowNegative: false, first: 'b' }).draws).toEqual([
      { creditId: 'b', points: 50 },
    ]);
  });
});

describe('planOrderReversal', () => {
  it('takes back and gives back in proportion, rounded half up, and everything on a full refund', () => {
    expect(
      planOrderReversal({
        earned: 5,
        redeemed: 3,
        refunded: 1,
        of: 2,
        full: false,
        takenBack: 0,
        returned: 0,
      }),
    ).toEqual({ takeBack: 3, giveBack: 2 });
    expect(
      planOrderReversal({
        earned: 5,
        redeemed: 3,
        refunded: 2,
        of: 2,
        full: true,
        takenBack: 3,
        returned: 2,
      }),
    ).toEqual({ takeBack: 2, giveBack: 1 });
  });

  it('adds up over any split of refunds to exactly what the order earned and redeemed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }),
        (earned, redeemed, parts) => {
          const of = parts.reduce((s, p) => s + p, 0);
          let refunded = 0;
          let takenBack = 0;
          let returned = 0;
          for (const part of parts) {
            refunded += part;
            const plan = planOrderReversal({
              earned,
              redeemed,
              refunded,
              of,
              full: refunded === of,
              takenBack,
              returned,
            });
            takenBack += plan.takeBack;
            returned += plan.giveBack;
            expect(takenBack).toBeLessThanOrEqual(earned);
            expect(returned).toBeLessThanOrEqual(redeemed);
          }
          expect(takenBack).toBe(earned);
          expect(returned).toBe(redeemed);
        },
      ),
    );
  });
});
