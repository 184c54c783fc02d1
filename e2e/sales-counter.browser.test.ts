import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './chromium.ts';
import { OWNER, ensureDashboardBuilt } from './dashboard.harness.ts';
import { apiClient, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

/** Intl writes `Rp 58.000` with a no-break space; the assertions read plain spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

/**
 * The counter as a cashier and a manager use it: a scanned and a searched product, a customer found by
 * phone, cash with change plus QRIS, the receipt on 58 and 80 mm rolls, a refund the cashier may not
 * make and the manager makes.
 */
describe('dashboard: the cashier screen', () => {
  const data = tempDataDir();
  const PASSWORD = 'kasir-kopi-sari-123';
  let server: ServerProcess;
  let browser: Browser;
  let cashierPage: Page;
  let ws: string;
  let branch: string;
  let api: ReturnType<typeof apiClient>;
  let receiptToken = '';
  let receiptNo = '';

  async function member(email: string, name: string, role: string) {
    const invitation = await api.post<{ token: string }>(`/api/v1/workspaces/${ws}/invitations`, {
      email,
      role,
      branchIds: [branch],
    });
    const accepted = await fetch(`${server.url}/api/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invitation.token, name, password: PASSWORD }),
    });
    expect(accepted.status).toBe(200);
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
  }

  beforeAll(async () => {
    ensureDashboardBuilt();
    server = await startServerProcess(data.dir);
    api = apiClient(server.url, server.adminKey!);
    // The first run: the owner and the shop's workspace.
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...OWNER, workspaceName: 'Kopi Sari' }),
    });
    ws = ((await setup.json()) as { memberships: { workspaceId: string }[] }).memberships[0]!.workspaceId;
    branch = (
      await api.post<{ id: string }>(`/api/v1/workspaces/${ws}/branches`, {
        name: 'Outlet Kemang',
        address: 'Jl. Kemang Raya 10, Jakarta Selatan',
      })
    ).id;
    await api.post(`/api/v1/workspaces/${ws}/branches`, { name: 'Outlet Depok' });
    const products = [
      {
        sku: 'KOPI-250',
        barcode: '8991234500017',
        name: 'Biji Kopi Gayo 250 g',
        category: 'Kopi',
        price: 18_000,
      },
      { sku: 'LATTE', name: 'Es Kopi Susu Gula Aren', category: 'Minuman', price: 22_000, trackStock: false },
      {
        sku: 'ROTI-01',
        barcode: '8991234500024',
        name: 'Roti Bakar Cokelat',
        category: 'Makanan',
        price: 12_500,
      },
    ];
    for (const product of products) {
      const made = await api.post<{ id: string }>(`/api/v1/workspaces/${ws}/products`, product);
      if (product.sku !== 'LATTE') {
        await api.post(`/api/v1/workspaces/${ws}/branches/${branch}/stock/movements`, {
          productId: made.id,
          kind: 'received',
          quantity: 20,
        });
      }
    }
    await api.post(`/api/v1/workspaces/${ws}/sales/customers`, {
      phone: '081234567801',
      name: 'Siti Rahayu',
    });
    await member('dewi@kopi.example', 'Dewi Kasir', 'cashier');
    await member('bayu@kopi.example', 'Bayu Manajer', 'manager');
    browser = await launchChromium();
    cashierPage = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('sells to a customer found by phone, scanned and searched products, cash with change plus QRIS', async () => {
    const page = cashierPage;
    await signIn(page, 'dewi@kopi.example');
    await page.waitForURL(/\/w\/[^/]+\/kasir/);
    expect(plain(await page.getByTestId('branch').textContent())).toBe('Cabang: Outlet Kemang');

    // A USB scanner types the barcode and Enter into the focused search box.
    await page.getByTestId('product-search').waitFor();
    // The search box takes the focus when the page opens: where a scanner's keystrokes land.
    await page.locator('[data-testid=product-search]:focus').waitFor({ timeout: 10_000 });
    await page.keyboard.type('8991234500017\n', { delay: 5 });
    await expect
      .poll(() => page.getByTestId('cart').locator('tbody tr').count(), { timeout: 10_000 })
      .toBe(1);
    await page.getByRole('button', { name: 'Tambah satu Biji Kopi Gayo 250 g' }).click();
    await page.keyboard.press('F2');
    await page.keyboard.type('kopi susu');
    await page.getByTestId('matches').waitFor();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => plain(await page.getByTestId('total').textContent()), { timeout: 10_000 })
      .toBe('Rp 58.000');

    await page.keyboard.press('F4');
    await page.keyboard.type('0812 3456 7801\n');
    await expect
      .poll(async () => plain(await page.getByTestId('customer-name').textContent()), { timeout: 10_000 })
      .toBe('Siti Rahayu');

    await page.getByTestId('payment-0-amount').fill('20000');
    await page.getByTestId('payment-0-tendered').fill('50000');
    await page.getByTestId('add-qris').click();
    await expect
      .poll(async () => page.getByTestId('payment-1-amount').getAttribute('placeholder'), { timeout: 10_000 })
      .toBe('38.000');
    expect(plain(await page.getByTestId('change').textContent())).toBe('Kembalian: Rp 30.000');
    expect(plain(await page.getByTestId('pay').textContent())).toBe('Bayar Rp 58.000 (F9)');
    await page.screenshot({ path: screenshotPath('sales-counter-1440'), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.screenshot({ path: screenshotPath('sales-counter-1024'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });

    await page.keyboard.press('F9');
    await page.getByTestId('done').waitFor();
    expect(plain(await page.getByTestId('done-change').textContent())).toBe('Kembalian: Rp 30.000');
    const link = plain(await page.getByTestId('receipt-link').textContent());
    receiptToken = link.split('/struk/')[1] ?? '';
    expect(receiptToken).not.toBe('');
    const whatsapp = plain(
      decodeURIComponent((await page.getByTestId('whatsapp').getAttribute('href')) ?? ''),
    );
    expect(whatsapp).toMatch(
      /^https:\/\/wa\.me\/6281234567801\?text=Struk belanja Kopi Sari · Outlet Kemang/,
    );
    expect(whatsapp).toContain('2 × Biji Kopi Gayo 250 g — Rp 36.000');
    expect(whatsapp).toContain('Total: Rp 58.000');
    await page.screenshot({ path: screenshotPath('sales-counter-done') });

    // The sale moved the customer into the purchase stage.
    const customers = await api.get<{ items: { id: string; stage: string | null }[] }>(
      `/api/v1/workspaces/${ws}/customers?search=081234567801`,
    );
    expect(customers.items[0]?.stage).toBe('purchase');
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => plain(await page.getByTestId('total').textContent()), { timeout: 10_000 })
      .toBe('Rp 0');
  });

  it('shows the receipt on 58 mm and 80 mm rolls, as printed', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 }, locale: 'id-ID' });
    await page.emulateMedia({ media: 'print' });
    for (const width of [58, 80]) {
      await page.goto(`${server.url}/struk/${receiptToken}?lebar=${width}`);
      const receipt = page.getByTestId('receipt');
      await receipt.waitFor();
      expect(plain(await page.getByTestId('receipt-total').textContent())).toBe('Rp 58.000');
      const text = plain(await receipt.textContent());
      for (const part of [
        'Kopi Sari',
        'Outlet Kemang',
        'Dewi Kasir',
        'Siti Rahayu',
        'Tunai',
        'QRIS',
        'Kembalian',
      ]) {
        expect(text).toContain(part);
      }
      expect(text).not.toContain('81234567801');
      receiptNo = /No\. struk(\d+)/.exec(text)?.[1] ?? receiptNo;
      const box = await receipt.boundingBox();
      // 54 mm and 76 mm of paper at 96 px per inch.
      expect(Math.round(box!.width)).toBe(width === 58 ? 204 : 287);
      await receipt.screenshot({ path: screenshotPath(`sales-receipt-${width}mm`) });
    }
    await page.close();
  });

  it('refuses a refund by the cashier, and says to ask a manager', async () => {
    const page = cashierPage;
    await page.getByRole('link', { name: 'Penjualan' }).click();
    await page.getByTestId(`order-${receiptNo}`).click();
    await page.getByTestId('open-refund').click();
    await page.locator('[data-testid^=refund-qty-]').first().selectOption('1');
    await page.getByTestId('refund-reason').fill('Kemasan sobek');
    await page.getByTestId('submit-refund').click();
    await expect
      .poll(async () => plain(await page.getByTestId('refund-error').textContent()), { timeout: 10_000 })
      .toBe(
        'Pengembalian dana dan pembatalan hanya boleh dilakukan manajer atau pemilik. Minta manajer masuk untuk melakukannya.',
      );
    expect(plain(await page.getByTestId('order-status').textContent())).toBe('Selesai');
    await page.screenshot({ path: screenshotPath('sales-refund-refused-1440'), fullPage: true });
  });

  it('lets the manager refund one bag back to QRIS, kept in the order’s history', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID' });
    await signIn(page, 'bayu@kopi.example');
    await page.waitForURL(/\/w\/[^/]+\/overview/);
    await page.getByRole('link', { name: 'Penjualan' }).click();
    await page.getByTestId(`order-${receiptNo}`).click();
    await page.getByTestId('open-refund').click();
    await page.locator('[data-testid^=refund-qty-]').first().selectOption('1');
    await page.getByTestId('refund-reason').fill('Kemasan sobek');
    await page.getByRole('combobox', { name: 'Uang dikembalikan lewat' }).selectOption('qris');
    expect(plain(await page.getByTestId('submit-refund').textContent())).toBe('Kembalikan Rp 18.000');
    await page.getByTestId('submit-refund').click();
    await expect
      .poll(async () => plain(await page.getByTestId('order-status').textContent()), { timeout: 10_000 })
      .toBe('Dikembalikan sebagian');
    const history = plain(await page.getByTestId('history').textContent());
    expect(history).toContain('Pengembalian Rp 18.000 oleh Bayu Manajer');
    expect(history).toContain('Alasan: Kemasan sobek');
    await page.screenshot({ path: screenshotPath('sales-refund-manager-1440'), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.screenshot({ path: screenshotPath('sales-refund-manager-1024'), fullPage: true });
    await page.close();
  });
});
