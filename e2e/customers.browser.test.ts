import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt, jejakJson } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

interface Demo {
  workspace: { id: string; name: string };
  secretKey: string;
  writeKey: string;
}

interface ListItem {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** The shop's own website, on another origin than Jejak: one tag, a button, a login form. */
function shopPage(jejak: string, writeKey: string): string {
  return `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>Kopi Sari — Menu</title>
  <script async src="${jejak}/tracker.js" data-write-key="${writeKey}"></script>
  <script>
    window.jejak = window.jejak || [];
    ['track', 'identify', 'page', 'reset'].forEach(function (m) {
      jejak[m] = jejak[m] || function () { jejak.push([m].concat([].slice.call(arguments))); };
    });
  </script>
</head>
<body>
  <h1>Menu Kopi Sari</h1>
  <button id="add" onclick="jejak.track('Product Added', { product_id: 'kopi-susu-aren', name: 'Kopi Susu Gula Aren', price: 28000 })">Tambah ke keranjang</button>
  <form id="login" onsubmit="event.preventDefault(); jejak.identify('web-rina-77', { name: 'Rina Kusuma', email: 'rina.kusuma@contoh.id', phone: '0813-7777-2024' }); document.getElementById('hello').textContent = 'Halo, Rina';">
    <button type="submit">Masuk</button>
  </form>
  <p id="hello"></p>
</body>
</html>`;
}

/** A tiny static server for the shop's page: another port is another origin. */
async function startShop(html: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/menu')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** One attribute of every element a locator finds, in page order. */
async function attributesOf(locator: Locator, name: string): Promise<(string | null)[]> {
  return Promise.all((await locator.all()).map((element) => element.getAttribute(name)));
}

async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 1100 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath(`${name}-1440`), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 1100 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath(`${name}-1024`), fullPage: true });
  // Nothing wider than the window: no sideways scrolling on the counter tablet.
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
  await page.setViewportSize({ width: 1440, height: 1100 });
}

describe('dashboard: customers, the customer page, merges and the website tracker', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let shop: { server: Server; url: string };
  let browser: Browser;
  let visitor: BrowserContext;
  let page: Page;
  let demo: Demo;
  let base: string;
  let api: ReturnType<typeof apiClient>;

  const customers = async (search: string) =>
    (
      await api.get<{ items: ListItem[] }>(
        `/api/v1/workspaces/${demo.workspace.id}/customers?search=${encodeURIComponent(search)}`,
      )
    ).items;

  beforeAll(async () => {
    ensureDashboardBuilt();
    demo = await jejakJson<Demo>(data.dir, 'demo', '--customers', '300');
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
    api = apiClient(server.url, demo.secretKey);
    base = `${server.url}/w/${demo.workspace.id}`;
    shop = await startShop(shopPage(server.url, demo.writeKey));
    browser = await launchChromium();
    visitor = await browser.newContext({ locale: 'id-ID' });
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'id-ID' });
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', OWNER.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/w\/[^/]+\//);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (shop) await new Promise((resolve) => shop.server.close(resolve));
    data.remove();
  });

  it('a visit to the shop’s website shows on the visitor’s customer page: events, campaign, keys', async () => {
    const site = await visitor.newPage();
    await site.goto(`${shop.url}/menu?utm_source=instagram&utm_medium=social&utm_campaign=promo-gajian`);
    // The stub queue is replaced by the tracker once it has loaded.
    await site.waitForFunction("typeof window.jejak?.version === 'string'");
    await site.click('#add');
    await site.click('#login button');
    await expect.poll(() => site.textContent('#hello')).toBe('Halo, Rina');
    // The page goes away: what is still queued leaves as a beacon.
    await site.close({ runBeforeUnload: true });
    await expect.poll(async () => (await customers('web-rina-77')).length, { timeout: 15_000 }).toBe(1);

    await page.goto(`${base}/customers`);
    await page.getByTestId('customer-search').fill('Rina');
    await page.waitForURL(/q=Rina/);
    await page.getByRole('link', { name: 'Rina Kusuma' }).click();
    await page.waitForURL(/\/customers\/[^/?]+$/);
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe('Rina Kusuma');

    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.locator('li[data-event]').count()).toBeGreaterThanOrEqual(3);
    const events = await attributesOf(timeline.locator('li[data-event]'), 'data-event');
    expect(events).toEqual(expect.arrayContaining(['Page Viewed', 'Product Added', 'Identified']));
    const added = timeline.locator('li[data-event="Product Added"]');
    expect(await added.textContent()).toContain('Menambah produk ke keranjang');
    expect(await added.textContent()).toContain('Rp');
    const landing = timeline.locator('li[data-event="Page Viewed"]');
    expect(await landing.getByTestId('campaign').textContent()).toBe(
      'Sumber: instagramMedia: socialNama: promo-gajian',
    );
    expect(await page.getByTestId('first-touch').textContent()).toContain('Sumber: instagram');

    const keys = page.getByTestId('identity-keys');
    expect(await keys.locator('[data-kind="user_id"] dd').textContent()).toBe('web-rina-77');
    expect(await keys.locator('[data-kind="email"] dd').textContent()).toBe('rina.kusuma@contoh.id');
    expect(await keys.locator('[data-kind="phone"] dd').textContent()).toBe('0813-7777-2024');
    expect(await keys.locator('[data-kind="anonymous_id"]').count()).toBe(1);
    await screenshots(page, 'customer-tracked');
  });

  it('searches the customers, keeps the filters in the URL, and opens a customer', async () => {
    await page.goto(`${base}/customers`);
    const table = page.getByTestId('customers');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(25);
    expect(await table.locator('thead').textContent()).toBe(
      'NamaNomor HPEmailTahapStatusTerakhir aktifNilai belanja',
    );
    await screenshots(page, 'customers-list');

    await page.getByTestId('status-filter').selectOption('active');
    await page.waitForURL(/status=active/);
    const shownStatuses = async () => [
      ...new Set(await attributesOf(table.locator('[data-status]'), 'data-status')),
    ];
    await expect.poll(shownStatuses).toEqual(['active']);
    await page.reload();
    expect(await page.getByTestId('status-filter').inputValue()).toBe('active');

    // A customer whose phone is his alone (the demo has people who share one, as families do).
    let buyer: (ListItem & { phone: string; name: string }) | undefined;
    for (const c of await customers('')) {
      if (c.phone && c.name && (await customers(c.phone)).length === 1) {
        buyer = { ...c, phone: c.phone, name: c.name };
        break;
      }
    }
    if (!buyer) throw new Error('the demo has no customer with a phone of his own');
    await page.goto(`${base}/customers`);
    const typed = `0${buyer.phone.slice(3)}`; // +6281... as the counter types it: 081...
    await page.getByTestId('customer-search').fill(typed);
    await page.waitForURL(new RegExp(`q=${typed}`));
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: buyer.name }).click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(buyer.name);
    await expect.poll(() => page.getByTestId('history').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshots(page, 'customer-page');
  });

  it('merges two customers from the customer page and undoes the merge, the page changing each time', async () => {
    const named = (await customers('')).filter((c) => c.name && c.phone);
    const [keep, other] = [named[1]!, named[2]!];
    await page.goto(`${base}/customers/${keep.id}`);
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(keep.name);
    const keys = page.getByTestId('identity-keys').locator('[data-kind]');
    const keysBefore = await keys.count();

    await page.getByTestId('merge-start').click();
    await page.getByTestId('merge-search-input').fill(other.name!);
    await page.locator(`[data-candidate="${other.id}"] button`).click();
    const confirm = page.getByTestId('merge-confirm');
    expect(await confirm.locator('h3').textContent()).toBe(`Gabungkan ${other.name} ke ${keep.name}?`);
    await screenshots(page, 'customer-merge-confirm');
    await confirm.getByTestId('merge-confirm-yes').click();

    await expect
      .poll(() => page.getByTestId('merge-notice').textContent())
      .toBe(`${other.name} sudah digabung ke ${keep.name}.`);
    await expect.poll(() => keys.count()).toBeGreaterThan(keysBefore);
    const merge = page.getByTestId('merges').locator('li[data-merge]');
    expect(await merge.count()).toBe(1);
    expect(await merge.textContent()).toContain(`${other.name} digabung ke pelanggan ini`);
    expect((await customers(other.phone!)).map((c) => c.id)).toEqual([keep.id]);
    await screenshots(page, 'customer-merged');

    await page.goto(`${base}/customers/${other.id}`);
    await expect
      .poll(() => page.getByTestId('merged-banner').textContent())
      .toBe(`Pelanggan ini sudah digabung ke ${keep.name}. Datanya sekarang ada di sana.`);
    await page.goto(`${base}/customers/${keep.id}`);

    await page.getByTestId('undo-merge').click();
    await page.getByTestId('undo-yes').click();
    await expect
      .poll(() => page.getByTestId('merge-notice').textContent())
      .toBe('Penggabungan dibatalkan: kedua pelanggan terpisah lagi.');
    await expect.poll(() => keys.count()).toBe(keysBefore);
    expect(await merge.getAttribute('data-undone')).toBe('true');
    expect(await page.getByTestId('undo-merge').count()).toBe(0);
    expect((await customers(other.phone!)).map((c) => c.id)).toEqual([other.id]);
    await screenshots(page, 'customer-merge-undone');
  });

  it('speaks English too, and hides merging from a role that may only read', async () => {
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.getByTestId('merges').locator('h2').textContent()).toBe('Merges');
    await screenshots(page, 'customer-page-en');
    await page.getByTestId('language').selectOption('id');

    const analyst = { email: 'analis@kopi.example', password: 'baca-saja-angka-2026' };
    const invitation = await api.post<{ token: string }>(
      `/api/v1/workspaces/${demo.workspace.id}/invitations`,
      { email: analyst.email, role: 'analyst' },
    );
    const accepted = await fetch(`${server.url}/api/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invitation.token, password: analyst.password, name: 'Analis Data' }),
    });
    expect(accepted.status).toBe(200);
    const reader = await browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'id-ID' });
    await reader.goto(`${server.url}/login`);
    await reader.fill('input[name=email]', analyst.email);
    await reader.fill('input[name=password]', analyst.password);
    await reader.click('button[type=submit]');
    await reader.waitForURL(/\/w\//);
    const someone = (await customers(''))[0]!;
    await reader.goto(`${base}/customers/${someone.id}`);
    await reader.getByTestId('merges').waitFor();
    await expect.poll(() => reader.getByTestId('customer-name').count()).toBe(1);
    expect(await reader.getByTestId('merge-start').count()).toBe(0);
    expect(await reader.getByRole('link', { name: 'Pelanggan', exact: true }).count()).toBe(1);
    await reader.close();
  });
});
