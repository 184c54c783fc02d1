import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

/** A fresh installation as its owner meets it: first run, sign out and in again, two languages. */
describe('dashboard: first run, sign-in and language', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureDashboardBuilt();
    server = await startServerProcess(data.dir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('sends the first visitor to the first-run page, creates the owner and lands on the overview', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/setup$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Selamat datang di Jejak');
    await page.screenshot({ path: screenshotPath('dashboard-first-run') });

    await page.fill('input[name=workspaceName]', 'Kopi Sari');
    await page.fill('input[name=name]', OWNER.name);
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', OWNER.password);
    await page.click('button[type=submit]');

    await page.waitForURL(/\/w\/[^/]+\/overview/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ikhtisar perjalanan pelanggan');
    expect(await page.getByTestId('total').textContent()).toBe('Kopi Sari · 0 pelanggan');
    expect(await page.getByTestId('who').textContent()).toContain('Pemilik');
  });

  it('refuses a second first run once the owner exists', async () => {
    const response = await fetch(`${server.url}/api/v1/setup`);
    expect(await response.json()).toEqual({ ownerExists: true });
    await page.goto(`${server.url}/setup`);
    await page.waitForURL(/\/w\/[^/]+\/overview/);
  });

  it('signs out, refuses a wrong password and signs in again', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    expect((await fetch(`${server.url}/api/v1/auth/me`)).status).toBe(401);

    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email atau kata sandi salah.');

    await page.fill('input[name=password]', OWNER.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/w\/[^/]+\/overview/);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ikhtisar perjalanan pelanggan');
  });

  it('switches to English and back to Bahasa Indonesia, and remembers the choice', async () => {
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Customer journey overview');
    expect(await page.getByTestId('total').textContent()).toBe('Kopi Sari · 0 customers');
    expect(await page.getByTestId('logout').textContent()).toBe('Sign out');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Customer journey overview');

    await page.getByTestId('language').selectOption('id');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ikhtisar perjalanan pelanggan');
    expect(await page.getByTestId('logout').textContent()).toBe('Keluar');
  });
});
