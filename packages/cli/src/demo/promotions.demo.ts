import type { Services } from '@jejak/server';

/**
 * The demo coffee chain's promotions: a weekday happy hour (20% off, at most Rp 15.000, Monday to
 * Friday 14:00–17:00 in each outlet's zone, applied at the counter without a code) and a welcome
 * voucher KOPIBARU (Rp 10.000 off from Rp 50.000, once per customer). The simulated history is
 * ingested as events, not rung up at the counter, so these apply to sales made at the counter from now.
 */
export async function seedDemoPromotions(services: Services, workspaceId: string): Promise<void> {
  await services.promotions.create(workspaceId, {
    name: 'Happy hour sore',
    trigger: 'automatic',
    reward: { type: 'percent', percent: 20, maxDiscount: 15_000 },
    days: [0, 1, 2, 3, 4],
    hours: { from: '14:00', to: '17:00' },
    stacking: 'exclusive',
  });
  const welcome = await services.promotions.create(workspaceId, {
    name: 'Selamat datang',
    trigger: 'code',
    reward: { type: 'amount', amount: 10_000 },
    minSpend: 50_000,
    perCustomerLimit: 1,
    stacking: 'exclusive',
  });
  await services.promotions.addCode(workspaceId, welcome.id, { code: 'KOPIBARU' });
}
