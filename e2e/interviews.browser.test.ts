import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

/**
 * Interviews in a real browser: the owner writes a note on a customer's page, then finds it on the
 * interviews page by a word of it and by its tag, while another customer's note stays out.
 */
describe('interviews: a note on a customer, found by search', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let desk: Page;
  let workspaceId: string;
  let dina: string;

  beforeAll(async () => {
    ensureDashboardBuilt();
    server = await startServerProcess(data.dir);
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...OWNER, workspaceName: 'Kopi Sari' }),
    });
    workspaceId = ((await setup.json()) as { memberships: { workspaceId: string }[] }).memberships[0]!
      .workspaceId;
    const api = apiClient(server.url, server.adminKey!);
    const customer = (phone: string, name: string) =>
      api.post<{ id: string }>(`/api/v1/workspaces/${workspaceId}/sales/customers`, { phone, name });
    dina = (await customer('0813-2222-9090', 'Dina Kartika')).id;
    const budi = (await customer('0813-3333-8080', 'Budi Santoso')).id;
    await api.post(`/api/v1/workspaces/${workspaceId}/interviews`, {
      customerId: budi,
      stage: 'consideration',
      channel: 'phone',
      title: 'Harga langganan',
      body: 'Paket bulanan terasa mahal untuk pelajar.',
      tags: ['harga'],
    });
    browser = await launchChromium();
    desk = await browser.newPage({
      viewport: { width: 1440, height: 1100 },
      locale: 'id-ID',
      bypassCSP: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('adds a note on the customer page and finds it by a word and by its tag', async () => {
    await desk.goto(`${server.url}/login`);
    await desk.fill('input[name=email]', OWNER.email);
    await desk.fill('input[name=password]', OWNER.password);
    await desk.click('button[type=submit]');
    await desk.waitForURL(/\/w\/[^/]+\//);
    await desk.goto(`${server.url}/w/${workspaceId}/customers/${dina}`);
    const section = desk.getByTestId('customer-interviews');
    await section.getByText('Belum ada catatan wawancara dengan pelanggan ini.').waitFor();
    await section.getByRole('button', { name: 'Tambah catatan' }).click();
    await section.getByLabel('Judul singkat').fill('Antrean di kasir');
    await section
      .getByRole('textbox', { name: /^Catatan/ })
      .fill('Menunggu 20 menit saat jam makan siang; ingin pesan lewat WhatsApp.');
    await section.getByLabel('Tahap yang dibicarakan').selectOption('experience');
    await section.getByRole('combobox', { name: /^Lewat/ }).selectOption('store');
    await section.getByRole('textbox', { name: /^Label/ }).fill('Antrean, pesan antar');
    await section.getByRole('button', { name: 'Simpan catatan' }).click();
    await section.getByRole('status').getByText('Catatan disimpan.').waitFor();
    const card = section.getByTestId('interview');
    await expect.poll(() => card.textContent()).toContain('Antrean di kasir');
    expect(await card.textContent()).toContain('Sari Wulandari');
    expect(await card.locator('.tag').allTextContents()).toEqual(['antrean', 'pesan antar']);
    // The note is the customer's touchpoint: his timeline shows it.
    await expect.poll(() => desk.getByTestId('customer').textContent()).toContain('Memberi masukan');
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: screenshotPath('interviews-customer-1440'), fullPage: true });

    await desk.getByRole('link', { name: 'Wawancara' }).click();
    const list = desk.getByTestId('interviews');
    await expect.poll(() => list.getByTestId('interview').count()).toBe(2);
    await desk.getByTestId('interview-search').fill('makan sian');
    await expect.poll(() => list.getByTestId('interview').count()).toBe(1);
    expect(await list.textContent()).toContain('Dina Kartika');
    expect(desk.url()).toContain('q=makan+sian');
    await desk.getByTestId('interview-search').fill('');
    await desk.getByRole('combobox', { name: 'Label', exact: true }).selectOption('harga');
    // Wait for the tag's notes themselves: an empty list while loading also lacks the other note.
    await expect.poll(() => list.textContent()).toContain('Budi Santoso');
    await expect.poll(() => list.textContent()).not.toContain('Antrean di kasir');
    await desk.getByRole('combobox', { name: 'Label', exact: true }).selectOption('antrean');
    await expect.poll(() => list.textContent()).toContain('Antrean di kasir');
    await expect.poll(() => list.getByTestId('interview').count()).toBe(1);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: screenshotPath('interviews-1440'), fullPage: true });
    await desk.setViewportSize({ width: 1024, height: 1100 });
    await desk.screenshot({ path: screenshotPath('interviews-1024'), fullPage: true });
    expect(await desk.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
  });
});
