import { createServices, loadConfig, openStore } from '@jejak/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

const DAY = 86_400_000;

/**
 * Eight customers: customer i bought i times in the last 20 days, so those with 2 or more orders are
 * the six from Pelanggan 2 to Pelanggan 7. Pelanggan 1 complained twice (a complaint ticket and a
 * one-star review) this week.
 */
async function seed(dataDir: string): Promise<void> {
  const store = await openStore(loadConfig({ JEJAK_DATA_DIR: dataDir, JEJAK_LOG_LEVEL: 'warn' }));
  try {
    const services = createServices(store);
    const { workspace } = await services.accounts.createOwner({ ...OWNER, workspaceName: 'Kopi Senja' });
    const { row } = await services.keys.create({ workspaceId: workspace.id, kind: 'write', name: 'web' });
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY - 3_600_000).toISOString();
    const items: object[] = [];
    for (let i = 0; i < 8; i++) {
      const userId = `pelanggan-${i}`;
      items.push({
        type: 'identify',
        messageId: `id-${i}`,
        userId,
        traits: { name: `Pelanggan ${i}`, city: 'Bandung' },
        timestamp: at(25),
      });
      for (let k = 0; k < i; k++)
        items.push({
          type: 'track',
          messageId: `order-${i}-${k}`,
          userId,
          event: 'Order Completed',
          properties: { revenue: 25_000, total: 25_000 },
          timestamp: at(1 + k * 2),
        });
    }
    items.push(
      {
        type: 'track',
        messageId: 'complaint-1',
        userId: 'pelanggan-1',
        event: 'Ticket Opened',
        properties: { category: 'complaint' },
        context: { channel: 'whatsapp' },
        timestamp: at(1),
      },
      {
        type: 'track',
        messageId: 'review-1',
        userId: 'pelanggan-1',
        event: 'Review Posted',
        properties: { rating: 1 },
        timestamp: at(2),
      },
    );
    await services.ingest.ingest(row, items, { endpoint: '/v1/batch' });
  } finally {
    await store.close();
  }
}

describe('segments and negative experiences in the browser', () => {
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

  it('builds a segment with the rule builder, previews it, saves it and opens a member', async () => {
    await page.getByRole('link', { name: 'Segmen tersimpan' }).click();
    await page.getByTestId('seg-create').click();
    const editor = page.getByTestId('seg-editor');
    await editor.getByLabel('Nama segmen').fill('Pembeli rutin');
    // The first condition starts as "Order Completed at least 1 in the last 30 days": make it 2.
    const condition = editor.getByTestId('seg-condition').first();
    await condition.getByLabel('Nilai').last().fill('2');
    await editor.getByRole('button', { name: 'Pratinjau' }).click();
    await expect
      .poll(() => editor.getByTestId('seg-preview').textContent())
      .toContain('6 pelanggan memenuhi aturan ini sekarang');
    await page.screenshot({ path: screenshotPath('segments-editor-1440'), fullPage: true });
    await editor.getByRole('button', { name: 'Simpan segmen' }).click();
    const members = page.getByTestId('seg-members');
    await expect.poll(() => members.locator('tbody tr').count()).toBe(6);
    expect(await page.getByTestId('seg-list').textContent()).toContain('6 pelanggan');
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.screenshot({ path: screenshotPath('segments-1024'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await members.getByRole('link', { name: 'Pelanggan 7' }).click();
    await expect.poll(() => page.getByTestId('customer-segments').textContent()).toContain('Pembeli rutin');
    await page.screenshot({ path: screenshotPath('segments-customer-1440'), fullPage: true });
  });

  it('shows the negative experiences by week and the customer who had two', async () => {
    await page.getByRole('link', { name: 'Pengalaman negatif' }).click();
    await expect
      .poll(() => page.getByTestId('neg-summary').textContent())
      .toBe('2 pengalaman negatif dalam 12 minggu terakhir');
    expect(await page.getByTestId('neg-table').textContent()).toContain('Keluhan (tiket)');
    await expect.poll(() => page.getByTestId('neg-customers').textContent()).toContain('Pelanggan 1');
    await page.screenshot({ path: screenshotPath('negative-experiences-1440'), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.screenshot({ path: screenshotPath('negative-experiences-1024'), fullPage: true });
    await page.getByTestId('neg-customers').getByRole('link', { name: 'Pelanggan 1' }).click();
    await page.getByTestId('customer-name').waitFor();
    expect(await page.getByTestId('customer-name').textContent()).toBe('Pelanggan 1');
  });
});
