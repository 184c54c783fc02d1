import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

// bypassCSP: axe-core is injected as an inline script, which the pages' own policy rightly refuses.
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: 'id-ID',
  bypassCSP: true,
};

/** The shop's own page, on another origin than Jejak, with nothing on it but the widget's one tag. */
async function startShop(): Promise<{ server: Server; url: string; setTag: (tag: string) => void }> {
  let tag = '';
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/produk')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><title>Kopi Sari — Biji Kopi Gayo</title></head>
<body><main><h1>Biji Kopi Gayo 250 g</h1><p>Rp 85.000</p>${tag}</main></body>
</html>`);
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setTag: (t) => (tag = t),
  };
}

/**
 * Reviews in real browsers: a buyer writes a review on a phone through his personal link, the owner
 * approves it and replies in the dashboard, and the widget on the shop's own page (another origin)
 * shows it, and only the approved reviews, and records its view as the visitor's touchpoint.
 */
describe('reviews: a buyer reviews, the owner moderates, the widget shows it', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let shop: Awaited<ReturnType<typeof startShop>>;
  let browser: Browser;
  let phone: BrowserContext;
  let desk: Page;
  let workspaceId: string;
  let reviewPath: string;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    ensureDashboardBuilt();
    server = await startServerProcess(data.dir);
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: OWNER.name,
        email: OWNER.email,
        password: OWNER.password,
        workspaceName: 'Kopi Sari',
      }),
    });
    expect(setup.status).toBe(201);
    workspaceId = ((await setup.json()) as { memberships: { workspaceId: string }[] }).memberships[0]!
      .workspaceId;
    api = apiClient(server.url, server.adminKey!);
    const ws = `/api/v1/workspaces/${workspaceId}`;
    const branch = await api.post<{ id: string }>(`${ws}/branches`, { name: 'Outlet Kemang' });
    await api.put(`${ws}/sales/settings`, { taxRateBp: 0, taxMode: 'included', allowNegativeStock: true });
    const product = await api.post<{ id: string }>(`${ws}/products`, {
      sku: 'GAYO-250',
      name: 'Biji Kopi Gayo 250 g',
      price: 85_000,
      trackStock: false,
    });
    const customer = await api.post<{ id: string }>(`${ws}/sales/customers`, {
      phone: '0812-4444-5151',
      name: 'Rina Wijaya',
    });
    const order = await api.post<{ id: string }>(`${ws}/branches/${branch.id}/orders`, {
      customerId: customer.id,
      lines: [{ productId: product.id, quantity: 1 }],
      payments: [{ method: 'qris', amount: 85_000 }],
    });
    reviewPath = (
      await api.post<{ path: string }>(`${ws}/reviews/links`, { orderId: order.id, productId: product.id })
    ).path;
    // Two reviews entered by staff that must not reach the widget: one left pending, one hidden later.
    await api.post(`${ws}/reviews`, {
      productId: product.id,
      rating: 3,
      body: 'Masih menunggu diperiksa',
      authorName: 'Tamu toko',
    });
    await api.post(`${ws}/reviews`, {
      productId: product.id,
      rating: 1,
      body: 'Ulasan yang disembunyikan',
      authorName: 'Akun palsu',
    });
    shop = await startShop();
    browser = await launchChromium();
    phone = await browser.newContext(PHONE);
    desk = await browser.newPage({
      viewport: { width: 1440, height: 1100 },
      locale: 'id-ID',
      bypassCSP: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => shop?.server.close(resolve));
    data.remove();
  });

  it('lets the buyer write one review on a phone by keyboard, without login or cookies, axe-clean', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.url}${reviewPath}`);
    await page.getByRole('heading', { name: 'Ulas Biji Kopi Gayo 250 g' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Kirim ulasan' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/Pilih jumlah bintang/);
    await page.locator('input[name=rating]').first().focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name=rating]:checked').getAttribute('value')).toBe('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Aromanya kuat, cocok untuk V60. Dikirim rapi.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rina W.');
    await page.screenshot({ path: screenshotPath('review-write-390'), fullPage: true });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Terima kasih!').waitFor();
    await page.reload();
    await page.getByText(/Setiap tautan untuk satu ulasan/).waitFor();
    await page.screenshot({ path: screenshotPath('review-already-390'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(await phone.cookies()).toEqual([]);
    await page.close();
  });

  it('lets the owner approve the review, reply, and hide another', async () => {
    await desk.goto(`${server.url}/login`);
    await desk.fill('input[name=email]', OWNER.email);
    await desk.fill('input[name=password]', OWNER.password);
    await desk.click('button[type=submit]');
    await desk.waitForURL(/\/w\/[^/]+\//);
    await desk.getByRole('link', { name: 'Ulasan' }).click();
    const queue = desk.getByTestId('reviews');
    await queue.getByText('Aromanya kuat').waitFor();
    expect(await queue.getByTestId('review').count()).toBe(3);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: screenshotPath('reviews-1440'), fullPage: true });
    await desk.setViewportSize({ width: 1024, height: 1100 });
    await desk.screenshot({ path: screenshotPath('reviews-1024'), fullPage: true });
    expect(await desk.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await desk.setViewportSize({ width: 1440, height: 1100 });

    const buyer = queue.getByTestId('review').filter({ hasText: 'Aromanya kuat' });
    expect(await buyer.textContent()).toContain('Pembeli terverifikasi');
    await buyer.getByRole('textbox').fill('Terima kasih, Kak Rina! Selamat menyeduh.');
    await buyer.getByRole('button', { name: 'Simpan balasan' }).click();
    await buyer.getByRole('button', { name: 'Setujui' }).click();
    await queue.getByText('Aromanya kuat').waitFor({ state: 'detached' });
    const fake = queue.getByTestId('review').filter({ hasText: 'Ulasan yang disembunyikan' });
    await fake.getByRole('button', { name: 'Sembunyikan' }).click();
    await fake.waitFor({ state: 'detached' });
    await desk.getByRole('button', { name: 'Disetujui' }).click();
    await queue.getByText('Terima kasih, Kak Rina!').waitFor();
    expect(await desk.getByTestId('ratings').textContent()).toMatch(/Biji Kopi Gayo 250 g3 dari 53/);
    await desk.screenshot({ path: screenshotPath('reviews-approved-1440'), fullPage: true });
    shop.setTag((await desk.getByTestId('widget-tag').textContent()) ?? '');
  });

  it('shows only the approved review in the widget on the shop page of another origin, and records its view', async () => {
    const visitor = await browser.newPage({ viewport: { width: 1024, height: 900 }, locale: 'id-ID' });
    await visitor.goto(`${shop.url}/produk/gayo`);
    const widget = visitor.locator('section.jrw');
    await widget.getByText('Aromanya kuat').waitFor();
    const text = (await widget.textContent()) ?? '';
    expect(text).toContain('Pembeli terverifikasi');
    // Dated in the workspace's zone (Asia/Jakarta), not the visitor's browser's (UTC here).
    expect(text).toContain(
      new Intl.DateTimeFormat('id-ID', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'Asia/Jakarta',
      }).format(new Date()),
    );
    expect(text).toContain('Balasan dari Kopi Sari');
    expect(text).toContain('5 dari 5 · 1 ulasan');
    expect(text).not.toContain('Masih menunggu diperiksa');
    expect(text).not.toContain('Ulasan yang disembunyikan');
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.screenshot({ path: screenshotPath('review-widget-1024'), fullPage: true });
    const anonymousId = await visitor.evaluate<string | null>("localStorage.getItem('jejak.anonymousId')");
    expect(anonymousId).toBeTruthy();
    const ws = `/api/v1/workspaces/${workspaceId}`;
    await expect
      .poll(async () => {
        const found = await api.get<{ items: { id: string }[] }>(
          `${ws}/customers?search=${encodeURIComponent(anonymousId!)}`,
        );
        if (!found.items[0]) return [];
        const timeline = await api.get<{ items: { kind: string; name?: string }[] }>(
          `${ws}/customers/${found.items[0].id}/timeline`,
        );
        return timeline.items.map((i) => i.name);
      })
      .toContain('Reviews Viewed');
    await visitor.close();
  });
});
