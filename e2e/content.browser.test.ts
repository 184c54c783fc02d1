import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

/** Where the material lives: the business's own site, another origin than Jejak. */
async function startMaterial(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<!doctype html><html lang="id"><title>Perbandingan</title><h1>Perbandingan paket</h1></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Stage content in a real browser: the owner adds a comparison sheet for the consideration stage, a
 * visitor and a customer open its tracked links and land on the material, and the library counts the
 * views per item, per stage and per customer.
 */
describe('stage content: a tracked link from the library to the material', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let material: Awaited<ReturnType<typeof startMaterial>>;
  let browser: Browser;
  let desk: Page;
  let workspaceId: string;
  let customerId: string;

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
    workspaceId = ((await setup.json()) as { memberships: { workspaceId: string }[] }).memberships[0]!
      .workspaceId;
    const api = apiClient(server.url, server.adminKey!);
    customerId = (
      await api.post<{ id: string }>(`/api/v1/workspaces/${workspaceId}/sales/customers`, {
        phone: '0813-2222-9090',
        name: 'Dina Kartika',
      })
    ).id;
    material = await startMaterial();
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
    await new Promise((resolve) => material?.server.close(resolve));
    data.remove();
  });

  it('adds an item, follows its links to the material, and counts the views', async () => {
    await desk.goto(`${server.url}/login`);
    await desk.fill('input[name=email]', OWNER.email);
    await desk.fill('input[name=password]', OWNER.password);
    await desk.click('button[type=submit]');
    await desk.waitForURL(/\/w\/[^/]+\//);
    await desk.getByRole('link', { name: 'Konten per tahap' }).click();
    await desk.getByLabel('Judul').fill('Perbandingan paket langganan');
    await desk.getByLabel('Tahap').selectOption('consideration');
    await desk.getByLabel('Alamat materi').fill(`${material.url}/perbandingan`);
    await desk.getByRole('button', { name: 'Tambah' }).click();
    const table = desk.getByTestId('content');
    await table.getByText('Perbandingan paket langganan').waitFor();
    const general = (await table.locator('code').first().textContent()) ?? '';
    expect(general).toMatch(/\/c\/[\w-]{12,}$/);

    const visitor = await browser.newPage();
    await visitor.goto(general);
    await visitor.getByRole('heading', { name: 'Perbandingan paket' }).waitFor();
    expect(visitor.url()).toBe(`${material.url}/perbandingan`);
    const api = apiClient(server.url, server.adminKey!);
    const items = await api.get<{ items: { id: string }[] }>(`/api/v1/workspaces/${workspaceId}/content`);
    const personal = await api.post<{ path: string }>(
      `/api/v1/workspaces/${workspaceId}/content/${items.items[0]!.id}/links`,
      { customerId },
    );
    await visitor.goto(`${server.url}${personal.path}`);
    await visitor.getByRole('heading', { name: 'Perbandingan paket' }).waitFor();
    await visitor.close();

    await desk.reload();
    await expect.poll(() => desk.getByTestId('content').textContent()).toContain('2 kali · 1 pelanggan');
    await expect.poll(() => desk.getByTestId('content-stages').textContent()).toMatch(/Pertimbangan21/);
    expect(await desk.getByTestId('content-customers').textContent()).toContain('Dina Kartika');
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: screenshotPath('content-1440'), fullPage: true });
    await desk.setViewportSize({ width: 1024, height: 1100 });
    await desk.screenshot({ path: screenshotPath('content-1024'), fullPage: true });
    expect(await desk.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
  });
});
