import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asUser } from './accounts.harness.ts';
import { DAY, HOUR, T0, startTestApp, type TestApp } from './harness.ts';
import { aCode, aCustomer, aPromotion, promotionUses, sellLatte } from './promotions.harness.ts';
import { openShop, salesUrl, sell, type Shop } from './sales.harness.ts';

/*
 * Vouchers and promotions through the API: campaigns, codes and batches, the cashier's quote with the
 * exact reason a code is refused (in Bahasa Indonesia and English), checkout with codes and automatic
 * promotions, and uses given back by voids and full refunds. T0 is Monday 1 June 2026, 15:00 in Jakarta.
 */

let t: TestApp;
let shop: Shop;

beforeAll(async () => {
  t = await startTestApp();
  shop = await openShop(t);
});
beforeEach(() => t.setNow(T0));
afterAll(() => t.close());

interface Quote {
  applied: { name: string; code: string | null; discount: number }[];
  refused: { code: string; reason: { code: string; values: Record<string, unknown>; message: string } }[];
  discount: number;
}

function quote(
  codes: string[],
  options: { lang?: 'id' | 'en'; customerId?: string; quantity?: number; branch?: string } = {},
) {
  return asUser(
    t,
    shop.cashier,
    'POST',
    salesUrl(t, `/branches/${options.branch ?? shop.branch}/promotions/quote`),
    {
      codes,
      lines: [{ productId: shop.product.latte, quantity: options.quantity ?? 1 }],
      ...(options.customerId ? { customerId: options.customerId } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
    },
  );
}

async function refusal(code: string, options: Parameters<typeof quote>[1] = {}) {
  const response = await quote([code], options);
  expect(response.statusCode).toBe(200);
  return response.json<Quote>().refused[0]?.reason;
}

describe('validation says exactly why a code is refused', () => {
  it.each([
    ['expired', { endsAt: T0 - DAY }, 'expired', 'Promo ini sudah berakhir pada 31 Mei 2026'],
    [
      'not yet valid',
      { startsAt: T0 + 2 * DAY },
      'not_yet_valid',
      'Promo ini belum berlaku; mulai 3 Jun 2026',
    ],
    [
      'outside its hours',
      { hours: { from: '07:00', to: '10:00' } },
      'outside_hours',
      'Promo ini hanya berlaku pukul 07:00–10:00.',
    ],
    ['on another day', { days: [5, 6] }, 'wrong_day', 'Promo ini hanya berlaku hari Sabtu atau Minggu.'],
    [
      'below the minimum spend',
      { minSpend: 50_000 },
      'below_min_spend',
      'Belanja minimal Rp\u00a050.000; kurang Rp\u00a028.000 lagi.',
    ],
    ['switched off', { active: false }, 'inactive', 'Promo ini sedang tidak aktif.'],
  ])('%s', async (_, rules, code, message) => {
    const id = await aPromotion(t, shop, { name: code, ...rules });
    const typed = `v-${code.replaceAll('_', '-')}`;
    await aCode(t, shop, id, typed.toUpperCase());
    const reason = await refusal(typed);
    expect(reason?.code).toBe(code);
    expect(reason?.message).toContain(message);
  });

  it('names the branch and the products a code is for, in English when asked', async () => {
    const atDepok = await aPromotion(t, shop, { name: 'Depok', branchIds: [shop.otherBranch] });
    await aCode(t, shop, atDepok, 'DEPOK');
    expect((await refusal('DEPOK', { lang: 'en' }))?.message).toBe(
      'This promotion is valid at Outlet Depok only.',
    );
    const forBread = await aPromotion(t, shop, { name: 'Roti', productIds: [shop.product.roti] });
    await aCode(t, shop, forBread, 'ROTI');
    expect(await refusal('ROTI', { lang: 'en' })).toMatchObject({
      code: 'no_eligible_products',
      message: 'This promotion is for Roti Bakar Cokelat only; none is in the cart.',
    });
    expect(await refusal('TIDAKADA')).toMatchObject({
      code: 'unknown_code',
      message: 'Kode TIDAKADA tidak dikenal.',
    });
  });

  it('refuses a used-up code and a customer’s second use, and a code issued to someone else', async () => {
    const once = await aPromotion(t, shop, { name: 'Sekali', totalLimit: 1 });
    await aCode(t, shop, once, 'SEKALI');
    expect((await sellLatte(t, shop, { codes: ['SEKALI'], pay: 19_800 })).statusCode).toBe(201);
    expect(await refusal('SEKALI')).toMatchObject({
      code: 'limit_reached',
      message: 'Kuota promo ini sudah habis (1 kali).',
    });

    const perCustomer = await aPromotion(t, shop, { name: 'Per pelanggan', perCustomerLimit: 1 });
    await aCode(t, shop, perCustomer, 'PERORANG');
    const siti = await aCustomer(t, shop, '081211110001');
    expect((await refusal('PERORANG'))?.code).toBe('customer_required');
    expect(
      (await sellLatte(t, shop, { codes: ['PERORANG'], pay: 19_800, customerId: siti })).statusCode,
    ).toBe(201);
    expect(await refusal('PERORANG', { customerId: siti, lang: 'en' })).toMatchObject({
      code: 'customer_limit_reached',
      message: 'This customer has used this promotion 1 times, the limit per customer.',
    });

    const budi = await aCustomer(t, shop, '081211110002', 'Budi');
    await aCode(t, shop, perCustomer, 'UNTUKBUDI', { customerId: budi });
    expect((await refusal('UNTUKBUDI', { customerId: siti }))?.code).toBe('not_your_code');
  });

  it('answers the checkout with the same reason (409 voucher_refused), in both languages', async () => {
    const response = await sellLatte(t, shop, { codes: ['V-expired'], pay: 22_000 });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { code: string; details: unknown } }>().error).toMatchObject({
      code: 'voucher_refused',
      details: {
        code: 'V-EXPIRED',
        reason: 'expired',
        messages: { id: expect.stringContaining('berakhir') as string },
      },
    });
  });
});

describe('checkout with vouchers and promotions', () => {
  it('takes a capped percentage off, and the order and receipt show it', async () => {
    const id = await aPromotion(t, shop, {
      name: 'Diskon 50% maks 8 ribu',
      reward: { type: 'percent', percent: 50, maxDiscount: 8_000 },
    });
    await aCode(t, shop, id, 'SETENGAH');
    const q = (await quote(['setengah'], { quantity: 2 })).json<Quote>();
    expect(q).toMatchObject({ discount: 8_000, applied: [{ code: 'SETENGAH', discount: 8_000 }] });
    const sale = await sellLatte(t, shop, { codes: ['setengah'], quantity: 2, pay: 36_000 });
    expect(sale.statusCode).toBe(201);
    const order = sale.json<{
      total: number;
      promotionDiscount: number;
      shareToken: string;
      promotions: unknown[];
    }>();
    expect(order).toMatchObject({ total: 36_000, promotionDiscount: 8_000 });
    expect(order.promotions).toEqual([
      { promotionId: id, name: 'Diskon 50% maks 8 ribu', code: 'SETENGAH', discount: 8_000, reversed: false },
    ]);
    const receipt = await t.app.inject({ method: 'GET', url: `/api/v1/receipts/${order.shareToken}` });
    expect(receipt.json<{ order: { promotionDiscount: number } }>().order.promotionDiscount).toBe(8_000);
  });

  it('applies the voucher before the cashier’s order discount, and a free item', async () => {
    const id = await aPromotion(t, shop, {
      name: 'Roti gratis',
      reward: { type: 'free_item', productId: shop.product.roti, quantity: 1 },
    });
    await aCode(t, shop, id, 'ROTIGRATIS');
    const sale = await sell(t, shop, {
      lines: [
        { productId: shop.product.latte, quantity: 1 },
        { productId: shop.product.roti, quantity: 1 },
      ],
      voucherCodes: ['ROTIGRATIS'],
      orderDiscount: { type: 'percent', value: 10 },
      payments: [{ method: 'cash', amount: 19_800 }],
    });
    expect(sale.statusCode).toBe(201);
    expect(sale.json()).toMatchObject({ promotionDiscount: 12_500, orderDiscount: 2_200, total: 19_800 });
  });

  it('runs a happy hour without a code, in the branch’s hours only', async () => {
    const id = await aPromotion(t, shop, {
      name: 'Happy hour',
      trigger: 'automatic',
      reward: { type: 'percent', percent: 20, maxDiscount: null },
      hours: { from: '14:00', to: '17:00' },
      branchIds: [shop.branch],
    });
    const during = await sellLatte(t, shop, { pay: 17_600 });
    expect(during.statusCode).toBe(201);
    expect(during.json()).toMatchObject({
      promotionDiscount: 4_400,
      promotions: [{ name: 'Happy hour', code: null }],
    });
    t.setNow(T0 + 3 * HOUR); // 18:00 in Jakarta
    expect((await sellLatte(t, shop, { pay: 22_000 })).json()).toMatchObject({ promotionDiscount: 0 });
    const available = await asUser(
      t,
      shop.cashier,
      'GET',
      salesUrl(t, `/branches/${shop.branch}/promotions/available`),
    );
    expect(available.json<{ items: unknown[] }>().items).toEqual([]);
    t.setNow(T0);
    const now = await asUser(
      t,
      shop.cashier,
      'GET',
      salesUrl(t, `/branches/${shop.branch}/promotions/available`),
    );
    expect(now.json<{ items: { name: string }[] }>().items.map((i) => i.name)).toEqual(['Happy hour']);
    await asUser(t, shop.owner, 'PATCH', salesUrl(t, `/promotions/${id}`), { active: false });
  });

  it('lists the codes issued to the customer at the till, and emits Voucher Redeemed on their journey', async () => {
    const id = await aPromotion(t, shop, { name: 'Ulang tahun', reward: { type: 'amount', amount: 10_000 } });
    const rina = await aCustomer(t, shop, '081211110003', 'Rina');
    await aCode(t, shop, id, 'RINA-HBD', { customerId: rina, maxUses: 1 });
    const available = await asUser(
      t,
      shop.cashier,
      'GET',
      salesUrl(t, `/branches/${shop.branch}/promotions/available?customerId=${rina}`),
    );
    expect(available.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ name: 'Ulang tahun', code: 'RINA-HBD', usesLeft: 1 }),
    ]);
    expect(
      (await sellLatte(t, shop, { codes: ['RINA-HBD'], pay: 12_000, customerId: rina })).statusCode,
    ).toBe(201);
    const events = await t.store.db
      .selectFrom('events')
      .select(['name'])
      .where('workspace_id', '=', t.workspace.id)
      .where('customer_id', '=', rina)
      .execute();
    expect(events.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Order Completed', 'Voucher Redeemed']),
    );
  });
});

describe('promotions for a loyalty tier', () => {
  it('apply to the program’s Silver members only', async () => {
    const put = await asUser(t, shop.owner, 'PUT', salesUrl(t, '/loyalty/program'), {
      enabled: true,
      rupiahPerPoint: 10_000,
      minOrder: 0,
      productPoints: {},
      categoryPoints: {},
      pointValue: 100,
      minRedeem: 10,
      maxRedeemPercent: 100,
      expiryDays: 365,
      earnOnRedeemed: false,
      allowNegative: false,
      signupBonus: 0,
      birthdayBonus: 0,
      pendingDays: 0,
      tiers: {
        basis: 'points',
        periodDays: 365,
        holdDays: 30,
        levels: [{ key: 'silver', name: 'Silver', threshold: 1, multiplierBp: 10_000 }],
      },
    });
    expect(put.statusCode).toBe(200);
    const member = await aCustomer(t, shop, '081211110010', 'Anggota');
    const newcomer = await aCustomer(t, shop, '081211110011', 'Baru');
    // Rp 44.000 earns 4 points: Silver from the first point.
    expect((await sellLatte(t, shop, { quantity: 2, pay: 44_000, customerId: member })).statusCode).toBe(201);
    const id = await aPromotion(t, shop, { name: 'Khusus Silver', tiers: ['silver'] });
    await aCode(t, shop, id, 'SILVER10');
    expect((await quote(['SILVER10'], { customerId: member })).json<Quote>().applied).toHaveLength(1);
    expect(await refusal('SILVER10', { customerId: newcomer })).toMatchObject({
      code: 'wrong_tier',
      message: 'Promo ini khusus anggota silver.',
    });
    await asUser(t, shop.owner, 'PUT', salesUrl(t, '/loyalty/program'), {
      ...put.json<object>(),
      enabled: false,
    });
  });
});

describe('refunds and voids give vouchers back', () => {
  async function oneUseVoucher(code: string) {
    const id = await aPromotion(t, shop, {
      name: code,
      reward: { type: 'amount', amount: 2_000 },
      totalLimit: 1,
    });
    await aCode(t, shop, id, code);
    const sale = await sellLatte(t, shop, { codes: [code], pay: 20_000, who: shop.manager });
    expect(sale.statusCode).toBe(201);
    expect((await quote([code])).json<Quote>().refused[0]?.reason.code).toBe('limit_reached');
    return { id, order: sale.json<{ id: string; lines: { id: string; quantity: number }[] }>() };
  }
  const orderUrl = (orderId: string, action: string) =>
    salesUrl(t, `/branches/${shop.branch}/orders/${orderId}/${action}`);

  it('a void gives the use back: the code can be redeemed again, and the order shows it given back', async () => {
    const { id, order } = await oneUseVoucher('BATAL');
    const voided = await asUser(t, shop.manager, 'POST', orderUrl(order.id, 'void'), {
      reason: 'salah input',
    });
    expect(voided.statusCode).toBe(200);
    expect(voided.json()).toMatchObject({ promotions: [{ code: 'BATAL', reversed: true }] });
    expect(await promotionUses(t, shop, id)).toBe(0);
    expect((await quote(['BATAL'])).json<Quote>().applied).toHaveLength(1);
    expect((await sellLatte(t, shop, { codes: ['BATAL'], pay: 20_000 })).statusCode).toBe(201);
    const results = await asUser(t, shop.owner, 'GET', salesUrl(t, '/promotions/results'));
    expect(
      results.json<{ items: { promotionId: string }[] }>().items.find((r) => r.promotionId === id),
    ).toMatchObject({
      redemptions: 1,
      reversed: 1,
      discount: 2_000,
      revenue: 20_000,
    });
  });

  it('a full refund gives it back; a partial one keeps it used', async () => {
    const { id, order } = await oneUseVoucher('KEMBALI');
    const full = await asUser(t, shop.manager, 'POST', orderUrl(order.id, 'refunds'), {
      reason: 'pelanggan kecewa',
      lines: [{ lineId: order.lines[0]!.id, quantity: 1 }],
    });
    expect(full.statusCode).toBe(201);
    expect(await promotionUses(t, shop, id)).toBe(0);

    const partial = await aPromotion(t, shop, {
      name: 'Sebagian',
      reward: { type: 'amount', amount: 2_000 },
      totalLimit: 1,
    });
    await aCode(t, shop, partial, 'SEBAGIAN');
    const sale = await sellLatte(t, shop, {
      codes: ['SEBAGIAN'],
      pay: 42_000,
      quantity: 2,
      who: shop.manager,
    });
    const line = sale.json<{ id: string; lines: { id: string }[] }>();
    const half = await asUser(t, shop.manager, 'POST', orderUrl(line.id, 'refunds'), {
      reason: 'satu tumpah',
      lines: [{ lineId: line.lines[0]!.id, quantity: 1 }],
    });
    expect(half.statusCode).toBe(201);
    expect(await promotionUses(t, shop, partial)).toBe(1);
  });
});

describe('campaigns', () => {
  it('generates a batch of unique codes from the unambiguous alphabet and exports them as CSV', async () => {
    const id = await aPromotion(t, shop, { name: 'Brosur' });
    const batch = await asUser(t, shop.owner, 'POST', salesUrl(t, `/promotions/${id}/batches`), {
      count: 50,
      prefix: 'kopi-',
    });
    expect(batch.statusCode).toBe(201);
    const codes = batch.json<{ items: { code: string; maxUses: number }[] }>().items;
    expect(new Set(codes.map((c) => c.code)).size).toBe(50);
    for (const c of codes) {
      expect(c.code).toMatch(/^KOPI-[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
      expect(c.maxUses).toBe(1);
    }
    const csv = await asUser(t, shop.owner, 'GET', salesUrl(t, `/promotions/${id}/codes/export`));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\n')).toHaveLength(51);
  });

  it('refuses a code the workspace already has, bad dates, unknown products, and a cashier', async () => {
    const id = await aPromotion(t, shop, { name: 'Dobel' });
    await aCode(t, shop, id, 'DOBEL');
    const again = await asUser(t, shop.owner, 'POST', salesUrl(t, `/promotions/${id}/codes`), {
      code: 'dobel',
    });
    expect([again.statusCode, again.json<{ error: { code: string } }>().error.code]).toEqual([
      409,
      'code_taken',
    ]);
    const backwards = await asUser(t, shop.owner, 'POST', salesUrl(t, '/promotions'), {
      name: 'Mundur',
      trigger: 'code',
      reward: { type: 'amount', amount: 1_000 },
      startsAt: T0,
      endsAt: T0 - 1,
    });
    expect([backwards.statusCode, backwards.json<{ error: { message: string } }>().error.message]).toEqual([
      400,
      'body/endsAt must be after startsAt',
    ]);
    const unknown = await asUser(t, shop.owner, 'POST', salesUrl(t, '/promotions'), {
      name: 'Hantu',
      trigger: 'code',
      reward: { type: 'free_item', productId: 'tidak-ada', quantity: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    const cashier = await asUser(t, shop.cashier, 'POST', salesUrl(t, '/promotions'), {
      name: 'Kasir',
      trigger: 'code',
      reward: { type: 'amount', amount: 1_000 },
    });
    expect(cashier.statusCode).toBe(403);
  });
});
