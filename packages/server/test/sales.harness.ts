import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import type { TestApp } from './harness.ts';

export interface Shop {
  branch: string;
  otherBranch: string;
  owner: SignedInUser;
  manager: SignedInUser;
  cashier: SignedInUser;
  /** Products by a short name: kopi (tracked, Rp 18.000), roti (tracked, Rp 12.500), latte (made to order). */
  product: Record<'kopi' | 'roti' | 'latte', string>;
}

/**
 * A coffee shop with two outlets, a cashier and a manager at the first, three products, and stock
 * received at the first outlet: 10 kopi (bags of beans) and 10 roti.
 */
export async function openShop(
  t: TestApp,
  settings = { taxRateBp: 1100, taxMode: 'included', allowNegativeStock: false },
) {
  const ws = t.workspace.id;
  const branch = (
    await t.services.branches.create(ws, { name: 'Outlet Kemang', address: 'Jl. Kemang Raya 10' })
  ).id;
  const otherBranch = (await t.services.branches.create(ws, { name: 'Outlet Depok' })).id;
  const owner = await aMember(t, 'owner');
  const manager = await aMember(t, 'manager', { branchIds: [branch] });
  const cashier = await aMember(t, 'cashier', { branchIds: [branch] });
  const put = await asUser(t, owner, 'PUT', `/api/v1/workspaces/${ws}/sales/settings`, settings);
  if (put.statusCode !== 200) throw new Error(`settings: ${put.body}`);
  const product = {} as Shop['product'];
  for (const [key, body] of [
    [
      'kopi',
      {
        sku: 'KOPI-250',
        barcode: '8991234500017',
        name: 'Biji Kopi Gayo 250 g',
        category: 'Kopi',
        price: 18_000,
        cost: 9_000,
      },
    ],
    [
      'roti',
      {
        sku: 'ROTI-01',
        barcode: '8991234500024',
        name: 'Roti Bakar Cokelat',
        category: 'Makanan',
        price: 12_500,
        cost: 5_000,
      },
    ],
    [
      'latte',
      {
        sku: 'LATTE',
        name: 'Es Kopi Susu',
        category: 'Minuman',
        price: 22_000,
        cost: 6_000,
        trackStock: false,
      },
    ],
  ] as const) {
    const response = await asUser(t, owner, 'POST', `/api/v1/workspaces/${ws}/products`, body);
    if (response.statusCode !== 201) throw new Error(`product: ${response.body}`);
    product[key] = response.json<{ id: string }>().id;
  }
  for (const id of [product.kopi, product.roti]) {
    const response = await asUser(
      t,
      manager,
      'POST',
      `/api/v1/workspaces/${ws}/branches/${branch}/stock/movements`,
      {
        productId: id,
        kind: 'received',
        quantity: 10,
      },
    );
    if (response.statusCode !== 201) throw new Error(`stock: ${response.body}`);
  }
  return { branch, otherBranch, owner, manager, cashier, product } satisfies Shop;
}

export function salesUrl(t: TestApp, path: string): string {
  return `/api/v1/workspaces/${t.workspace.id}${path}`;
}

/** A sale at the shop's first outlet by its cashier (or `who`). */
export function sell(
  t: TestApp,
  shop: Shop,
  body: object,
  who: SignedInUser = shop.cashier,
  branch = shop.branch,
) {
  return asUser(t, who, 'POST', salesUrl(t, `/branches/${branch}/orders`), body);
}

export interface OrderBody {
  id: string;
  status: string;
  total: number;
  taxTotal: number;
  changeDue: number;
  refundedTotal: number;
  receiptNo: number;
  shareToken: string;
  customer: { id: string; name: string | null; phone: string | null } | null;
  lines: { id: string; quantity: number; total: number; refundedQuantity: number; refundedAmount: number }[];
  payments: { method: string; amount: number; tendered: number; change: number; refundedAmount: number }[];
  history: { kind: string; reason: string; amount: number; actorName: string; actorRole: string | null }[];
}
