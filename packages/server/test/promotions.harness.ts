import { asUser, type SignedInUser } from './accounts.harness.ts';
import type { TestApp } from './harness.ts';
import { salesUrl, sell, type Shop } from './sales.harness.ts';

/** A promotion created by the shop's owner, with overrides; answers its id. */
export async function aPromotion(t: TestApp, shop: Shop, overrides: Record<string, unknown> = {}) {
  const response = await asUser(t, shop.owner, 'POST', salesUrl(t, '/promotions'), {
    name: 'Hemat 10%',
    trigger: 'code',
    reward: { type: 'percent', percent: 10, maxDiscount: null },
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`promotion: ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** A code of a promotion, with `maxUses` uses. */
export async function aCode(t: TestApp, shop: Shop, promotionId: string, code: string, extra: object = {}) {
  const response = await asUser(t, shop.owner, 'POST', salesUrl(t, `/promotions/${promotionId}/codes`), {
    code,
    ...extra,
  });
  if (response.statusCode !== 201) throw new Error(`code: ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** One Es Kopi Susu (Rp 22.000, made to order, so stock never refuses it), paid by QRIS after the vouchers. */
export function sellLatte(
  t: TestApp,
  shop: Shop,
  options: { codes?: string[]; pay: number; customerId?: string; quantity?: number; who?: SignedInUser },
) {
  return sell(
    t,
    shop,
    {
      ...(options.customerId ? { customerId: options.customerId } : {}),
      lines: [{ productId: shop.product.latte, quantity: options.quantity ?? 1 }],
      ...(options.codes ? { voucherCodes: options.codes } : {}),
      payments: [{ method: 'qris', amount: options.pay }],
    },
    options.who ?? shop.cashier,
  );
}

export async function aCustomer(t: TestApp, shop: Shop, phone: string, name = 'Siti') {
  const response = await asUser(t, shop.cashier, 'POST', salesUrl(t, '/sales/customers'), { phone, name });
  return response.json<{ id: string }>().id;
}

export async function promotionUses(t: TestApp, shop: Shop, id: string) {
  const response = await asUser(t, shop.owner, 'GET', salesUrl(t, `/promotions/${id}`));
  return response.json<{ uses: number }>().uses;
}
