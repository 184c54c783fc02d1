import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

function plain(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

/**
 * A referral at the counter: the cashier finds a new customer by phone, types the code a friend gave
 * him, and the sale completes with the referral recorded; the receipt prints the buyer's own code and
 * link to pass on. The owner's referral page then lists the referral.
 */
describe('dashboard: a referral at the counter', () => {
  const data = tempDataDir();
  const PASSWORD = 'kasir-kopi-sari-123';
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let ws: string;
  let sitiCode: string;
  let budiCode = '';

  beforeAll(async () => {
    ensureDashboardBuilt();
    server = await startServerProcess(data.dir);
    const api = apiClient(server.url, server.adminKey!);
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...OWNER, workspaceName: 'Kopi Sari' }),
    });
    ws = ((await setup.json()) as { memberships: { workspaceId: string }[] }).memberships[0]!.workspaceId;
    const branch = (
      await api.post<{ id: string }>(`/api/v1/workspaces/${ws}/branches`, { name: 'Outlet Kemang' })
    ).id;
    await api.post(`/api/v1/workspaces/${ws}/products`, {
      sku: 'LATTE',
      name: 'Es Kopi Susu Gula Aren',
      category: 'Minuman',
      price: 22_000,
      trackStock: false,
    });
    await api.put(`/api/v1/workspaces/${ws}/referrals/program`, {
      enabled: true,
      referrerReward: { type: 'points', points: 50 },
      friendReward: { type: 'points', points: 20 },
      windowDays: 7,
      minFirstOrder: 10_000,
      cap: null,
    });
    const siti = await api.post<{ id: string }>(`/api/v1/workspaces/${ws}/sales/customers`, {
      phone: '081234567801',
      name: 'Siti Rahayu',
    });
    sitiCode = (await api.get<{ code: string }>(`/api/v1/workspaces/${ws}/customers/${siti.id}/referral`))
      .code;
    await api.post(`/api/v1/workspaces/${ws}/sales/customers`, {
      phone: '081234567802',
      name: 'Budi Santoso',
    });
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

  it('records the friend’s code for a new customer, and the receipt prints his own code', async () => {
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
    await page.keyboard.type('0812 3456 7802\n');
    await page.getByTestId('referral-code').fill(sitiCode.toLowerCase());
    await page.screenshot({ path: screenshotPath('referral-counter-1440'), fullPage: true });
    await page.keyboard.press('F9');
    await page.getByTestId('done').waitFor();
    expect(plain(await page.getByTestId('done-referral-claim').textContent())).toBe(
      `Referal ${sitiCode} tercatat: diajak oleh Siti Rahayu.`,
    );
    budiCode = plain(await page.getByTestId('done-referral').textContent()).split(': ')[1] ?? '';
    expect(budiCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(budiCode).not.toBe(sitiCode);
    const whatsapp = decodeURIComponent((await page.getByTestId('whatsapp').getAttribute('href')) ?? '');
    expect(whatsapp).toContain(`Kode referal Anda: ${budiCode} · ${server.url}/ajak/${budiCode}`);

    const token = plain(await page.getByTestId('receipt-link').textContent()).split('/struk/')[1] ?? '';
    const receiptPage = await browser.newPage({ viewport: { width: 800, height: 900 }, locale: 'id-ID' });
    await receiptPage.goto(`${server.url}/struk/${token}?lebar=58`);
    const slip = receiptPage.getByTestId('receipt-referral');
    await slip.waitFor();
    const text = plain(await slip.textContent());
    expect(text).toContain('Ajak teman, dapat poin!');
    expect(text).toContain(`Kode referal Anda: ${budiCode}`);
    expect(text).toContain(`/ajak/${budiCode}`);
    await receiptPage.getByTestId('receipt').screenshot({ path: screenshotPath('referral-receipt-58mm') });
    await receiptPage.close();
  });

  it('lists the referral on the owner’s referral page', async () => {
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
    await owner.getByRole('link', { name: 'Referal & afiliasi' }).click();
    const list = owner.getByTestId('referral-list');
    await expect
      .poll(async () => plain(await list.textContent()), { timeout: 10_000 })
      .toContain('Budi Santoso');
    const row = plain(await list.locator('tbody tr').first().textContent());
    expect(row).toContain('Siti Rahayu');
    expect(row).toContain(sitiCode);
    expect(row).toContain('Kasir');
    expect(row).toContain('Menunggu masa aman');
    expect(plain(await owner.getByTestId('referral-kpis').textContent())).toContain('Referal dibuat');
    expect(await axeViolations(owner)).toEqual([]);
    await owner.screenshot({ path: screenshotPath('referral-page-1440'), fullPage: true });
    await owner.setViewportSize({ width: 1024, height: 900 });
    await owner.screenshot({ path: screenshotPath('referral-page-1024'), fullPage: true });
    await owner.close();
  });
});
