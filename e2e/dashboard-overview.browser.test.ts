import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt, jejakJson } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

interface Demo {
  workspace: { id: string; name: string };
  secretKey: string;
}

/**
 * The overview with the demo coffee chain: the owner made by `jejak users create-owner` is invited
 * into the demo workspace (the demo makes a workspace but no people), then reads it in the browser.
 */
describe('dashboard: journey overview with the demo data', () => {
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
    // An Indonesian browser: the date inputs then read 28/08/2026, as the owner's own would.
    page = await browser.newPage({ viewport: { width: 1440, height: 1400 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('signs in and switches to the demo workspace, keeping the page', async () => {
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', OWNER.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/w\/[^/]+\/overview/);
    await page.getByTestId('workspace').selectOption(demo.workspace.id);
    await page.waitForURL(new RegExp(`/w/${demo.workspace.id}/overview`));
    await expect
      .poll(() => page.getByTestId('total').textContent())
      .toMatch(/^Kopi Nusantara · [\d.]+ pelanggan$/);
  });

  it('shows the customers per stage with their units, beside a chart', async () => {
    const stages = page.getByTestId('stages');
    await stages.locator('canvas').first().waitFor();
    const rows = await stages.locator('tbody tr').allTextContents();
    expect(rows.map((r) => r.replace(/[\d.,%\s]+/g, ' ').trim())).toEqual([
      'Kesadaran',
      'Pertimbangan',
      'Pembelian',
      'Pengalaman',
      'Retensi',
      'Advokasi',
    ]);
    // Every count is written the Indonesian way and each share carries its percent sign.
    for (const row of rows) expect(row).toMatch(/\d(\.\d{3})*\d*[\d,]*%$/);
    expect(await stages.locator('thead').textContent()).toBe('TahapPelangganPorsi');
  });

  it('keeps the period of the transitions in the URL and shows the moves between stages', async () => {
    await page.getByRole('button', { name: '90 hari terakhir' }).click();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const transitions = page.getByTestId('transitions');
    await transitions.locator('canvas').first().waitFor();
    await expect.poll(() => transitions.locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await transitions.locator('tbody').textContent()).toContain('Masuk pertama kali');

    await page.reload();
    await page.getByTestId('transitions').locator('canvas').first().waitFor();
    const from = await page.getByTestId('period-from').getAttribute('data-day');
    expect(page.url()).toContain(`from=${from}`);
  });

  /** A count as the page writes it (1.204) as a number. */
  const count = (text: string | null) => Number((text ?? '').replace(/\./g, ''));
  const funnelEntered = async (stage: string) =>
    count(await page.getByTestId('funnel').locator(`tr[data-stage=${stage}] td`).nth(1).textContent());
  const trendTotal = async () => {
    const totals = await page.getByTestId('trend').locator('tbody tr td:last-child').allTextContents();
    return totals.reduce((sum, text) => sum + count(text), 0);
  };
  const total = async () =>
    count(/([\d.]+) pelanggan/.exec((await page.getByTestId('total').textContent()) ?? '')?.[1] ?? '');

  it('shows the stage funnel and the weekly entries of the period, each beside its table', async () => {
    const funnel = page.getByTestId('funnel');
    await funnel.locator('canvas').first().waitFor();
    const rows = await funnel.locator('tbody tr').allTextContents();
    expect(
      rows.map((r) =>
        r
          .replace(/[\d.,%–\s]+|hr|j|mnt/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    ).toEqual(['Kesadaran', 'Pertimbangan', 'Pembelian', 'Pengalaman', 'Retensi', 'Advokasi']);
    expect(await funnel.locator('thead').textContent()).toBe(
      'TahapMasukSudah lanjut% lanjutMedian sampai lanjut',
    );
    // Most buyers move on to experience, and the time it took is written with its unit.
    expect(await funnel.locator('tr[data-stage=purchase] td').nth(4).textContent()).toMatch(
      /^(\d+ hr \d+ j|\d+ j \d+ mnt|\d+ mnt)$/,
    );
    expect(await funnelEntered('awareness')).toBeGreaterThan(await funnelEntered('advocacy'));
    const trend = page.getByTestId('trend');
    await trend.locator('canvas').first().waitFor();
    expect(await trend.locator('tbody tr').count()).toBeGreaterThanOrEqual(13);
    // The weeks hold the same entries as the funnel: every entry of the period is in one week.
    let funnelTotal = 0;
    for (const stage of ['awareness', 'consideration', 'purchase', 'experience', 'retention', 'advocacy'])
      funnelTotal += await funnelEntered(stage);
    expect(await trendTotal()).toBe(funnelTotal);
  });

  it('filters every section by branch and first channel, kept in the URL', async () => {
    const before = {
      total: await total(),
      purchase: await funnelEntered('purchase'),
      weeks: await trendTotal(),
    };
    const moves = await page.getByTestId('transitions').locator('tbody').textContent();
    await page.getByTestId('filter-branch').selectOption({ label: 'Kopi Nusantara Kemang' });
    await page.waitForURL(/branch=[\w-]+/);
    await expect.poll(total).toBeLessThan(before.total);
    await expect.poll(() => funnelEntered('purchase')).toBeLessThan(before.purchase);
    expect(await funnelEntered('purchase')).toBeGreaterThan(0);
    await expect.poll(trendTotal).toBeLessThan(before.weeks);
    await expect.poll(() => page.getByTestId('transitions').locator('tbody').textContent()).not.toBe(moves);
    await page.screenshot({ path: screenshotPath('overview-branch-1440'), fullPage: true });

    const atBranch = await total();
    await page.getByTestId('filter-channel').selectOption({ label: 'Toko (langsung)' });
    await page.waitForURL(/channel=store/);
    await expect.poll(total).toBeLessThan(atBranch);
    expect(await page.getByTestId('filter-active').textContent()).toMatch(
      /dari saluran Toko \(langsung\) di Kopi Nusantara Kemang/,
    );

    // A link keeps the filters: a reload shows the same customers.
    const url = page.url();
    const filtered = await total();
    await page.reload();
    await expect.poll(total).toBe(filtered);
    expect(page.url()).toBe(url);
    expect(await page.getByTestId('filter-channel').inputValue()).toBe('store');

    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await expect.poll(total).toBe(before.total);
    expect(page.url()).not.toMatch(/branch=|channel=/);
  });

  it('answers the funnel and the trend for the period chosen', async () => {
    const quarter = { purchase: await funnelEntered('purchase'), weeks: await trendTotal() };
    await page.getByRole('button', { name: '12 bulan terakhir' }).click();
    await page.waitForURL((url) => {
      const from = url.searchParams.get('from');
      const to = url.searchParams.get('to');
      return from !== null && to !== null && Date.parse(to) - Date.parse(from) === 364 * 86_400_000;
    });
    await expect.poll(() => funnelEntered('purchase')).toBeGreaterThan(quarter.purchase);
    await expect.poll(trendTotal).toBeGreaterThan(quarter.weeks);
    expect(await page.getByTestId('trend').locator('tbody tr').count()).toBeGreaterThanOrEqual(52);
  });

  it('is readable at 1440 and 1024 px (screenshots in test-results/screenshots)', async () => {
    await page.waitForTimeout(500); // the charts animate in
    await page.screenshot({ path: screenshotPath('overview-1440'), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 1400 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: screenshotPath('overview-1024'), fullPage: true });
    // Nothing wider than the window: no sideways scrolling on the counter tablet.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);

    // The filters and the funnel at the counter's width, filtered by a branch.
    await page.getByTestId('filter-branch').selectOption({ label: 'Kopi Nusantara Dago' });
    await page.waitForURL(/branch=/);
    await page.waitForTimeout(800);
    await page.screenshot({ path: screenshotPath('overview-branch-1024'), fullPage: true });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);

    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Customer journey overview');
    await page.waitForTimeout(800);
    await page.screenshot({ path: screenshotPath('overview-1024-en'), fullPage: true });
    await page.getByTestId('language').selectOption('id');
  });
});
