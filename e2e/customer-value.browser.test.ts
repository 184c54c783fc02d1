import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { headerlessCdnow } from '@jejak/core';
import { createServices, loadConfig, openStore } from '@jejak/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

const CDNOW = resolve(import.meta.dirname, '../packages/core/test/analytics/fixtures/cdnow-sample.txt.gz');

/**
 * The CDNOW sample's 2,357 customers and their 78 weeks of purchases, imported as the shop's history
 * before the server starts.
 */
async function seed(dataDir: string): Promise<void> {
  const store = await openStore(loadConfig({ JEJAK_DATA_DIR: dataDir, JEJAK_LOG_LEVEL: 'warn' }));
  try {
    const services = createServices(store);
    const { workspace } = await services.accounts.createOwner({
      ...OWNER,
      workspaceName: 'Toko Musik Irama',
    });
    await services.branches.create(workspace.id, { name: 'Toko Pusat' });
    // Moved forward so the sample's last day (30 June 1998) is yesterday: a shop whose history runs to now.
    const DAY = 86_400_000;
    const shift = Math.floor(Date.now() / DAY) - 1 - Date.UTC(1998, 5, 30) / DAY;
    const text = gunzipSync(readFileSync(CDNOW))
      .toString('utf8')
      .replace(/ (\d{4})(\d{2})(\d{2}) /g, (_m, y: string, m: string, d: string) => {
        const moved = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)) + shift * DAY);
        return ` ${moved.toISOString().slice(0, 10).replaceAll('-', '')} `;
      });
    const summary = await services.salesImport.importSales(workspace.id, Buffer.from(text), {
      mapping: headerlessCdnow(5)!,
      source: 'cdnow',
      dryRun: false,
    });
    if (summary.lines.rejected > 0) throw new Error(`seed: ${JSON.stringify(summary.lines)}`);
  } finally {
    await store.close();
  }
}

describe('customer value in the browser', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureDashboardBuilt();
    await seed(data.dir);
    server = await startServerProcess(data.dir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(`${server.url}/login`);
    await page.getByLabel(/email/i).fill(OWNER.email);
    await page.getByLabel(/kata sandi/i).fill(OWNER.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/w\//);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('fits the models on the imported history and ranks customers by value', async () => {
    await page.getByRole('link', { name: 'Nilai pelanggan' }).click();
    await expect.poll(() => page.getByText('Model belum pernah dihitung').count()).toBe(1);
    await page.getByRole('button', { name: 'Hitung ulang' }).click();
    const quality = page.getByTestId('cv-quality');
    await quality.waitFor({ timeout: 60_000 });
    // The 2,357 customers and a holdout of 26 weeks: predicted and actual are both said, with their gap.
    expect(await page.getByTestId('cv-fitted').textContent()).toContain('2.357 pelanggan pernah membeli');
    expect(await quality.textContent()).toMatch(
      /Perkiraan [\d.]+ pembelian ulang oleh [\d.]+ pelanggan; yang terjadi [\d.]+/,
    );
    const values = await page.getByTestId('cv-customers').locator('tbody tr td:last-child').allTextContents();
    expect(values).toHaveLength(50);
    const amounts = values.map((v) => Number(v.replace(/[^\d]/g, '')));
    expect(amounts).toEqual([...amounts].sort((x, y) => y - x));
    expect(await page.getByText('1–50 dari 2.357').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('customer-value-1440'), fullPage: true });
  });

  it('narrows the list to those who may have left, and downloads it as CSV', async () => {
    await page.getByLabel(/Hanya yang mungkin sudah pergi/).check();
    await expect.poll(async () => page.getByText(/dari 2\.357/).count()).toBe(0);
    const alive = await page
      .getByTestId('cv-customers')
      .locator('tbody tr td:nth-child(4)')
      .allTextContents();
    for (const share of alive)
      expect(Number(share.replace('%', '').replace(',', '.'))).toBeLessThanOrEqual(50);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cv-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toContain('customer_id,name,repeat_purchases');
    expect(csv.length - 1).toBeGreaterThan(alive.length - 1);
    for (const row of csv.slice(1)) expect(Number(row.split(',')[5])).toBeLessThanOrEqual(0.5);
  });

  it('shows a customer his prediction on his page, in English too', async () => {
    await page.getByLabel(/Hanya yang mungkin sudah pergi/).uncheck();
    await page.getByTestId('cv-customers').locator('tbody a').first().click();
    const panel = page.getByTestId('customer-prediction');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Peluang masih aktif');
    await page.getByLabel('Bahasa').selectOption('en');
    await expect.poll(() => panel.textContent()).toContain('Likely still active');
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.screenshot({ path: screenshotPath('customer-value-customer-1024') });
  });

  it('groups the buyers into RFM segments that add up, and lists one segment', async () => {
    await page.getByLabel('Language').selectOption('id');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('link', { name: 'Segmen RFM' }).click();
    const segments = page.getByTestId('rfm-segments');
    await segments.waitFor();
    const counts = await segments.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(counts.map((c) => Number(c.replace(/\./g, ''))).reduce((a, b) => a + b, 0)).toBe(2357);
    const grid = await page.getByTestId('rfm-grid').locator('tbody td').allTextContents();
    expect(grid.map((c) => Number(c.replace(/\./g, ''))).reduce((a, b) => a + b, 0)).toBe(2357);
    await segments.getByRole('button', { name: 'Juara' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Pembeli di segmen Juara' }).count()).toBe(1);
    const cells = page.getByTestId('rfm-customers').locator('tbody tr td:nth-child(2)');
    await page.screenshot({ path: screenshotPath('rfm-1440'), fullPage: true });
    await expect.poll(() => cells.count()).toBeGreaterThan(0);
    const rows = await cells.allTextContents();
    for (const segment of rows) expect(segment).toBe('Juara');
    await page.screenshot({ path: screenshotPath('rfm-1440'), fullPage: true });
  });
});
