import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_SHOP } from '../../src/demo/index.ts';
import { run, simulationOptions, tracks, type Run } from './simulation.factory.ts';

type Line = {
  product_id: string;
  sku: string;
  name: string;
  category: string;
  price: number;
  quantity: number;
};

const PAYMENT_METHODS = [
  'cash',
  'qris',
  'debit_card',
  'credit_card',
  'gopay',
  'ovo',
  'dana',
  'shopeepay',
  'bank_transfer',
];

/** One pattern per way Indonesians write a mobile number. */
const PHONE_FORMS: Record<string, RegExp> = {
  dashed: /^08\d{2}-\d{4}-\d{3,4}$/,
  international_spaced: /^\+62 8\d{2} \d{4} \d{3,4}$/,
  international_bare: /^628\d{9,10}$/,
  plain_local: /^08\d{9,10}$/,
  plus_bare: /^\+628\d{9,10}$/,
  spaced_local: /^08\d{2} \d{4} \d{3,4}$/,
};
const formOf = (phone: string): string | undefined =>
  Object.keys(PHONE_FORMS).find((form) => PHONE_FORMS[form]!.test(phone));
const digitsOf = (phone: string): string => phone.replace(/\D/g, '').replace(/^0/, '62');

let sims: Run[];

beforeAll(() => {
  sims = [run(simulationOptions({ days: 90 })), run(simulationOptions({ business: BENCH_SHOP, days: 90 }))];
});

describe('the simulated orders', () => {
  it('total every order in whole Rupiah as the sum of its lines', () => {
    for (const sim of sims) {
      const orders = tracks(sim.messages, 'Order Completed');
      expect(orders.length).toBeGreaterThan(100);
      for (const { properties } of orders) {
        const lines = properties.products as Line[];
        expect(lines.length).toBeGreaterThan(0);
        const sum = lines.reduce((total, line) => total + line.price * line.quantity, 0);
        expect(Number.isInteger(properties.total) && (properties.total as number) > 0).toBe(true);
        expect(properties.total).toBe(sum);
        expect(properties.revenue).toBe(sum);
        expect(properties.currency).toBe('IDR');
      }
    }
  });

  it('are paid with the methods Indonesian shops accept, most of them in use', () => {
    const used = new Set(
      sims.flatMap((sim) => tracks(sim.messages, 'Order Completed').map((m) => m.properties.payment_method)),
    );
    for (const method of used) expect(PAYMENT_METHODS).toContain(method);
    expect(used.size).toBeGreaterThanOrEqual(8);
  });

  it('never repeat an order id, and refunds point at a real order', () => {
    for (const sim of sims) {
      const ids = tracks(sim.messages, 'Order Completed').map((m) => m.properties.order_id);
      expect(new Set(ids).size).toBe(ids.length);
      const known = new Set(ids);
      for (const refund of tracks(sim.messages, 'Order Refunded'))
        expect(known.has(refund.properties.order_id)).toBe(true);
    }
  });

  it('carry phone numbers written the several ways people type them', () => {
    const phones = sims.flatMap((sim) =>
      sim.messages.flatMap((m) => {
        const fromTraits =
          m.type === 'identify' && typeof m.traits.phone === 'string' ? [m.traits.phone] : [];
        return m.context.traits?.phone === undefined ? fromTraits : [...fromTraits, m.context.traits.phone];
      }),
    );
    expect(phones.filter((phone) => formOf(phone) === undefined).slice(0, 5)).toEqual([]);
    expect(new Set(phones.map(formOf)).size).toBe(Object.keys(PHONE_FORMS).length);
    const formsPerNumber = new Map<string, Set<string | undefined>>();
    for (const phone of phones)
      formsPerNumber.set(
        digitsOf(phone),
        (formsPerNumber.get(digitsOf(phone)) ?? new Set()).add(formOf(phone)),
      );
    const writtenTwoWays = [...formsPerNumber.values()].filter((forms) => forms.size > 1).length;
    expect(writtenTwoWays).toBeGreaterThan(10);
  });

  it('know counter customers by a phone-based code with their number as a trait', () => {
    const sim = sims[0]!;
    const registrations = sim.messages.filter((m) => m.type === 'identify' && m.userId?.startsWith('cust_'));
    expect(registrations.length).toBeGreaterThan(0);
    for (const m of registrations) {
      if (m.type !== 'identify') continue;
      expect(`cust_${digitsOf(m.traits.phone as string)}`).toBe(m.userId);
      expect(m.traits.name).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)?$/);
    }
  });
});
