import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: 'id-ID',
  bypassCSP: true,
};

/**
 * Support and surveys in real browsers: a customer answers on the public page on a phone (no login,
 * no cookie, axe-clean, by keyboard), the owner resolves a ticket in the dashboard and the customer
 * answers its CSAT question through the link.
 */
describe('experience: surveys on a phone, tickets in the dashboard', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let phone: BrowserContext;
  let desk: Page;
  let workspaceId: string;
  let ticketId: string;
  let surveyId: string;
  let generalPath: string;
  let csatUrl: string;

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
    const api = apiClient(server.url, server.adminKey!);
    const ws = `/api/v1/workspaces/${workspaceId}`;
    const branch = await api.post<{ id: string }>(`${ws}/branches`, { name: 'Outlet Kemang' });
    await api.put(`${ws}/support/hours/*`, {
      week: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { open: '07:00', close: '22:00' }]),
      ),
    });
    const ticket = await api.post<{ id: string }>(`${ws}/tickets`, {
      subject: 'Kopi susu salah pesanan',
      customer: { name: 'Dewi Lestari', phone: '0811-2233-4455' },
      channel: 'whatsapp',
      message: 'Halo kak, saya pesan kopi susu tanpa gula tapi yang datang pakai gula.',
      branchId: branch.id,
      priority: 'high',
      category: 'complaint',
    });
    ticketId = ticket.id;
    await api.post(`${ws}/tickets`, {
      subject: 'Tanya jam buka saat libur',
      customer: { name: 'Budi Santoso', phone: '0812-9876-5432' },
      channel: 'phone',
      branchId: branch.id,
    });
    const survey = await api.post<{ id: string; generalPath: string }>(`${ws}/surveys`, {
      name: 'Rekomendasi Kopi Sari',
      kind: 'nps',
      questions: [
        {
          key: 'score',
          type: 'nps',
          required: true,
          label: {
            id: 'Seberapa mungkin Anda merekomendasikan Kopi Sari kepada teman?',
            en: 'How likely are you to recommend Kopi Sari to a friend?',
          },
        },
        {
          key: 'why',
          type: 'text',
          required: false,
          label: { id: 'Apa alasan utamanya?', en: 'What is the main reason?' },
        },
      ],
    });
    surveyId = survey.id;
    generalPath = survey.generalPath;
    // Earlier answers, so the results page has a trend and a distribution to show.
    for (const [score, why] of [
      [10, 'Kopinya enak dan baristanya ramah'],
      [9, ''],
      [7, 'Antre agak lama'],
      [4, 'Wi-Fi sering putus'],
      [10, ''],
    ] as const) {
      const answered = await fetch(
        `${server.url}/api/v1/public${generalPath.replace('/s/', '/surveys/')}/responses`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ answers: why ? { score, why } : { score }, via: 'qr' }),
        },
      );
      expect(answered.status).toBe(201);
    }
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
    data.remove();
  });

  it('lets a customer answer a survey on a phone by keyboard, without login or cookies, with no accessibility violations', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.url}${generalPath}?via=qr`);
    await page.getByRole('button', { name: 'Kirim jawaban' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Submitting without the required score says which question is missing.
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/Mohon jawab pertanyaan yang wajib/);
    // By keyboard: Tab reaches the scale, the arrow keys move the choice, Tab goes on to the comment.
    await page.locator('input[name=score]').first().focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name=score]:checked').getAttribute('value')).toBe('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tempatnya nyaman untuk kerja');
    await page.screenshot({ path: screenshotPath('survey-answer-390'), fullPage: true });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Terima kasih!').waitFor();
    await page.screenshot({ path: screenshotPath('survey-thanks-390'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(await phone.cookies()).toEqual([]);
    await page.close();
  });

  it('signs in, shows the inbox with target timers, and resolves a ticket after replying', async () => {
    await desk.goto(`${server.url}/login`);
    await desk.fill('input[name=email]', OWNER.email);
    await desk.fill('input[name=password]', OWNER.password);
    await desk.click('button[type=submit]');
    await desk.waitForURL(/\/w\/[^/]+\//);
    await desk.getByRole('link', { name: 'Tiket layanan' }).click();
    const inbox = desk.getByTestId('tickets');
    await inbox.waitFor();
    expect(await inbox.locator('tbody tr').count()).toBe(2);
    expect(await inbox.textContent()).toMatch(/Respons pertama: sisa \d+ (j|mnt)/);
    await desk.screenshot({ path: screenshotPath('tickets-1440'), fullPage: true });
    await desk.setViewportSize({ width: 1024, height: 1100 });
    await desk.screenshot({ path: screenshotPath('tickets-1024'), fullPage: true });
    expect(await desk.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await desk.setViewportSize({ width: 1440, height: 1100 });

    await desk.getByRole('link', { name: 'Kopi susu salah pesanan' }).click();
    await desk.waitForURL(new RegExp(`/tickets/${ticketId}`));
    await desk
      .getByTestId('reply-body')
      .fill('Mohon maaf kak, kami kirim ganti kopi susu tanpa gula sekarang.');
    await desk.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect
      .poll(() => desk.getByTestId('target-first_response').first().textContent())
      .toMatch(/terpenuhi/);
    await desk.getByTestId('resolve').click();
    await expect.poll(() => desk.getByTestId('ticket-status').textContent()).toBe('Selesai');
    csatUrl = (await desk.getByTestId('csat-link').textContent()) ?? '';
    expect(csatUrl).toMatch(/\/s\/[\w-]{20,}$/);
    await desk.screenshot({ path: screenshotPath('ticket-1440'), fullPage: true });
    await desk.setViewportSize({ width: 1024, height: 1100 });
    await desk.screenshot({ path: screenshotPath('ticket-1024'), fullPage: true });
    expect(await desk.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await desk.setViewportSize({ width: 1440, height: 1100 });
  });

  it('assigns a ticket with the picker on its page and filters the inbox by who handles it', async () => {
    const picker = desk.getByTestId('assignee');
    await expect
      .poll(() => picker.locator('option').allTextContents())
      .toEqual(['Belum ada petugas', OWNER.name]);
    await picker.selectOption({ label: OWNER.name });
    await expect.poll(() => picker.isDisabled()).toBe(false);
    await desk.reload();
    await expect.poll(() => desk.getByTestId('assignee').inputValue()).not.toBe('');
    await desk.getByRole('link', { name: /Kembali ke tiket/ }).click();
    const inbox = desk.getByTestId('tickets');
    await desk.getByTestId('assignee-filter').selectOption({ label: 'Tiket saya' });
    await desk.getByRole('combobox', { name: 'Status' }).selectOption('');
    // Each filter answers after a moment: wait for its rows, not for a row count the previous one also had.
    await expect.poll(() => inbox.textContent()).toContain('Kopi susu salah pesanan');
    await expect.poll(() => inbox.locator('tbody tr').count()).toBe(1);
    expect(await inbox.textContent()).toContain(OWNER.name);
    await desk.getByTestId('assignee-filter').selectOption('none');
    await expect.poll(() => inbox.textContent()).toContain('Tanya jam buka saat libur');
    await expect.poll(() => inbox.locator('tbody tr').count()).toBe(1);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.goto(`${server.url}/w/${workspaceId}/tickets/${ticketId}`);
  });

  it('lets the customer answer the CSAT question through the link, once', async () => {
    const page = await phone.newPage();
    await page.goto(csatUrl);
    await page.getByText('Seberapa puas Anda dengan bantuan kami?').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('input[name=csat][value="5"]').check();
    await page.getByRole('textbox').fill('Cepat diganti, terima kasih!');
    await page.screenshot({ path: screenshotPath('csat-answer-390'), fullPage: true });
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByText('Terima kasih!').waitFor();
    await page.reload();
    await page.getByText(/Tautan ini sudah dipakai untuk menjawab/).waitFor();
    await page.screenshot({ path: screenshotPath('csat-already-390'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(await phone.cookies()).toEqual([]);
    await page.close();

    await desk.reload();
    await expect
      .poll(() => desk.getByTestId('csat').textContent())
      .toMatch(/Pelanggan sudah menjawab: 5 dari 5/);
  });

  it('shows the survey results with the convention, trend, distribution, response rate and comments', async () => {
    await desk.goto(`${server.url}/w/${workspaceId}/surveys/${surveyId}`);
    const score = desk.getByTestId('score');
    await score.waitFor();
    // 10, 9, 7, 4, 10 and the phone's 9: 4 promoters, 1 passive, 1 detractor of 6 = 66.7% - 16.7% = 50
    expect(await score.textContent()).toMatch(/^Skor50 *6 jawaban.*NPS = % promotor/);
    expect(await desk.getByTestId('reach').textContent()).toMatch(/6 jawaban dari 1 kunjungan \(100%\)/);
    expect(await desk.getByTestId('comments').textContent()).toContain('Tempatnya nyaman untuk kerja');
    await desk.locator('canvas').first().waitFor();
    await desk.waitForTimeout(600);
    await desk.screenshot({ path: screenshotPath('survey-results-1440'), fullPage: true });
    await desk.setViewportSize({ width: 1024, height: 1100 });
    await desk.waitForTimeout(600);
    await desk.screenshot({ path: screenshotPath('survey-results-1024'), fullPage: true });
    expect(await desk.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
  });

  it('lets the owner keep opening hours, holidays, targets and the webhook secret', async () => {
    await desk.setViewportSize({ width: 1440, height: 1100 });
    await desk.getByRole('link', { name: 'Pengaturan layanan' }).click();
    const holidays = desk.getByTestId('holidays');
    await holidays.waitFor();
    await holidays.locator('input[name=date]').fill('2026-12-25');
    await holidays.locator('input[name=name]').fill('Hari Raya Natal');
    await holidays.getByRole('button', { name: 'Tambah hari libur' }).click();
    await expect.poll(() => holidays.locator('tbody').textContent()).toMatch(/25 Des 2026.*Hari Raya Natal/);
    await desk.getByLabel('Minggu: Tutup').fill('17:00');
    await desk.getByRole('button', { name: 'Simpan jam buka' }).click();
    await desk.getByTestId('hours').getByRole('status').waitFor();
    // A branch's own hours: Outlet Kemang closes on Sunday, then follows the whole business again.
    const hours = desk.getByTestId('opening-hours');
    await desk.getByTestId('hours-scope').selectOption({ label: 'Outlet Kemang' });
    await hours.getByRole('note').waitFor();
    await hours.getByRole('checkbox', { name: 'Minggu' }).uncheck();
    await hours.getByRole('button', { name: 'Simpan jam buka' }).click();
    await expect
      .poll(() => desk.getByTestId('hours-scope').locator('option').allTextContents())
      .toContain('Outlet Kemang (jam sendiri)');
    const api = apiClient(server.url, server.adminKey!);
    const saved = await api.get<{ items: { branchId: string; week: Record<string, unknown> }[] }>(
      `/api/v1/workspaces/${workspaceId}/support/hours`,
    );
    const own = saved.items.find((h) => h.branchId !== '*');
    expect(own?.week.sun).toBeNull();
    expect(saved.items.find((h) => h.branchId === '*')?.week.sun).toMatchObject({
      open: '07:00',
      close: '17:00',
    });
    await desk.screenshot({ path: screenshotPath('support-branch-hours-1440'), fullPage: true });
    await hours.getByTestId('clear-hours').click();
    await hours.getByRole('note').waitFor();
    const after = await api.get<{ items: { branchId: string }[] }>(
      `/api/v1/workspaces/${workspaceId}/support/hours`,
    );
    expect(after.items.map((h) => h.branchId)).toEqual(['*']);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.getByRole('button', { name: 'Buat kunci rahasia baru' }).click();
    expect(await desk.getByTestId('webhook-secret').textContent()).toMatch(/^whsec_/);
    await desk.screenshot({ path: screenshotPath('support-settings-1440'), fullPage: true });
    await desk.setViewportSize({ width: 1024, height: 1100 });
    await desk.screenshot({ path: screenshotPath('support-settings-1024'), fullPage: true });
    expect(await desk.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
  });
});
