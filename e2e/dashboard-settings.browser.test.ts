import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt, jejakJson } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

interface Demo {
  workspace: { id: string; name: string };
  secretKey: string;
}

const CASHIER = { name: 'Dewi Lestari', email: 'dewi.kasir@kopi.example', password: 'kasir-rahasia-123' };
const ANALYST = { name: 'Rudi Hartono', email: 'rudi.analis@kopi.example', password: 'analis-rahasia-123' };
const SIZES = [1440, 1024] as const;

/**
 * The settings section with the demo coffee chain, as its owner uses it: the business, a branch, a
 * cashier and an analyst invited, a write key made, used, revoked; a rule changed after seeing its
 * effect; refused events and the audit log of all of it. Then a cashier and an analyst sign in and
 * find only what they may use, the API refusing the rest.
 */
describe('dashboard: settings', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let demo: Demo;
  let ws: string;
  const invitationTokens: Record<string, string> = {};

  const settings = (path: string) => page.goto(`${server.url}/w/${ws}/settings/${path}`);
  const heading = () => page.locator('h1').textContent();
  const shoot = async (name: string) => {
    for (const width of SIZES) {
      await page.setViewportSize({ width, height: 1100 });
      await page.waitForTimeout(400);
      await page.screenshot({ path: screenshotPath(`settings-${name}-${width}`), fullPage: true });
      // Nothing wider than the window: no sideways scrolling on the counter tablet.
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
        `${name} at ${width}`,
      ).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1440, height: 1100 });
  };
  const signIn = async (target: Page, email: string, password: string) => {
    await target.goto(`${server.url}/login`);
    await target.fill('input[name=email]', email);
    await target.fill('input[name=password]', password);
    await target.click('button[type=submit]');
    await target.waitForURL(/\/w\//);
  };
  const ingest = (writeKey: string, batch: unknown[]) =>
    fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({ batch }),
    });

  beforeAll(async () => {
    ensureDashboardBuilt();
    demo = await jejakJson<Demo>(data.dir, 'demo', '--customers', '600');
    ws = demo.workspace.id;
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
      `/api/v1/workspaces/${ws}/invitations`,
      { email: OWNER.email, role: 'owner' },
    );
    const accepted = await fetch(`${server.url}/api/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invitation.token, password: OWNER.password }),
    });
    expect(accepted.status).toBe(200);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'id-ID' });
    await signIn(page, OWNER.email, OWNER.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('opens the settings from the navigation, on the business page, and renames the business', async () => {
    await page.goto(`${server.url}/w/${ws}/overview`);
    await page.getByRole('link', { name: 'Pengaturan', exact: true }).click();
    await page.waitForURL(/\/settings\/workspace$/);
    expect(await heading()).toBe('Usaha');
    const tabs = await page.getByTestId('settings-nav').locator('a').allTextContents();
    expect(tabs).toEqual([
      'Usaha',
      'Cabang',
      'Tim & peran',
      'Kunci API',
      'Tahap & aturan',
      'Event ditolak',
      'Log audit',
    ]);
    expect(await page.locator('select[name=timezone]').inputValue()).toBe('Asia/Jakarta');
    expect(await page.locator('select[name=currency]').inputValue()).toBe('IDR');

    await page.fill('input[name=name]', 'Kopi Nusantara Jaya');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Tersimpan.');
    const switcher = page.getByTestId('workspace').locator('option:checked');
    await expect.poll(() => switcher.textContent()).toBe('Kopi Nusantara Jaya');
    await shoot('workspace');
  });

  it('adds a branch with Jakarta time and Rupiah by default, and archives another', async () => {
    await settings('branches');
    const add = page.getByTestId('branch-add');
    expect(await add.locator('select[name=timezone]').inputValue()).toBe('Asia/Jakarta');
    await add.locator('input[name=name]').fill('Outlet Kemang');
    await add.locator('input[name=address]').fill('Jl. Kemang Raya 10, Jakarta Selatan');
    await add.getByRole('button', { name: 'Tambah cabang' }).click();
    // The demo chain has outlets of its own already.
    const rows = page.getByTestId('branch-row');
    const kemang = rows.filter({ hasText: 'Outlet Kemang' });
    await expect.poll(() => kemang.count()).toBe(1);
    const before = await rows.count();
    expect(await kemang.textContent()).toContain('Asia/Jakarta');
    expect(await kemang.textContent()).toContain('IDR');

    await add.locator('input[name=name]').fill('Outlet Depok');
    await add.locator('select[name=timezone]').selectOption('Asia/Makassar');
    await add.getByRole('button', { name: 'Tambah cabang' }).click();
    await expect.poll(() => rows.count()).toBe(before + 1);
    const depok = rows.filter({ hasText: 'Outlet Depok' });
    await depok.getByRole('button', { name: 'Arsipkan' }).click();
    await depok.getByRole('button', { name: 'Ya' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '1 cabang diarsipkan' }).count()).toBe(1);
    await shoot('branches');
  });

  it('invites a cashier for the new branch and an analyst, and shows each link to copy', async () => {
    await settings('members');
    const form = page.getByTestId('invite-form');
    await form.locator('input[name=email]').fill(CASHIER.email);
    await page.getByTestId('invite-role').selectOption('cashier');
    await form.getByRole('checkbox', { name: 'Outlet Kemang' }).check();
    // The archived branch is not offered.
    expect(await form.getByRole('checkbox', { name: 'Outlet Depok' }).count()).toBe(0);
    await form.getByRole('button', { name: 'Buat undangan' }).click();
    const link = page.getByTestId('invitation-link');
    await expect.poll(() => link.inputValue()).toMatch(new RegExp(`^${server.url}/invitation#token=.+`));
    invitationTokens.cashier = (await link.inputValue()).split('#token=')[1]!;
    expect(await page.locator('.st-created').textContent()).toContain('WhatsApp');

    await form.locator('input[name=email]').fill(ANALYST.email);
    await page.getByTestId('invite-role').selectOption('analyst');
    await form.getByRole('button', { name: 'Buat undangan' }).click();
    await expect.poll(() => link.inputValue()).not.toContain(invitationTokens.cashier);
    invitationTokens.analyst = (await link.inputValue()).split('#token=')[1]!;
    await expect.poll(() => page.getByTestId('invitation-row').count()).toBe(3);
    await shoot('members');

    for (const [who, person] of [
      ['cashier', CASHIER],
      ['analyst', ANALYST],
    ] as const) {
      const joined = await fetch(`${server.url}/api/v1/invitations/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: invitationTokens[who], name: person.name, password: person.password }),
      });
      expect(joined.status, who).toBe(200);
    }
    await page.reload();
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(3);
  });

  it('refuses to remove the last owner, saying so in Indonesian', async () => {
    const me = page.locator(`[data-testid=member-row][data-email="${OWNER.email}"]`);
    await me.getByTestId('member-remove').click();
    await me.getByTestId('member-remove-confirm').click();
    await expect
      .poll(() => me.getByRole('alert').textContent())
      .toBe('Ini pemilik terakhir usaha ini. Jadikan orang lain pemilik dulu.');
  });

  it('creates a write key, shows the snippets once, and refuses ingestion once it is revoked', async () => {
    await settings('keys');
    const form = page.getByTestId('key-form');
    await form.locator('input[name=name]').fill('Situs web');
    await form.locator('select[name=defaultChannel]').selectOption('web');
    await form.getByRole('button', { name: 'Buat kunci' }).click();
    const key = await page.getByTestId('created-key').inputValue();
    expect(key).toMatch(/^jk_write_/);
    expect(await page.getByTestId('snippet-website').textContent()).toBe(
      `<script async src="${server.url}/tracker.js" data-write-key="${key}"></script>`,
    );
    expect(await page.getByTestId('snippet-track').textContent()).toContain("jejak.track('Signed Up');");
    const serverSnippet = await page.getByTestId('snippet-server').textContent();
    expect(serverSnippet).toContain("import { Analytics } from '@segment/analytics-node';");
    expect(serverSnippet).toContain(`new Analytics({ writeKey: '${key}', host: '${server.url}' })`);
    await shoot('keys-created');

    const event = (n: number) => ({
      type: 'track',
      messageId: `settings-e2e-${n}`,
      anonymousId: 'pengunjung-settings',
      event: 'Signed Up',
      timestamp: new Date().toISOString(),
    });
    expect((await ingest(key, [event(1)])).status).toBe(200);

    await page.getByRole('button', { name: 'Sudah saya simpan' }).click();
    const row = page.locator('[data-testid=key-row][data-name="Situs web"]');
    await expect.poll(() => row.textContent()).toContain('saluran Situs web');
    await row.getByTestId('key-revoke').click();
    await row.getByTestId('key-revoke-confirm').click();
    await expect.poll(() => page.getByRole('heading', { name: /kunci dicabut/ }).count()).toBe(1);
    expect((await ingest(key, [event(2)])).status).toBe(401);
    await shoot('keys');
  });

  it('lists an event refused in a batch, with its reason and the event as sent', async () => {
    const write = await apiClient(server.url, demo.secretKey).post<{ key: string }>(
      `/api/v1/workspaces/${ws}/keys`,
      {
        kind: 'write',
        name: 'Kasir',
      },
    );
    const response = await ingest(write.key, [
      { type: 'track', messageId: 'ok-1', anonymousId: 'a-1', event: 'Store Visited' },
      { type: 'track', messageId: 'bad-1', event: 'Order Completed', properties: { total: 15000 } },
    ]);
    expect(response.status).toBe(200);
    await settings('quarantine');
    const first = page.getByTestId('quarantine-row').first();
    await expect
      .poll(() => first.getByTestId('quarantine-reason').textContent())
      .toMatch(/userId or anonymousId/);
    await first.getByText('Lihat isi').click();
    expect(await first.locator('pre').textContent()).toContain('"messageId": "bad-1"');
    await shoot('quarantine');
  });

  it('names the field of a broken rule, previews an edit that moves customers, saves it, and the overview follows', async () => {
    await settings('journey');
    expect(await heading()).toBe('Tahap & aturan perjalanan');
    const consideration = page.locator('[data-testid=stage-card][data-key=consideration]');

    // An empty rule is refused, and the problem names where it is and which field.
    await consideration.getByTestId('rule-add').click();
    await page.getByTestId('rules-preview-button').click();
    const problems = page.getByTestId('rule-problems');
    await expect
      .poll(() => problems.textContent())
      .toContain('Aturan 4 ke Pertimbangan › Event: isi minimal satu nama event');
    expect(await page.getByTestId('rules-save').isDisabled()).toBe(true);
    await shoot('rules-problem');
    await consideration.getByTestId('rule').last().getByTestId('rule-remove').click();

    // A product view no longer shows interest: those customers stay in awareness.
    const first = consideration.getByTestId('rule').first();
    await first.getByRole('button', { name: 'Hapus Product Viewed' }).click();
    await page.getByTestId('rules-preview-button').click();
    const row = page.locator('[data-testid=preview-stage][data-key=consideration]');
    await row.waitFor();
    const number = async (cell: string) =>
      Number((await row.getByTestId(cell).textContent())!.replace(/\D/g, ''));
    const now = await number('preview-now');
    const after = await number('preview-after');
    expect(after).toBeLessThan(now);
    expect(await page.getByTestId('preview-sample').textContent()).toMatch(/semua [\d.]+ pelanggan/);
    await shoot('rules-preview');

    await page.getByTestId('rules-save').click();
    await expect
      .poll(() => page.getByTestId('rules-saved').textContent(), { timeout: 30_000 })
      .toMatch(/Aturan versi 1 tersimpan/);
    expect(await page.getByTestId('rules-version').textContent()).toContain('Aturan versi 1.');

    await page.getByRole('link', { name: 'Ikhtisar perjalanan' }).click();
    const stages = page.getByTestId('stages');
    const considerationRow = stages.locator('tbody tr').filter({ hasText: 'Pertimbangan' });
    await expect
      .poll(async () =>
        Number((await considerationRow.locator('td').nth(1).textContent())!.replace(/\D/g, '')),
      )
      .toBe(after);
  });

  it('checks rules edited as JSON with the same named errors, and goes back to the form once they are right', async () => {
    await settings('journey');
    await page.getByTestId('json-mode').click();
    const json = page.getByTestId('rules-json');
    const text = await json.inputValue();
    expect(text).toContain('"churnFactor": 3');
    await json.fill(text.replace('"churnFactor": 3', '"churnFactor": 1'));
    await page.getByTestId('rules-preview-button').click();
    await expect
      .poll(() => page.getByTestId('rule-problems').textContent())
      .toContain(
        'Status kesehatan › Berhenti setelah (× irama): harus lebih besar dari angka berisiko (1,5)',
      );
    await page.getByRole('button', { name: 'Formulir' }).click();
    expect(await json.count()).toBe(1);

    await json.fill(text);
    await page.getByRole('button', { name: 'Formulir' }).click();
    await expect.poll(() => page.locator('[data-testid=stage-card]').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('rule-problems').count()).toBe(0);
  });

  it('shows what the test just did in the audit log, filtered by area and by person', async () => {
    await settings('audit');
    const actions = page.getByTestId('audit-action-label');
    await expect.poll(() => actions.first().textContent()).toBe('Mengubah aturan perjalanan');
    const all = await actions.allTextContents();
    for (const action of [
      'Mengubah usaha',
      'Menambah cabang',
      'Mengarsipkan cabang',
      'Mengundang anggota',
      'Membuat kunci API',
      'Mencabut kunci API',
      'Mengubah aturan perjalanan',
    ]) {
      expect(all, action).toContain(action);
    }
    expect(
      await page.getByTestId('audit-row').filter({ hasText: 'Mengarsipkan cabang' }).textContent(),
    ).toContain('Cabang Outlet Depok');
    await shoot('audit');

    await page.getByTestId('audit-action').selectOption('branch.');
    await expect
      .poll(async () => new Set(await actions.allTextContents()))
      .toEqual(new Set(['Menambah cabang', 'Mengarsipkan cabang']));
    await page.getByTestId('audit-action').selectOption('');
    const ownerId = await page
      .getByTestId('audit-actor')
      .locator('option', { hasText: OWNER.email })
      .getAttribute('value');
    expect(ownerId).toBeTruthy();
    await page.getByTestId('audit-actor').selectOption(ownerId ?? '');
    await expect
      .poll(async () =>
        (await page.getByTestId('audit-row').allTextContents()).every((r) => r.includes(OWNER.email)),
      )
      .toBe(true);
  });

  it('switches the settings to English and keeps the choice after a reload', async () => {
    await settings('keys');
    expect(await heading()).toBe('Kunci API');
    await page.getByTestId('language').selectOption('en');
    await expect.poll(heading).toBe('API keys');
    expect(await page.getByTestId('settings-nav').locator('a').allTextContents()).toContain('Team & roles');
    await page.reload();
    await expect.poll(heading).toBe('API keys');
    await settings('journey');
    await expect.poll(heading).toBe('Journey stages & rules');
    await shoot('rules-en');
    await page.getByTestId('language').selectOption('id');
    await expect.poll(heading).toBe('Tahap & aturan perjalanan');
  });

  it('shows a cashier no settings, and the API refuses them', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'id-ID' });
    const cashier = await context.newPage();
    await signIn(cashier, CASHIER.email, CASHIER.password);
    await cashier.goto(`${server.url}/w/${ws}/settings/keys`);
    // Sent on to the first page a cashier has: the counter.
    await cashier.waitForURL(new RegExp(`/w/${ws}/kasir`));
    expect(await cashier.getByRole('link', { name: 'Pengaturan', exact: true }).count()).toBe(0);
    expect(await cashier.getByTestId('settings-nav').count()).toBe(0);
    for (const [method, path] of [
      ['GET', 'keys'],
      ['POST', 'keys'],
      ['GET', 'members'],
      ['PATCH', ''],
      ['GET', 'audit'],
      ['GET', 'journey/rules'],
      ['GET', 'quarantine'],
    ] as const) {
      const status = await cashier.evaluate(
        async ([m, url]) =>
          (
            await fetch(url, {
              method: m,
              headers: { 'content-type': 'application/json' },
              body: m === 'GET' ? undefined : '{}',
            })
          ).status,
        [method, `/api/v1/workspaces/${ws}${path ? `/${path}` : ''}`] as const,
      );
      expect([401, 403], `${method} ${path}`).toContain(status);
    }
    await cashier.screenshot({ path: screenshotPath('settings-cashier-1024'), fullPage: true });
    await context.close();
  });

  it('shows an analyst the rules to read and refused events only, and the API refuses changes', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'id-ID' });
    const analyst = await context.newPage();
    await signIn(analyst, ANALYST.email, ANALYST.password);
    await analyst.goto(`${server.url}/w/${ws}/settings/keys`);
    await analyst.waitForURL(/\/settings\/journey$/);
    expect(await analyst.getByTestId('settings-nav').locator('a').allTextContents()).toEqual([
      'Tahap & aturan',
      'Event ditolak',
    ]);
    expect(await analyst.getByTestId('rules-version').textContent()).toContain(
      'Peran Anda hanya dapat melihat aturan.',
    );
    expect(await analyst.getByTestId('save-bar').count()).toBe(0);
    expect(await analyst.getByTestId('stage-label-id').first().isDisabled()).toBe(true);
    const csrf = await analyst.evaluate(
      async () => ((await (await fetch('/api/v1/auth/csrf')).json()) as { csrfToken: string }).csrfToken,
    );
    for (const [method, path, expected] of [
      ['GET', 'keys', 403],
      ['POST', 'keys', 403],
      ['GET', 'members', 403],
      ['POST', 'journey/rules/preview', 403],
      ['PUT', 'journey/rules', 403],
      ['GET', 'journey/rules', 200],
      ['GET', 'quarantine', 200],
    ] as const) {
      const status = await analyst.evaluate(
        async ([m, url, token]) =>
          (
            await fetch(url, {
              method: m,
              headers: { 'content-type': 'application/json', 'x-csrf-token': token },
              body: m === 'GET' ? undefined : JSON.stringify({ kind: 'write', name: 'x', rules: {} }),
            })
          ).status,
        [method, `/api/v1/workspaces/${ws}/${path}`, csrf] as const,
      );
      expect(status, `${method} ${path}`).toBe(expected);
    }
    await analyst.screenshot({ path: screenshotPath('settings-analyst-1024'), fullPage: true });
    await context.close();
  });
});
