import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

function plain(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

const CSV = [
  'SKU;Nama;Kategori;Harga;Modal;Barcode;Satuan',
  'KOPI-250;Biji Kopi Gayo 250 g;Kopi;85.000;52.000;8991234500017;bungkus',
  'ROTI-01;Roti Bakar Cokelat;Makanan;12.500;5.000;8991234500024;pcs',
  'TEH-01;Teh Tarik;Minuman;15000,50;4000;;cup',
].join('\n');

/** The owner fills the catalogue from a spreadsheet, then books goods received at an outlet. */
describe('dashboard: products and stock', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

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
    await apiClient(server.url, server.adminKey!).post(`/api/v1/workspaces/${ws}/branches`, {
      name: 'Outlet Kemang',
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID' });
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

  it('checks a CSV first, saving nothing, then imports it and reports the refused row by line', async () => {
    await page.getByRole('link', { name: 'Produk & stok' }).click();
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: 'produk.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('csv-check').click();
    await expect
      .poll(async () => plain(await page.getByTestId('csv-report').textContent()), { timeout: 10_000 })
      .toContain('Hasil pemeriksaan: 2 produk baru, 0 diperbarui, 1 baris ditolak. Belum ada yang disimpan.');
    expect(plain(await page.getByTestId('csv-report').textContent())).toContain(
      'Baris 4: harga “15000,50” bukan angka Rupiah bulat',
    );
    await page.getByTestId('csv-import-now').click();
    await expect
      .poll(async () => page.getByTestId('catalogue').locator('tbody tr').count(), { timeout: 10_000 })
      .toBe(2);
    expect(plain(await page.getByTestId('csv-report').textContent())).toContain(
      'Impor selesai: 2 produk baru',
    );
    expect(plain(await page.getByTestId('stock-KOPI-250').textContent())).toBe('0 bungkus');
  });

  it('books goods received at the outlet', async () => {
    await page.getByTestId('receive-KOPI-250').fill('24');
    await page.getByTestId('receive-KOPI-250').press('Enter');
    await expect
      .poll(async () => plain(await page.getByTestId('stock-KOPI-250').textContent()), { timeout: 10_000 })
      .toBe('24 bungkus');
    expect(plain(await page.getByTestId('catalogue-notice').textContent())).toBe(
      '24 bungkus Biji Kopi Gayo 250 g diterima.',
    );
    await page.screenshot({ path: screenshotPath('sales-catalogue-1440'), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.screenshot({ path: screenshotPath('sales-catalogue-1024'), fullPage: true });
  });
});
