import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt, jejakJson } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

interface Demo {
  workspace: { id: string; name: string };
  secretKey: string;
}

const STAGES = ['Kesadaran', 'Pertimbangan', 'Pembelian', 'Pengalaman', 'Retensi', 'Advokasi'];
const ROWS = ['now', 'entered', 'movedOn', 'time', 'touchpoints', 'channels', 'sentiment', 'pains', 'advice'];
/** A4 landscape in PDF points. */
const A4 = { long: 841.92, short: 595.28 };

/** Width and height of a PNG, from its IHDR chunk (it follows the 8-byte signature). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The pages of a PDF and the size of each, from its page objects. */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  const pages = [
    ...text.matchAll(
      /\/Type\s*\/Page(?![s\w])[\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g,
    ),
  ];
  return pages.map((m) => ({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) }));
}

/**
 * The journey map with the demo coffee chain, as its owner reads it: every stage a column, every
 * question a row, a PNG to download and one landscape A4 page to print.
 */
describe('dashboard: the journey map with the demo data', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let demo: Demo;

  beforeAll(async () => {
    ensureDashboardBuilt();
    demo = await jejakJson<Demo>(data.dir, 'demo', '--customers', '2000');
    await jejakJson(
      data.dir,
      'users',
      'create-owner',
      '-e',
      OWNER.email,
      '-n',
      OWNER.name,
      '-p',
      OWNER.password,
      '-w',
      'Kopi Sari',
    );
    server = await startServerProcess(data.dir);
    const invitation = await apiClient(server.url, demo.secretKey).post<{ token: string }>(
      `/api/v1/workspaces/${demo.workspace.id}/invitations`,
      { email: OWNER.email, role: 'owner' },
    );
    const accepted = await fetch(`${server.url}/api/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invitation.token, password: OWNER.password }),
    });
    expect(accepted.status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'id-ID',
      acceptDownloads: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('opens the map from the navigation, for the last 90 days', async () => {
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', OWNER.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/w\/[^/]+\//);
    await page.goto(`${server.url}/w/${demo.workspace.id}/overview`);
    await page.getByRole('link', { name: 'Peta perjalanan' }).click();
    await page.waitForURL(new RegExp(`/w/${demo.workspace.id}/journey-map`));
    await page.getByRole('button', { name: '90 hari terakhir' }).click();
    await page.waitForURL(/journey-map\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await page.getByTestId('journey-map').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Peta perjalanan pelanggan');
    expect(await page.getByTestId('map-lead').textContent()).toMatch(
      /^Kopi Nusantara · \d{1,2} \w{3} \d{4} – \d{1,2} \w{3} \d{4} · [\d.]+ pelanggan$/,
    );
  });

  it('shows a column for every stage and a cell of every row in each, with units', async () => {
    const map = page.getByTestId('journey-map');
    expect(await map.locator('[role=columnheader][data-stage]').allTextContents()).toEqual(STAGES);
    for (const row of ROWS) {
      const cells = map.locator(`[data-row=${row}] [role=cell]`);
      expect(await cells.count(), row).toBe(STAGES.length);
      for (const text of await cells.allTextContents()) expect(text.trim(), row).not.toBe('');
    }
    const now = await map.locator('[data-row=now] [role=cell]').allTextContents();
    for (const text of now) expect(text).toMatch(/^[\d.]+ pelanggan$/);
    const entered = await map.locator('[data-row=entered] [role=cell]').allTextContents();
    for (const text of entered) expect(text).toMatch(/^[\d.,]+ \/ minggu[\d.]+ masuk dalam periode$/);
    expect(await map.locator('[data-row=movedOn] [role=cell]').first().textContent()).toMatch(
      /^[\d,]+% ke Pertimbangan/,
    );
    // The demo has surveys and reviews after purchases: a line, and scores where they were given.
    expect(await map.locator('.map-sentiment-svg polyline').count()).toBeGreaterThan(0);
    expect(await map.locator('[data-row=sentiment] [role=cell]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Skor [+-]?\d+/), 'Tidak ada sinyal']),
    );
    // Advice is chosen by the figures: some stages get some, not every stage the same.
    const advice: (string | null)[] = [];
    for (const card of await map.locator('[data-advice]').all())
      advice.push(await card.getAttribute('data-advice'));
    expect(new Set(advice).size).toBeGreaterThan(2);
    const perStage = await map.locator('[data-row=advice] [role=cell]').allTextContents();
    expect(new Set(perStage).size).toBe(STAGES.length);
    // No key of the catalogue shows through untranslated.
    expect(await map.textContent()).not.toMatch(/\b(advice|rows|pains|lever|measure)\.\w/);
  });

  it('filters the map by branch and first channel, kept in the URL beside the period', async () => {
    const lead = page.getByTestId('map-lead');
    const customers = async () =>
      Number(/([\d.]+) pelanggan/.exec((await lead.textContent()) ?? '')?.[1]?.replaceAll('.', ''));
    const entered = async () =>
      (
        await page.getByTestId('journey-map').locator('[data-row=entered] [role=cell]').allTextContents()
      ).join('|');
    const all = { customers: await customers(), entered: await entered(), url: page.url() };
    expect(all.customers).toBeGreaterThan(0);

    await page.getByTestId('filter-branch').selectOption({ label: 'Kopi Nusantara Kemang' });
    await page.waitForURL(/journey-map\?.*branch=[\w-]+/);
    await expect.poll(customers).toBeLessThan(all.customers);
    expect(await customers()).toBeGreaterThan(0);
    await expect.poll(entered).not.toBe(all.entered);
    expect(await lead.textContent()).toMatch(/ · hanya pelanggan di Kopi Nusantara Kemang$/);
    // The period stays as it was chosen.
    expect(page.url()).toMatch(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);

    const atBranch = await customers();
    await page.getByTestId('filter-channel').selectOption({ label: 'Toko (langsung)' });
    await page.waitForURL(/channel=store/);
    await expect.poll(customers).toBeLessThan(atBranch);
    await page.screenshot({ path: screenshotPath('journey-map-filtered-1440'), fullPage: true });

    // A link keeps the filters: a reload shows the same map.
    const url = page.url();
    const filtered = await customers();
    await page.reload();
    await page.getByTestId('journey-map').waitFor();
    await expect.poll(customers).toBe(filtered);
    expect(page.url()).toBe(url);
    expect(await page.getByTestId('filter-channel').inputValue()).toBe('store');

    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await expect.poll(customers).toBe(all.customers);
    expect(page.url()).not.toMatch(/branch=|channel=/);
    await expect.poll(entered).toBe(all.entered);
  });

  it('picks the days of the period from a calendar in the language of the page', async () => {
    const from = page.getByTestId('period-from');
    const day = (await from.getAttribute('data-day'))!;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
    expect(await from.textContent()).toBe(`${d} ${months[m - 1]} ${y}`);
    await from.click();
    const calendar = page.getByTestId('period-from-calendar');
    expect(await calendar.locator('thead th').allTextContents()).toEqual([
      'Sen',
      'Sel',
      'Rab',
      'Kam',
      'Jum',
      'Sab',
      'Min',
    ]);
    await page.screenshot({ path: screenshotPath('journey-map-calendar-1440') });
    // The first day of the month before: the period grows, the URL says so.
    await calendar.getByRole('button', { name: 'Bulan sebelumnya' }).click();
    const first = `${m === 1 ? y - 1 : y}-${String(m === 1 ? 12 : m - 1).padStart(2, '0')}-01`;
    await calendar.locator(`button[data-day="${first}"]`).click();
    await page.waitForURL(new RegExp(`from=${first}`));
    expect(await calendar.count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('map-lead').textContent())
      .toContain(`1 ${months[(m + 10) % 12]}`);

    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => from.textContent()).toMatch(/^1 [A-Z][a-z]{2} \d{4}$/);
    await from.click();
    expect(await calendar.locator('thead th').first().textContent()).toBe('Mon');
    await page.keyboard.press('Escape');
    expect(await calendar.count()).toBe(0);
    await page.getByTestId('language').selectOption('id');
    await page.goBack();
    await page.waitForURL(new RegExp(`from=${day}`));
  });

  it('downloads the map as a PNG of the whole sheet', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('map-png').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^peta-perjalanan-.+-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.png$/,
    );
    const png = readFileSync(await download.path());
    const size = pngSize(png);
    const sheet = (await page.getByTestId('journey-map').boundingBox()) ?? { width: 0, height: 0 };
    // Twice the screen's pixels, the whole sheet with the heading only the picture carries.
    expect(size.width).toBeGreaterThanOrEqual(Math.floor(sheet.width * 2) - 4);
    expect(size.height).toBeGreaterThan(sheet.height * 2);
    writeFileSync(screenshotPath('journey-map-export'), png);
    expect(png.length).toBeGreaterThan(100_000);
    expect(png.length).toBeLessThan(15_000_000);
    await page.screenshot({ path: screenshotPath('journey-map-after-png-1440') });
  });

  it('prints on one landscape A4 page (page.pdf, and a look at it in print media)', async () => {
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.width).toBeCloseTo(A4.long, 0);
    expect(pages[0]!.height).toBeCloseTo(A4.short, -1);
    // After printing the screen layout is back: the sheet no longer has the print layout.
    await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
    expect(await page.getByTestId('journey-map').getAttribute('class')).toBe('map-sheet');

    // The printed page as a picture: the page's size in CSS pixels, print media, the print layout on.
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    await page.emulateMedia({ media: 'print' });
    const box = await page.getByTestId('journey-map').boundingBox();
    expect(box?.height).toBeLessThanOrEqual(741);
    await page.screenshot({ path: screenshotPath('journey-map-print-a4') });
    await page.emulateMedia({ media: null });
    await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('is readable at 1440 and 1024 px, in both languages (screenshots in test-results/screenshots)', async () => {
    await page.screenshot({ path: screenshotPath('journey-map-1440'), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 1000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('journey-map-1024'), fullPage: true });
    // A tablet scrolls the map sideways, the page itself stays within the window.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await page.evaluate("document.querySelector('.map-scroll').scrollTo({ left: 100000 })");
    await page.screenshot({ path: screenshotPath('journey-map-1024-scrolled'), fullPage: true });

    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Customer journey map');
    const map = page.getByTestId('journey-map');
    expect(await map.locator('[role=columnheader][data-stage]').allTextContents()).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Experience',
      'Retention',
      'Advocacy',
    ]);
    expect(await map.locator('[data-row=now] [role=rowheader]').textContent()).toBe('Customers now');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: screenshotPath('journey-map-1440-en'), fullPage: true });
    await page.getByTestId('language').selectOption('id');
  });
});
