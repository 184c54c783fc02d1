import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ').trim();

/**
 * The owner opens the business reports with a day of sales at two outlets (a split payment, a refund),
 * narrows them to one outlet, and downloads a report as CSV.
 */
describe('dashboard: business reports', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const branch: Record<'kemang' | 'depok', string> = { kemang: '', depok: '' };

  beforeAll(async () => {
    ensureDashboardBuilt();
    server = await startServerProcess(data.dir);
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...OWNER, workspaceName: 'Kopi Sari' }),
    });
    const ws = ((await setup.json()) as { memberships: { workspaceId: string }[] }).memberships[0]!
      .workspaceId;
    const api = apiClient(server.url, server.adminKey!);
    const base = `/api/v1/workspaces/${ws}`;
    branch.kemang = (await api.post<{ id: string }>(`${base}/branches`, { name: 'Outlet Kemang' })).id;
    branch.depok = (await api.post<{ id: string }>(`${base}/branches`, { name: 'Outlet Depok' })).id;
    const latte = await api.post<{ id: string }>(`${base}/products`, {
      sku: 'LATTE',
      name: 'Es Kopi Susu',
      category: 'Minuman',
      price: 22_000,
      cost: 7_000,
      trackStock: false,
    });
    const roti = await api.post<{ id: string }>(`${base}/products`, {
      sku: 'ROTI',
      name: 'Roti Bakar Cokelat',
      category: 'Makanan',
      price: 15_000,
      cost: 6_000,
      trackStock: false,
    });
    const beans = await api.post<{ id: string }>(`${base}/products`, {
      sku: 'BJ-GY',
      name: 'Biji Kopi Gayo 200 g',
      category: 'Biji Kopi',
      unit: 'bungkus',
      price: 85_000,
      cost: 50_000,
    });
    await api.post(`${base}/branches/${branch.kemang}/stock/movements`, {
      productId: beans.id,
      kind: 'received',
      quantity: 20,
    });
    const sell = (at: string, lines: { productId: string; quantity: number }[], payments: object[]) =>
      api.post<{ id: string; lines: { id: string }[] }>(`${base}/branches/${at}/orders`, { lines, payments });
    // Kemang: 3 lattes and a roti, paid half cash half QRIS; 1 latte by GoPay. Depok: 2 roti in cash.
    const split = await sell(
      branch.kemang,
      [
        { productId: latte.id, quantity: 3 },
        { productId: roti.id, quantity: 1 },
      ],
      [
        { method: 'cash', amount: 40_000, tendered: 50_000 },
        { method: 'qris', amount: 41_000 },
      ],
    );
    await sell(branch.kemang, [{ productId: latte.id, quantity: 1 }], [{ method: 'gopay', amount: 22_000 }]);
    await sell(branch.depok, [{ productId: roti.id, quantity: 2 }], [{ method: 'cash', amount: 30_000 }]);
    await api.post(`${base}/branches/${branch.kemang}/orders/${split.id}/refunds`, {
      reason: 'Roti gosong',
      lines: [{ lineId: split.lines[1]!.id, quantity: 1 }],
    });
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'id-ID',
      acceptDownloads: true,
    });
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', OWNER.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/w\/[^/]+\//);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('shows the period’s sales with a chart and a table for each report', async () => {
    await page.getByRole('link', { name: 'Laporan' }).click();
    await page.waitForURL(/\/laporan/);
    await expect.poll(async () => plain(await page.getByTestId('kpi-orders').textContent())).toBe('3');
    // 81.000 + 22.000 + 30.000 sold, 15.000 refunded.
    expect(plain(await page.getByTestId('kpi-net-sales').textContent())).toBe('Rp 118.000');
    expect(plain(await page.getByTestId('refunds-summary').textContent())).toContain(
      '1 refund senilai Rp 15.000',
    );
    for (const name of [
      'sales',
      'products',
      'categories',
      'branches',
      'employees',
      'payments',
      'refunds',
      'stock-value',
    ]) {
      await expect.poll(async () => page.getByTestId(`report-${name}`).count()).toBe(1);
    }
    expect(await page.locator('[data-testid=report-sales] canvas').count()).toBe(1);
    expect(plain(await page.getByTestId('report-payments').locator('tbody').textContent())).toContain('QRIS');
    await page.screenshot({ path: screenshotPath('reports-1440'), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.screenshot({ path: screenshotPath('reports-1024'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('narrows every report to one branch, kept in the URL', async () => {
    await page.getByTestId('filter-branch').selectOption({ label: 'Outlet Depok' });
    await expect.poll(async () => plain(await page.getByTestId('kpi-orders').textContent())).toBe('1');
    expect(page.url()).toContain(`branch=${branch.depok}`);
    expect(plain(await page.getByTestId('kpi-net-sales').textContent())).toBe('Rp 30.000');
    await expect
      .poll(async () => plain(await page.getByTestId('report-branches').locator('tbody').textContent()))
      .not.toContain('Kemang');
    await page.reload();
    await expect.poll(async () => plain(await page.getByTestId('kpi-orders').textContent())).toBe('1');
  });

  it('downloads a report as CSV for the filtered branch, and as Excel’s semicolon CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-products').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^penjualan-per-produk-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'sku,produk,kategori,jumlah,jumlah_refund,penjualan,nilai_refund,penjualan_bersih,pendapatan_tanpa_ppn,hpp,laba_kotor,margin_persen',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ROTI,Roti Bakar Cokelat,Makanan,2,0,30000,0,30000,/);

    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-excel-branches').click(),
    ]);
    const text = readFileSync(await excel.path(), 'utf8');
    expect(text.startsWith('\ufeffcabang;id_cabang;pesanan;')).toBe(true);
    expect(text).toContain('Outlet Depok;');
    expect(text).not.toContain('Outlet Kemang');
  });

  it('corrects the stock after a count and sends goods to another branch', async () => {
    await page.getByRole('link', { name: 'Produk & stok' }).click();
    await expect
      .poll(async () => plain(await page.getByTestId('stock-BJ-GY').textContent()))
      .toBe('20 bungkus');
    await page.getByTestId('adjust-change').fill('-2');
    await page.getByTestId('adjust-reason').fill('Dua bungkus sobek');
    await page.getByTestId('adjust-save').click();
    await expect
      .poll(async () => plain(await page.getByTestId('stock-BJ-GY').textContent()))
      .toBe('18 bungkus');
    expect(plain(await page.getByTestId('catalogue-notice').textContent())).toBe(
      'Stok Biji Kopi Gayo 200 g dikoreksi -2: Dua bungkus sobek.',
    );
    await page.getByTestId('transfer-to').selectOption({ label: 'Outlet Depok' });
    await page.getByTestId('transfer-quantity').fill('5');
    await page.getByTestId('transfer-save').click();
    await expect
      .poll(async () => plain(await page.getByTestId('stock-BJ-GY').textContent()))
      .toBe('13 bungkus');
    expect(plain(await page.getByTestId('catalogue-notice').textContent())).toBe(
      '5 bungkus Biji Kopi Gayo 200 g dikirim ke Outlet Depok.',
    );
    await page.screenshot({ path: screenshotPath('stock-moves-1440'), fullPage: true });
    // The stock's value follows: 13 at Kemang and 5 at Depok, at cost.
    await page.getByRole('link', { name: 'Laporan' }).click();
    await expect
      .poll(async () => plain(await page.getByTestId('report-stock-value').locator('tfoot').textContent()))
      .toContain('Rp 900.000');
  });
});
