import { randomUUID } from 'node:crypto';
import { DAY_MS, commissionOf, commissionReversal, type CommissionRule } from '@jejak/core';
import {
  ReferralRepository,
  type AffiliateRow,
  type Executor,
  type Order,
  type ReferralRow,
} from '@jejak/storage';

export const commissionRule = (a: AffiliateRow): CommissionRule =>
  a.commission_type === 'fixed'
    ? { type: 'fixed', amount: Number(a.commission_value) }
    : { type: 'percent', rateBp: Number(a.commission_value) };

/**
 * An affiliate's commission entries: one accrual per sale of a customer he referred, inside the
 * affiliate's commission period and while he is active; a refund writes a negative entry for its share,
 * so a month's statement is the sum of its entries and a refund in a later month lowers that month's.
 */
export class AffiliateCommissions {
  async accrue(db: Executor, referral: ReferralRow, order: Order): Promise<void> {
    const repo = new ReferralRepository(db);
    const affiliate = await repo.affiliate(referral.workspace_id, referral.affiliate_id!);
    if (!affiliate || affiliate.active !== 1) return;
    if (order.completed_at > referral.created_at + affiliate.commission_days * DAY_MS) return;
    if ((await repo.commissionsOfOrder(order.workspace_id, order.id)).length > 0) return;
    const amount = commissionOf(commissionRule(affiliate), { total: order.total, tax: order.tax_total });
    if (amount <= 0) return;
    await repo.insertCommission({
      id: randomUUID(),
      workspace_id: order.workspace_id,
      affiliate_id: affiliate.id,
      referral_id: referral.id,
      order_id: order.id,
      refund_id: null,
      base: order.total - order.tax_total,
      amount,
      at: order.completed_at,
    });
  }

  async reverse(
    db: Executor,
    order: Order,
    refund: { id: string; refunded: number; of: number; full: boolean },
    at: number,
  ): Promise<void> {
    const repo = new ReferralRepository(db);
    const entries = await repo.commissionsOfOrder(order.workspace_id, order.id);
    const accrual = entries.find((e) => e.refund_id === null);
    if (!accrual) return;
    const reversed = -entries.filter((e) => e.refund_id !== null).reduce((s, e) => s + Number(e.amount), 0);
    const take = commissionReversal(Number(accrual.amount), reversed, refund);
    if (take <= 0) return;
    await repo.insertCommission({
      id: randomUUID(),
      workspace_id: order.workspace_id,
      affiliate_id: accrual.affiliate_id,
      referral_id: accrual.referral_id,
      order_id: order.id,
      refund_id: refund.id,
      base: Math.round((order.total * refund.refunded) / Math.max(1, refund.of)),
      amount: -take,
      at,
    });
  }
}
