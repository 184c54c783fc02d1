import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt, jejakJson } from './dashboard.harness.ts';
import { startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

const NEW_PASSWORD = 'teh-tarik-pagi-hari';
const DEWI = { name: 'Dewi Lestari', email: 'dewi@kopi.example', password: 'roti-bakar-keju-99' };

/**
 * The links Jejak prints instead of sending mail: a password reset from `jejak users reset-password`,
 * and invitations from the team page, each followed in the browser to the end.
 */
describe('dashboard: the reset and invitation links', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let workspaceId: string;
  let resetLink: URL;

  /** An invitation made through the API, as the team page makes it; its link as printed. */
  async function invite(workspace: string, body: object): Promise<string> {
    const response = await fetch(`${server.url}/api/v1/workspaces/${workspace}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { link: string }).link;
  }

  beforeAll(async () => {
    ensureDashboardBuilt();
    const owner = await jejakJson<{ workspaceId: string }>(
      data.dir,
      'users',
      'create-owner',
      '--email',
      OWNER.email,
      '--name',
      OWNER.name,
      '--workspace-name',
      'Kopi Sari',
      '--password',
      OWNER.password,
    );
    workspaceId = owner.workspaceId;
    const reset = await jejakJson<{ link: string }>(data.dir, 'users', 'reset-password', OWNER.email);
    resetLink = new URL(reset.link);
    server = await startServerProcess(data.dir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('sets a new password through the printed reset link, once, and signs in with it', async () => {
    expect(resetLink.pathname).toBe('/reset-password');
    const link = `${server.url}${resetLink.pathname}${resetLink.hash}`;
    await page.goto(link);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Buat kata sandi baru');
    await page.fill('input[name=password]', NEW_PASSWORD);
    await page.fill('input[name=confirm]', 'lain-sekali-bukan-itu');
    await page.click('button[type=submit]');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Kedua kata sandi tidak sama.');
    await page.screenshot({ path: screenshotPath('dashboard-reset-password') });

    await page.fill('input[name=confirm]', NEW_PASSWORD);
    await page.click('button[type=submit]');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Kata sandi sudah diganti. Silakan masuk dengan kata sandi baru.');
    await page.screenshot({ path: screenshotPath('dashboard-reset-password-done') });

    await page.getByRole('link', { name: 'Masuk ke Jejak' }).click();
    await page.waitForURL(/\/login$/);
    await page.fill('input[name=email]', OWNER.email);
    await page.fill('input[name=password]', OWNER.password);
    await page.click('button[type=submit]');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email atau kata sandi salah.');
    await page.fill('input[name=password]', NEW_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/w\/[^/]+\/overview/);

    // The link worked once.
    await page.goto(link);
    await page.fill('input[name=password]', 'sekali-lagi-boleh');
    await page.fill('input[name=confirm]', 'sekali-lagi-boleh');
    await page.click('button[type=submit]');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tautan ini tidak berlaku lagi');
  });

  it('lets an invited person see the business and role, create an account and land in it', async () => {
    const link = await invite(workspaceId, { email: DEWI.email, role: 'analyst' });
    expect(new URL(link).pathname).toBe('/invitation');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const dewi = await context.newPage();
    await dewi.goto(link);
    await expect
      .poll(() => dewi.getByTestId('invitation-offer').textContent())
      .toBe('Anda diundang ke Kopi Sari sebagai Analis.');
    expect(await dewi.locator('main').textContent()).toContain('Untuk alamat dewi@kopi.example');
    expect(await dewi.locator('main').textContent()).toContain('Buat akun Anda untuk bergabung.');
    await dewi.screenshot({ path: screenshotPath('dashboard-invitation-new') });

    await dewi.fill('input[name=name]', DEWI.name);
    await dewi.fill('input[name=password]', DEWI.password);
    await dewi.click('button[type=submit]');
    await dewi.waitForURL(new RegExp(`/w/${workspaceId}/overview`));
    expect(await dewi.getByTestId('who').textContent()).toContain('Analis');

    // Used: the same link now says so.
    await dewi.goto(link);
    await expect.poll(() => dewi.getByRole('alert').textContent()).toContain('Tautan ini tidak berlaku lagi');
    await context.close();
  });

  it('lets a person with an account join another business with its password, in English too', async () => {
    const created = await fetch(`${server.url}/api/v1/workspaces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Roti Bandung' }),
    });
    const bandung = ((await created.json()) as { id: string }).id;
    const link = await invite(bandung, { email: DEWI.email, role: 'admin' });
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const dewi = await context.newPage();
    await dewi.goto(link);
    await expect
      .poll(() => dewi.getByTestId('invitation-offer').textContent())
      .toBe('Anda diundang ke Roti Bandung sebagai Admin.');
    await dewi.getByTestId('language').selectOption('en');
    await expect
      .poll(() => dewi.getByTestId('invitation-offer').textContent())
      .toBe('You are invited to Roti Bandung as Admin.');
    expect(await dewi.locator('main').textContent()).toContain(
      'An account for dewi@kopi.example exists. Enter its password to join.',
    );
    expect(await dewi.locator('input[name=name]').count()).toBe(0);
    await dewi.screenshot({ path: screenshotPath('dashboard-invitation-existing-en') });

    await dewi.fill('input[name=password]', 'not-her-password');
    await dewi.click('button[type=submit]');
    await expect.poll(() => dewi.getByRole('alert').textContent()).toBe('Wrong email or password.');
    await dewi.fill('input[name=password]', DEWI.password);
    await dewi.click('button[type=submit]');
    await dewi.waitForURL(new RegExp(`/w/${bandung}/`));
    await context.close();
  });
});
