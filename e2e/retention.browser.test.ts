import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { presetMapping } from '@jejak/core';
import { createServices, loadConfig, openStore } from '@jejak/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

const DAY = 86_400_000;

/**
 * Online Retail (UCI): the first 2,000 lines and every line of the customers whose id is a multiple of
 * 40, moved forward so its last day (9 December 2011) is yesterday, imported as the shop's history.
 */
async function seed(dataDir: string): Promise<void> {
  const store = await openStore(loadConfig({ JEJAK_DATA_DIR: dataDir, JEJAK_LOG_LEVEL: 'warn' }));
  try {
    const services = createServices(store);
    const { workspace } = await services.accounts.createOwner({ ...OWNER, workspaceName: 'Toko Daring' });
    await services.branches.create(workspace.id, { name: 'Toko Web' });
    const shift = Math.floor(Date.now() / DAY) - 1 - Date.UTC(2011, 11, 9) / DAY;
    const lines = gunzipSync(readFileSync('/work/shared/data/online-retail/online_retail.csv.gz'))
      .toString('utf8')
      .split('\n')
      .filter((line, i) => i <= 2_000 || Number(line.split(',').at(-2)) % 40 === 0)
      .map((line) =>
        line.replace(/,(\d{4})-(\d{2})-(\d{2}) /, (_m, y: string, m: string, d: string) => {
          const moved = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)) + shift * DAY);
          return `,${moved.toISOString().slice(0, 10)} `;
        }),
      );
    const summary = await services.salesImport.importSales(workspace.id, Buffer.from(lines.join('\n')), {
      mapping: presetMapping('online-retail'),
      source: 'online-retail',
      dryRun: false,
    });
    if (summary.orders.created < 300) throw new Error(`seed: ${JSON.stringify(summary.orders)}`);
  } finally {
    await store.close();
  }
}

describe('retention in the browser', () => {
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
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  const cohortLabels = () => page.getByTestId('retention-matrix').locator('tbody th').allTextContents();

  it('shows the monthly cohorts of first purchases as a heat map and a table', async () => {
    await page.getByRole('link', { name: 'Retensi' }).click();
    const matrix = page.getByTestId('retention-matrix');
    await matrix.waitFor({ timeout: 60_000 });
    // Twelve months up to today, the oldest first, each named by its month ("Des 2024").
    await expect.poll(cohortLabels).toHaveLength(12);
    expect((await cohortLabels())[0]).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
    // With purchase and purchase, every cohort that has buyers is 100% back in its own month.
    const firstCells = await matrix.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(firstCells.filter((c) => c !== '–').every((c) => c === '100%')).toBe(true);
    expect(await page.getByRole('img', { name: /Peta panas retensi/ }).count()).toBe(1);
    expect(await page.getByTestId('retention-repeat-summary').textContent()).toMatch(
      /[\d.]+ dari [\d.]+ pembeli pertama membeli lagi \([\d,]+%\)/,
    );
    expect(await page.getByTestId('retention-lifecycle').locator('tbody tr').count()).toBe(12);
    await page.screenshot({ path: screenshotPath('retention-1440'), fullPage: true });
  });

  it('switches to weekly cohorts', async () => {
    await page.getByTestId('retention-unit').selectOption('week');
    // Weeks are named by their Monday: "6 Okt 2025".
    await expect.poll(async () => (await cohortLabels())[0] ?? '').toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(await cohortLabels()).toHaveLength(12);
    await page.getByTestId('retention-unit').selectOption('month');
    await expect.poll(async () => (await cohortLabels())[0] ?? '').toMatch(/^[A-Z][a-z]{2} \d{4}$/);
  });

  it('downloads the matrix as CSV, the same figures as the table', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('retention-cohorts-csv').click(),
    ]);
    const rows = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(rows[0]).toBe(
      'awal_kohort,ukuran_kohort,periode,kembali,retensi_persen,pendapatan_idr,retensi_pendapatan_persen',
    );
    // One row per cohort and period: 12 + 11 + ... + 1.
    expect(rows).toHaveLength(1 + 78);
    const sizes = await page
      .getByTestId('retention-matrix')
      .locator('tbody tr td:nth-child(2)')
      .allTextContents();
    const fromCsv = rows
      .slice(1)
      .filter((r) => r.split(',')[2] === '0')
      .map((r) => r.split(',')[1]);
    expect(fromCsv).toEqual(sizes.map((s) => s.replace(/\./g, '')));
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.screenshot({ path: screenshotPath('retention-1024'), fullPage: true });
  });
});
