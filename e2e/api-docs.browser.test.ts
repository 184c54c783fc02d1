import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import {
  createWorkspaceWithWriteKey,
  startServerProcess,
  tempDataDir,
  type ServerProcess,
} from './server-process.ts';

/**
 * The API reference as a developer meets it: the interactive docs at /api/docs in a real Chromium,
 * authorised with a secret key, calling the API from the page.
 */
describe('API docs in the browser', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServerProcess(data.dir);
    await createWorkspaceWithWriteKey(server.url, server.adminKey!, 'Kopi Docs');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('lists the ingestion and admin operations', async () => {
    await page.goto(`${server.url}/api/docs`);
    // The operations are listed under their tags, closed: a reader opens the ones he needs.
    for (const tag of ['default', 'workspaces', 'journey', 'customers']) {
      await page.locator(`.opblock-tag[data-tag="${tag}"]`).click();
    }
    await page.locator('.opblock').first().waitFor();
    await expect.poll(() => page.locator('.opblock-summary-path').count()).toBeGreaterThan(20);
    const paths = await page.locator('.opblock-summary-path').allTextContents();
    const normalized = paths.map((p) => p.replace(/\u200b/g, '').trim());
    expect(normalized).toEqual(
      expect.arrayContaining([
        '/v1/batch',
        '/v1/track',
        '/v1/identify',
        '/api/v1/workspaces',
        '/api/v1/workspaces/{workspaceId}/journey/overview',
        '/api/v1/workspaces/{workspaceId}/merges/{mergeId}/undo',
      ]),
    );
    await page.screenshot({ path: screenshotPath('api-docs'), fullPage: false });
  });

  it('calls the API from the page once authorised with a secret key', async () => {
    await page.locator('button.authorize').first().click();
    const bearer = page.locator('.modal-ux .auth-container').filter({ hasText: 'secretKey' });
    await bearer.locator('input').fill(server.adminKey!);
    await bearer.locator('button.authorize').click();
    await bearer.locator('button.btn-done').click();

    const operation = page.locator('.opblock-get').filter({
      has: page.locator('.opblock-summary-path', { hasText: /^\/api\/v1\/workspaces$/ }),
    });
    await operation.locator('.opblock-summary').click();
    await operation.locator('button.try-out__btn').click();
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('200');
    const body = await operation
      .locator('.live-responses-table .response-col_description pre')
      .first()
      .textContent();
    expect(body).toContain('Kopi Docs');
    await page.screenshot({ path: screenshotPath('api-docs-try-it-out'), fullPage: false });
  });
});
