import { readFileSync } from 'node:fs';
import { createServices, loadConfig, openStore } from '@jejak/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

const HOUR = 3_600_000;

/**
 * 30 visitors view a product two days ago; 20 of them add it to the cart an hour later, and 10 of those
 * order an hour after that: a 3-step funnel of 30 → 20 → 10, and 20 paths from the view to the cart.
 */
async function seed(dataDir: string): Promise<void> {
  const store = await openStore(loadConfig({ JEJAK_DATA_DIR: dataDir, JEJAK_LOG_LEVEL: 'warn' }));
  try {
    const services = createServices(store);
    const { workspace } = await services.accounts.createOwner({ ...OWNER, workspaceName: 'Toko Kopi Senja' });
    const created = await services.keys.create({ workspaceId: workspace.id, kind: 'write', name: 'web' });
    const key = (await services.keys.authenticate(created.key))!;
    const start = Date.now() - 48 * HOUR;
    const messages: object[] = [];
    for (let c = 0; c < 30; c++) {
      const event = (name: string, hours: number) => ({
        type: 'track',
        messageId: `seed-${c}-${name}`,
        anonymousId: `visitor-${c}`,
        event: name,
        timestamp: new Date(start + c * 60_000 + hours * HOUR).toISOString(),
        properties: { channel: c % 2 === 0 ? 'web' : 'whatsapp' },
      });
      messages.push(event('Product Viewed', 0));
      if (c < 20) messages.push(event('Product Added', 1));
      if (c < 10) messages.push(event('Order Completed', 2));
    }
    const result = await services.ingest.ingest(key, messages, { endpoint: '/v1/batch' });
    if (result.accepted !== messages.length) throw new Error(`seed: ${JSON.stringify(result)}`);
  } finally {
    await store.close();
  }
}

describe('event funnels and paths in the browser', () => {
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

  it('builds a 3-step funnel with a breakdown, lists who dropped, and downloads it as CSV', async () => {
    await page.getByRole('link', { name: 'Corong peristiwa' }).click();
    await page.getByTestId('funnel-step-1').selectOption('Product Viewed');
    await page.getByTestId('funnel-step-2').selectOption('Product Added');
    await page.getByTestId('funnel-step-3').selectOption('Order Completed');
    await page.getByTestId('funnel-breakdown').selectOption('channel');
    await page.getByTestId('funnel-run').click();
    const rows = page.getByTestId('funnel-table').locator('tbody tr');
    await expect.poll(() => rows.locator('td:nth-child(2)').allTextContents()).toEqual(['30', '20', '10']);
    expect(await rows.nth(2).locator('td:nth-child(4)').textContent()).toMatch(/33,3\s?%/);
    // Every even visitor came by the web, every odd one by WhatsApp: 15 → 10 → 5 each.
    const groups = page.getByTestId('funnel-groups').locator('tbody tr');
    await expect
      .poll(() => groups.allTextContents())
      .toEqual([expect.stringMatching(/^Web15105/), expect.stringMatching(/^WhatsApp15105/)]);
    expect(await page.getByTestId('funnel-median').textContent()).toContain('2 jam');
    await page.screenshot({ path: screenshotPath('event-funnel-1440'), fullPage: true });
    await rows
      .nth(1)
      .getByRole('button', { name: /berhenti di langkah ini/ })
      .click();
    await expect.poll(() => page.getByTestId('funnel-customers').locator('tbody tr').count()).toBe(10);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('funnel-csv').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('breakdown,step,event,customers,from_previous,from_first,dropped');
    expect(csv.slice(1, 4).map((l) => l.split(',')[3])).toEqual(['30', '20', '10']);
    await page.setViewportSize({ width: 1024, height: 800 });
    // The charts follow the narrower window: nothing sticks out to the side.
    await expect
      .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'))
      .toBeLessThanOrEqual(1024);
    await page.screenshot({ path: screenshotPath('event-funnel-1024'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the paths after an event as a Sankey and a table, and downloads them as CSV', async () => {
    await page.getByRole('link', { name: 'Jalur pelanggan' }).click();
    await page.getByTestId('paths-event').selectOption('Product Viewed');
    await page.getByTestId('paths-run').click();
    await expect.poll(() => page.getByTestId('paths-customers').textContent()).toContain('30 pelanggan');
    const rows = page.getByTestId('paths-table').locator('tbody tr');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual(['1Product ViewedProduct Added20', '2Product AddedOrder Completed10']);
    await page.screenshot({ path: screenshotPath('event-paths-1440'), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('paths-csv').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv).toEqual([
      'step,from_event,to_event,customers',
      '1,Product Viewed,Product Added,20',
      '2,Product Added,Order Completed,10',
    ]);
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect
      .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'))
      .toBeLessThanOrEqual(1024);
    await page.screenshot({ path: screenshotPath('event-paths-1024'), fullPage: true });
  });
});
