import { describe, expect, it } from 'vitest';
import type { Product } from '../api/sales.api.ts';
import {
  addPayment,
  addProduct,
  checkPayments,
  checkoutInput,
  emptyCart,
  priceCart,
  setQuantity,
} from './cart.ts';

const kopi: Product = {
  id: 'p1',
  sku: 'KOPI',
  barcode: '899',
  name: 'Kopi',
  category: null,
  unit: 'pcs',
  price: 18_000,
  trackStock: true,
};
const TAX = { rateBp: 1100, mode: 'included' as const };

describe('the cart', () => {
  it('adds a product twice as one line of two, and drops a line set to zero', () => {
    const cart = addProduct(addProduct(emptyCart(), kopi), kopi);
    expect(cart.lines).toEqual([{ product: kopi, quantity: 2 }]);
    expect(setQuantity(cart, 'p1', 0).lines).toEqual([]);
  });

  it('prices with the same rules as the server', () => {
    const cart = setQuantity(addProduct(emptyCart(), kopi), 'p1', 2);
    expect(priceCart(cart, TAX).priced).toMatchObject({ total: 36_000, taxTotal: 3_568 });
  });

  it('splits cash with change and QRIS paying the rest', () => {
    let cart = setQuantity(addProduct(emptyCart(), kopi), 'p1', 3);
    cart = { ...cart, payments: [{ method: 'cash', amount: 20_000, tendered: 50_000, label: '' }] };
    cart = addPayment(cart, 'qris', 54_000);
    const check = checkPayments(cart.payments, 54_000);
    expect(check).toMatchObject({ amounts: [20_000, 34_000], due: 0, change: 30_000, cashShort: false });
    expect(checkoutInput(cart, check.amounts).payments).toEqual([
      { method: 'cash', amount: 20_000, tendered: 50_000 },
      { method: 'qris', amount: 34_000 },
    ]);
  });
});
