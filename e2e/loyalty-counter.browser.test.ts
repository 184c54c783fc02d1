import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

/** Intl writes `Rp 58.000` with a no-break space; the assertions read plain spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

/**
 * Loyalty at the counter: the cashier finds a member by phone, sees her points and tier, redeems some
 * as a discount, and the receipt prints her new balance. A second sale applies a voucher beside the
 * points: a refused code says why, a valid one comes off before the points, and the receipt shows both.
 */
describe('dashboard: points at the counter', () => {
  const data = tempDataDir();
  const PASSWORD = 'kasir-kopi-sari-123';
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let ws: string;
  let branch: string;
  let api: ReturnType<typeof apiClient>;
  let receiptToken = '';

  beforeAll(async () => {
    ensureDashboardBuilt();
    server = await startServerProcess(data.dir);
    api = apiClient(server.url, server.adminKey!);
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...OWNER, workspaceName: 'Kopi Sari' }),
    });
    ws = ((await setup.json()) as { memberships: { workspaceId: string }[] }).memberships[0]!.workspaceId;
    branch = (await api.post<{ id: string }>(`/api/v1/workspaces/${ws}/branches`, { name: 'Outlet Kemang' }))
      .id;
    await api.post(`/api/v1/workspaces/${ws}/products`, {
      sku: 'LATTE',
      name: 'Es Kopi Susu Gula Aren',
      category: 'Minuman',
      price: 22_000,
      trackStock: false,
    });
    await api.put(`/api/v1/workspaces/${ws}/loyalty/program`, {
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
        holdDays: 90,
        levels: [{ key: 'silver', name: 'Silver', threshold: 1, multiplierBp: 10_000 }],
      },
    });
    const siti = await api.post<{ id: string }>(`/api/v1/workspaces/${ws}/sales/customers`, {
      phone: '081234567801',
      name: 'Siti Rahayu',
    });
    await api.post(`/api/v1/workspaces/${ws}/loyalty/customers/${siti.id}/adjustments`, {
      points: 300,
      reason: 'Poin kartu lama dipindahkan',
      idempotencyKey: 'kartu-lama-siti',
    });
    // Vouchers: a Rp 5.000 code, and one that ended yesterday.
    const hemat = await api.post<{ id: string }>(`/api/v1/workspaces/${ws}/promotions`, {
      name: 'Hemat 5 ribu',
      trigger: 'code',
      reward: { type: 'amount', amount: 5_000 },
      minSpend: 20_000,
    });
    await api.post(`/api/v1/workspaces/${ws}/promotions/${hemat.id}/codes`, { code: 'HEMAT5' });
    const ended = await api.post<{ id: string }>(`/api/v1/workspaces/${ws}/promotions`, {
      name: 'Promo kemarin',
      trigger: 'code',
      reward: { type: 'percent', percent: 50, maxDiscount: null },
      endsAt: Date.now() - 86_400_000,
    });
    await api.post(`/api/v1/workspaces/${ws}/promotions/${ended.id}/codes`, { code: 'LEWAT' });
    const invitation = await api.post<{ token: string }>(`/api/v1/workspaces/${ws}/invitations`, {
      email: 'dewi@kopi.example',
      role: 'cashier',
      branchIds: [branch],
    });
    const accepted = await fetch(`${server.url}/api/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invitation.token, name: 'Dewi Kasir', password: PASSWORD }),
    });
    expect(accepted.status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('redeems points as a discount and shows the new balance', async () => {
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', 'dewi@kopi.example');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/w\/[^/]+\/kasir/);
    await page.locator('[data-testid=product-search]:focus').waitFor({ timeout: 10_000 });
    await page.keyboard.type('kopi susu');
    await page.getByTestId('matches').waitFor();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => plain(await page.getByTestId('total').textContent()), { timeout: 10_000 })
      .toBe('Rp 22.000');

    await page.keyboard.press('F4');
    await page.keyboard.type('0812 3456 7801\n');
    await expect
      .poll(async () => plain(await page.getByTestId('points-balance').textContent()), { timeout: 10_000 })
      .toBe('300 poin');
    expect(plain(await page.getByTestId('points').textContent())).toContain('senilai Rp 30.000');
    expect(plain(await page.getByTestId('points-tier').textContent())).toBe(
      'Belum punya tingkat · 1 lagi ke Silver',
    );

    // More than she has is refused at the till; 100 points take Rp 10.000 off.
    await page.getByTestId('points-redeem').fill('400');
    await page.getByTestId('points-apply').click();
    expect(plain(await page.getByRole('alert').textContent())).toBe(
      'Poin tidak cukup: yang bisa ditukar 300 poin.',
    );
    await page.getByTestId('points-redeem').fill('100');
    await page.getByTestId('points-apply').click();
    await expect
      .poll(async () => plain(await page.getByTestId('total').textContent()), { timeout: 10_000 })
      .toBe('Rp 12.000');
    expect(plain(await page.getByTestId('points-discount').textContent())).toBe('−Rp 10.000');
    await page.screenshot({ path: screenshotPath('loyalty-counter-1440'), fullPage: true });

    await page.keyboard.press('F9');
    await page.getByTestId('done').waitFor();
    // 300 − 100 redeemed + 1 earned on the Rp 12.000 paid (not on what the points paid).
    expect(plain(await page.getByTestId('done-points').textContent())).toBe('Saldo poin sekarang: 201');
    receiptToken = plain(await page.getByTestId('receipt-link').textContent()).split('/struk/')[1] ?? '';
    const whatsapp = decodeURIComponent((await page.getByTestId('whatsapp').getAttribute('href')) ?? '');
    expect(whatsapp).toContain('Saldo poin Anda: 201');
    expect(receiptToken).not.toBe('');
  });

  it('prints the redeemed points and the new balance on the receipt', async () => {
    const receiptPage = await browser.newPage({ viewport: { width: 800, height: 900 }, locale: 'id-ID' });
    await receiptPage.goto(`${server.url}/struk/${receiptToken}?lebar=58`);
    const receipt = receiptPage.getByTestId('receipt');
    await receipt.waitFor();
    expect(plain(await receiptPage.getByTestId('receipt-total').textContent())).toBe('Rp 12.000');
    expect(plain(await receiptPage.getByTestId('receipt-points').textContent())).toBe('201');
    const text = plain(await receipt.textContent());
    // The points are the discount: one line, not a discount and the points again.
    expect(text).toContain('Tukar 100 poin−Rp 10.000');
    expect(text).not.toContain('Diskon');
    expect(text).toContain('Poin didapat+1');
    await receipt.screenshot({ path: screenshotPath('loyalty-receipt-58mm') });
    await receiptPage.close();
  });

  it('shows the owner what the program issued and owes, and saves a tier he changes', async () => {
    // bypassCSP: axe-core is injected as an inline script, which the page's own policy rightly refuses.
    const owner = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'id-ID',
      bypassCSP: true,
    });
    await owner.goto(`${server.url}/login`);
    await owner.fill('input[name=email]', OWNER.email);
    await owner.fill('input[name=password]', OWNER.password);
    await owner.click('button[type=submit]');
    await owner.waitForURL(/\/w\/[^/]+\//);
    await owner.getByRole('link', { name: 'Loyalitas' }).click();
    await expect
      .poll(async () => plain(await owner.getByTestId('kpi-issued').textContent()), { timeout: 10_000 })
      .toBe('301');
    expect(plain(await owner.getByTestId('kpi-redeemed').textContent())).toBe('100');
    expect(plain(await owner.getByTestId('kpi-outstanding').textContent())).toBe('201');
    // 201 points at Rp 100 each.
    expect(plain(await owner.getByTestId('kpi-liability').textContent())).toBe('Rp 20.100');
    await owner.getByTestId('add-tier').click();
    await owner.getByTestId('tier-1-name').fill('Gold');
    await owner.getByTestId('tier-1-threshold').fill('500');
    await owner.getByTestId('save-program').click();
    await owner.getByTestId('program-saved').waitFor();
    const program = await api.get<{ tiers: { levels: { key: string; threshold: number }[] } }>(
      `/api/v1/workspaces/${ws}/loyalty/program`,
    );
    expect(program.tiers.levels).toEqual([
      expect.objectContaining({ key: 'silver', threshold: 1 }),
      expect.objectContaining({ key: 'gold', threshold: 500 }),
    ]);
    expect(await axeViolations(owner)).toEqual([]);
    await owner.screenshot({ path: screenshotPath('loyalty-page-1440'), fullPage: true });
    await owner.setViewportSize({ width: 1024, height: 900 });
    await owner.screenshot({ path: screenshotPath('loyalty-page-1024'), fullPage: true });
    await owner.close();
  });

  it('applies a voucher beside the points: a refused code says why, the receipt shows both', async () => {
    await page.goto(`${server.url}/w/${ws}/kasir`);
    await page.locator('[data-testid=product-search]:focus').waitFor({ timeout: 10_000 });
    await page.keyboard.type('kopi susu');
    await page.getByTestId('matches').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('F4');
    await page.keyboard.type('0812 3456 7801\n');
    await page.getByTestId('points-balance').waitFor({ timeout: 10_000 });

    await page.getByTestId('voucher-code').fill('lewat');
    await page.getByTestId('voucher-apply').click();
    await expect
      .poll(async () => plain(await page.getByTestId('voucher-refused').textContent()), { timeout: 10_000 })
      .toContain('LEWAT: Promo ini sudah berakhir pada');
    expect(await page.getByTestId('pay').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Hapus voucher LEWAT' }).click();

    await page.getByTestId('voucher-code').fill('hemat5');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => plain(await page.getByTestId('promotion-discount').textContent()), {
        timeout: 10_000,
      })
      .toBe('−Rp 5.000');
    expect(plain(await page.getByTestId('vouchers-applied').textContent())).toContain(
      'HEMAT5 · Hemat 5 ribu',
    );
    // The voucher first (Rp 22.000 − 5.000), then 50 points worth Rp 5.000.
    await page.getByTestId('points-redeem').fill('50');
    await page.getByTestId('points-apply').click();
    await expect
      .poll(async () => plain(await page.getByTestId('total').textContent()), { timeout: 10_000 })
      .toBe('Rp 12.000');
    await page.screenshot({ path: screenshotPath('voucher-counter-1440'), fullPage: true });

    await page.keyboard.press('F9');
    await page.getByTestId('done').waitFor();
    expect(plain(await page.getByTestId('done-points').textContent())).toBe('Saldo poin sekarang: 152');
    const token = plain(await page.getByTestId('receipt-link').textContent()).split('/struk/')[1] ?? '';
    const receiptPage = await browser.newPage({ viewport: { width: 800, height: 900 }, locale: 'id-ID' });
    await receiptPage.goto(`${server.url}/struk/${token}?lebar=58`);
    const receipt = receiptPage.getByTestId('receipt');
    await receipt.waitFor();
    expect(plain(await receiptPage.getByTestId('receipt-promotion').textContent())).toBe(
      'Voucher HEMAT5−Rp 5.000',
    );
    const text = plain(await receipt.textContent());
    expect(text).toContain('Tukar 50 poin−Rp 5.000');
    expect(text).not.toContain('Diskon');
    expect(plain(await receiptPage.getByTestId('receipt-total').textContent())).toBe('Rp 12.000');
    await receipt.screenshot({ path: screenshotPath('voucher-receipt-58mm') });
    await receiptPage.close();
  });

  it('shows the owner each promotion’s results, creates a happy hour and a batch of codes as CSV', async () => {
    const owner = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'id-ID',
      bypassCSP: true,
    });
    await owner.goto(`${server.url}/login`);
    await owner.fill('input[name=email]', OWNER.email);
    await owner.fill('input[name=password]', OWNER.password);
    await owner.click('button[type=submit]');
    await owner.waitForURL(/\/w\/[^/]+\//);
    await owner.getByRole('link', { name: 'Voucher & promo' }).click();
    const hemat = owner.getByTestId('promotion-Hemat 5 ribu');
    await hemat.waitFor({ timeout: 10_000 });
    // One sale used HEMAT5: Rp 5.000 given, on an order of Rp 12.000, by one customer.
    expect(plain(await hemat.textContent())).toContain('Potongan Rp 5.000Aktif10Rp 5.000Rp 12.0001');
    await owner.getByTestId('promotion-chart').locator('canvas').waitFor();
    const resultsCsv = decodeURIComponent(
      (await owner.getByTestId('promotion-results-csv').getAttribute('href'))!.split(',').slice(1).join(','),
    );
    expect(resultsCsv).toContain('\n"Hemat 5 ribu",1,0,5000,12000,1\n');

    await owner.getByTestId('promo-name').fill('Happy hour sore');
    await owner.getByTestId('promo-trigger').selectOption('automatic');
    await owner.getByTestId('promo-value').fill('20');
    await owner.getByTestId('promo-cap').fill('10000');
    await owner.getByTestId('promo-from').fill('14:00');
    await owner.getByTestId('promo-to').fill('17:00');
    // For Gold members only, on the drinks (the program's tiers and the products' categories).
    await owner.getByTestId('promo-tier-gold').check();
    await owner.getByTestId('promo-categories').selectOption(['Minuman']);
    await owner.getByTestId('promo-submit').click();
    await owner.getByTestId('promo-created').waitFor();
    await owner.getByTestId('promotion-Happy hour sore').waitFor();
    const created = await api.get<{
      items: { name: string; tiers: string[] | null; categories: string[] | null }[];
    }>(`/api/v1/workspaces/${ws}/promotions`);
    expect(created.items.find((p) => p.name === 'Happy hour sore')).toMatchObject({
      tiers: ['gold'],
      categories: ['Minuman'],
    });

    await owner.getByTestId('promo-name').fill('Brosur Desember');
    await owner.getByTestId('promo-trigger').selectOption('code');
    await owner.getByTestId('promo-reward-type').selectOption('amount');
    await owner.getByTestId('promo-value').fill('10000');
    await owner.getByTestId('promo-submit').click();
    await owner.getByTestId('promotion-codes').waitFor();
    await owner.getByTestId('batch-count').fill('20');
    await owner.getByTestId('batch-prefix').fill('DES-');
    await owner.getByTestId('batch-generate').click();
    await expect
      .poll(async () => plain(await owner.getByTestId('code-count').textContent()), { timeout: 10_000 })
      .toBe('20 kode');
    const csv = await owner.request.get(
      `${server.url}${(await owner.getByTestId('codes-csv').getAttribute('href'))!}`,
    );
    const rows = (await csv.text()).trim().split('\n');
    expect(rows[0]).toBe('code,uses,max_uses,customer_id,batch_id');
    expect(rows).toHaveLength(21);
    expect(rows[1]).toMatch(/^DES-[ACDEFGHJKMNPQRTUVWXY34679]{8},0,1,,/);
    expect(await axeViolations(owner)).toEqual([]);
    await owner.screenshot({ path: screenshotPath('promotions-page-1440'), fullPage: true });
    await owner.setViewportSize({ width: 1024, height: 900 });
    await owner.screenshot({ path: screenshotPath('promotions-page-1024'), fullPage: true });
    await owner.close();
  });

  it('shows a manager a customer’s ledger with the balance explained, and takes an adjustment once', async () => {
    const owner = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID' });
    await owner.goto(`${server.url}/login`);
    await owner.fill('input[name=email]', OWNER.email);
    await owner.fill('input[name=password]', OWNER.password);
    await owner.click('button[type=submit]');
    await owner.waitForURL(/\/w\/[^/]+\//);
    await owner.goto(`${server.url}/w/${ws}/loyalitas`);
    // The month by month results: this month's row has everything so far; the CSV carries the same.
    const thisMonth = owner.getByTestId('loyalty-months-table').locator('tbody tr').last();
    await expect
      .poll(async () => (await thisMonth.locator('td').allTextContents()).slice(0, 2), { timeout: 10_000 })
      .toEqual(['302', '150']);
    const csv = decodeURIComponent(
      (await owner.getByTestId('loyalty-months-csv').getAttribute('href'))!.split(',').slice(1).join(','),
    );
    expect(csv.split('\n')[0]).toBe(
      '"Bulan","Poin diberikan","Poin ditukar","Poin kedaluwarsa","Poin ditarik","Naik tingkat","Turun tingkat"',
    );
    expect(csv).toMatch(/\n"\d{4}-\d{2}",302,150,0,0,1,0\n$/);
    await owner.getByTestId('ledger-search').fill('Siti');
    await owner.getByRole('button', { name: /Siti Rahayu/ }).click();
    await expect
      .poll(async () => plain(await owner.getByTestId('ledger-balance').textContent()), { timeout: 10_000 })
      .toContain('Saldo 152 poin = 152 bisa dipakai + 0 tertunda − 0 utang poin (senilai Rp 15.200)');
    const rows = owner.getByTestId('ledger-entries').locator('tbody tr');
    // Newest first: the second sale's earn and redemption, the first sale's, the card's points. A sale's
    // earn and redemption share one instant, so either may come first within it.
    const kinds = async () => {
      const all = await rows.locator('td:nth-child(2)').allTextContents();
      return [...all.slice(0, 2).sort(), ...all.slice(2, 4).sort(), ...all.slice(4)];
    };
    await expect
      .poll(kinds, { timeout: 10_000 })
      .toEqual(['Dapat poin', 'Ditukar', 'Dapat poin', 'Ditukar', 'Penyesuaian']);
    expect(plain(await rows.last().textContent())).toContain('Poin kartu lama dipindahkan');
    expect(await rows.first().getByRole('link', { name: 'Buka pesanan' }).count()).toBe(1);

    await owner.getByTestId('adjust-points').fill('-20');
    await owner.getByTestId('adjust-reason').fill('Salah input kasir');
    await owner.getByTestId('adjust-submit').click();
    await owner.getByTestId('adjust-done').waitFor();
    await expect
      .poll(async () => plain(await owner.getByTestId('ledger-balance').textContent()), { timeout: 10_000 })
      .toContain('Saldo 132 poin');
    expect(plain(await rows.first().textContent())).toContain('Salah input kasir');
    await owner.screenshot({ path: screenshotPath('loyalty-ledger-1440'), fullPage: true });
    await owner.setViewportSize({ width: 1024, height: 900 });
    await owner.screenshot({ path: screenshotPath('loyalty-ledger-1024'), fullPage: true });
    await owner.close();
  });
});
