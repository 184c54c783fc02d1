import { createServices, loadConfig, openStore } from '@jejak/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

const DAY = 86_400_000;

/** A shop and a write key; the touches and orders are sent through /v1/batch once the server runs. */
async function seed(dataDir: string): Promise<string> {
  const store = await openStore(loadConfig({ JEJAK_DATA_DIR: dataDir, JEJAK_LOG_LEVEL: 'warn' }));
  try {
    const services = createServices(store);
    const { workspace } = await services.accounts.createOwner({ ...OWNER, workspaceName: 'Kopi Iklan' });
    const key = await services.keys.create({ workspaceId: workspace.id, kind: 'write', name: 'web' });
    return key.key;
  } finally {
    await store.close();
  }
}

let n = 0;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
const touch = (userId: string, daysAgo: number, channel: string, campaign: string) => ({
  type: 'page',
  messageId: `t-${++n}`,
  userId,
  name: 'Promo',
  timestamp: at(daysAgo),
  properties: { channel },
  context: { campaign: { name: campaign } },
});
const order = (userId: string, daysAgo: number) => ({
  type: 'track',
  messageId: `o-${++n}`,
  userId,
  event: 'Order Completed',
  timestamp: at(daysAgo),
  properties: { total: 200_000, channel: 'web' },
});

describe('attribution in the browser', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureDashboardBuilt();
    const writeKey = await seed(data.dir);
    server = await startServerProcess(data.dir);
    // Two customers saw Instagram then an ad, one only the ad, one an email: all bought for Rp 200.000.
    const batch = [
      touch('a', 6, 'social', 'ig-kopi'),
      touch('a', 3, 'ads', 'gajian'),
      order('a', 1),
      touch('b', 5, 'social', 'ig-kopi'),
      touch('b', 2, 'ads', 'gajian'),
      order('b', 1),
      touch('c', 4, 'ads', 'gajian'),
      order('c', 1),
      touch('d', 4, 'email', 'newsletter'),
      order('d', 1),
    ];
    const response = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({ batch }),
    });
    if (!response.ok) throw new Error(`seed batch: ${await response.text()}`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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

  const row = (channel: string) =>
    page.getByTestId('attr-channels').locator(`tbody tr[data-channel="${channel}"]`);
  const cells = async (channel: string) =>
    (await row(channel).locator('td').allTextContents()).slice(1).map((s) => s.replace(/\u00a0/g, ' '));

  it('enters spend, imports a CSV, and shows CAC and ROAS for the last and the first touch', async () => {
    await page.getByRole('link', { name: 'Atribusi & ROAS' }).click();
    await expect.poll(() => page.getByTestId('attr-summary').textContent()).toContain('4 pelanggan baru');
    expect(await cells('ads')).toEqual(['3', 'Rp 600.000', 'Rp 0', '—', '—']);

    // Spend for ads this month, entered in the form (the month defaults to this one).
    const spend = page.getByTestId('ad-spend');
    await spend.getByLabel('Jumlah (Rp)').fill('600.000');
    await spend.getByRole('button', { name: 'Simpan biaya' }).click();
    await expect.poll(() => cells('ads')).toEqual(['3', 'Rp 600.000', 'Rp 600.000', 'Rp 200.000', '1×']);

    // Social and email from a CSV, checked first: the bad row is named by line and nothing is saved.
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
      month: '2-digit',
    }).format(Date.now() - DAY);
    const csv = `kanal;bulan;jumlah\nsocial;${month};400.000\nemail;${month};Rp 100.000\ntv;${month};5.000\n`;
    await page.getByTestId('ad-spend-file').setInputFiles({
      name: 'biaya.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await spend.getByRole('button', { name: 'Periksa dulu' }).click();
    const outcome = page.getByTestId('ad-spend-import-result');
    await expect.poll(() => outcome.textContent()).toContain('2 baru, 0 mengganti, 1 ditolak');
    expect(await outcome.textContent()).toContain('Baris 4: saluran “tv” tidak dikenal');
    expect(await cells('email')).toEqual(['1', 'Rp 200.000', 'Rp 0', '—', '—']);
    await spend.getByRole('button', { name: 'Impor', exact: true }).click();
    await expect.poll(() => outcome.textContent()).toContain('Diimpor: 2 baru');
    await expect.poll(() => cells('email')).toEqual(['1', 'Rp 200.000', 'Rp 100.000', 'Rp 100.000', '2×']);

    // The first touch credits Instagram with two of the ad's three customers.
    await page.getByLabel('Sentuhan pertama').check();
    await expect.poll(() => cells('social')).toEqual(['2', 'Rp 400.000', 'Rp 400.000', 'Rp 200.000', '1×']);
    expect(await cells('ads')).toEqual(['1', 'Rp 200.000', 'Rp 600.000', 'Rp 600.000', '0,33×']);
    await page.screenshot({ path: screenshotPath('attribution-1440'), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 800 });
    // Nothing wider than the window once the chart has followed it.
    await expect
      .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'))
      .toBeLessThanOrEqual(1024);
    await page.screenshot({ path: screenshotPath('attribution-1024'), fullPage: true });
  });
});
