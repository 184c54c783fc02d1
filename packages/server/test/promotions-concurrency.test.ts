import { PromotionRepository } from '@jejak/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../storage/test/test-database.ts';
import { asUser } from './accounts.harness.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { aCode, aCustomer, aPromotion, promotionUses, sellLatte } from './promotions.harness.ts';
import { openShop, salesUrl, type Shop } from './sales.harness.ts';

/*
 * Checkouts racing for a voucher's last uses. The promotion's row (and the code's) is the guard: its
 * conditional UPDATE (`uses < limit`) waits for the other checkout's transaction to end (PostgreSQL's
 * row lock; SQLite's one writer lock) and then sees what that one left. Runs on both dialects.
 */

let t: TestApp;
let shop: Shop;

beforeAll(async () => {
  t = await startTestApp();
  shop = await openShop(t);
});
afterAll(() => t.close());

const PARALLEL = 12;

async function redemptions(promotionId: string) {
  const response = await asUser(t, shop.owner, 'GET', salesUrl(t, '/promotions/results'));
  return response
    .json<{ items: { promotionId: string; redemptions: number }[] }>()
    .items.find((r) => r.promotionId === promotionId)!.redemptions;
}

describe.each([1, 3, 5])('a code with %i uses left, redeemed by %s parallel checkouts', (left) => {
  it('is redeemed exactly that many times; the rest are refused with limit_reached', async () => {
    // Rp 5.000 off a Rp 22.000 latte; the promotion allows `left` more uses (two taken already).
    const id = await aPromotion(t, shop, {
      name: `Sisa ${left}`,
      reward: { type: 'amount', amount: 5_000 },
      totalLimit: left + 2,
    });
    const code = `SISA${left}`;
    await aCode(t, shop, id, code);
    for (let i = 0; i < 2; i += 1)
      expect((await sellLatte(t, shop, { codes: [code], pay: 17_000 })).statusCode).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () => sellLatte(t, shop, { codes: [code], pay: 17_000 })),
    );
    const won = answers.filter((a) => a.statusCode === 201);
    const lost = answers.filter((a) => a.statusCode !== 201);
    expect(won).toHaveLength(left);
    expect(
      lost.map((a) => [
        a.statusCode,
        a.json<{ error: { details: { reason: string } } }>().error.details.reason,
      ]),
    ).toEqual(Array.from({ length: PARALLEL - left }, () => [409, 'limit_reached']));
    expect(await promotionUses(t, shop, id)).toBe(left + 2);
    expect(await redemptions(id)).toBe(left + 2);
  });
});

describe('single-use codes of a batch raced by two tills each', () => {
  it('redeems every code once', async () => {
    const id = await aPromotion(t, shop, { name: 'Batch', reward: { type: 'amount', amount: 2_000 } });
    const batch = await asUser(t, shop.owner, 'POST', salesUrl(t, `/promotions/${id}/batches`), { count: 4 });
    const codes = batch.json<{ items: { code: string }[] }>().items.map((c) => c.code);
    const answers = await Promise.all(
      codes.flatMap((code) => [code, code].map((c) => sellLatte(t, shop, { codes: [c], pay: 20_000 }))),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(4);
    expect(await promotionUses(t, shop, id)).toBe(4);
  });
});

describe('a promotion of one use per customer, raced by one customer at two outlets', () => {
  it('is redeemed once for that customer', async () => {
    const id = await aPromotion(t, shop, {
      name: 'Sekali',
      reward: { type: 'amount', amount: 3_000 },
      perCustomerLimit: 1,
    });
    await aCode(t, shop, id, 'SEKALI');
    const customerId = await aCustomer(t, shop, '081200000777');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        sellLatte(t, shop, { codes: ['SEKALI'], pay: 19_000, customerId, who: shop.owner }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(
      answers
        .filter((a) => a.statusCode !== 201)
        .map((a) => a.json<{ error: { details: { reason: string } } }>().error.details.reason),
    ).toEqual(Array.from({ length: 5 }, () => 'customer_limit_reached'));
  });
});

describe.skipIf(testDialect() !== 'postgres')(
  'PostgreSQL: a checkout waits for another transaction holding the last use',
  () => {
    it('blocks on the promotion row, then refuses on what the other one committed', async () => {
      const id = await aPromotion(t, shop, {
        name: 'Terakhir',
        reward: { type: 'amount', amount: 1_000 },
        totalLimit: 1,
      });
      await aCode(t, shop, id, 'TERAKHIR');
      // Another connection's checkout, mid-flight: it has taken the last use and not committed yet.
      const other = await t.store.db.startTransaction().execute();
      expect(await new PromotionRepository(other).claim(t.workspace.id, id, null)).toBe('ok');
      let settled = false;
      const racing = sellLatte(t, shop, { codes: ['TERAKHIR'], pay: 21_000 }).then((answer) => {
        settled = true;
        return answer;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled, 'the checkout waits for the row lock').toBe(false);
      await other.commit().execute();
      const answer = await racing;
      expect(answer.statusCode).toBe(409);
      expect(answer.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
        'limit_reached',
      );
      expect(await promotionUses(t, shop, id)).toBe(1);
    });
  },
);
