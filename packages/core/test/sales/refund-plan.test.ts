import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPayments } from '../../src/sales/payment-plan.ts';
import { planRefund, type RefundableLine, type RefundablePayment } from '../../src/sales/refund-plan.ts';

const line = (over: Partial<RefundableLine> = {}): RefundableLine => ({
  id: 'l1',
  quantity: 3,
  total: 10_000,
  refundedQuantity: 0,
  refundedAmount: 0,
  ...over,
});
const payment = (over: Partial<RefundablePayment> = {}): RefundablePayment => ({
  id: 'p1',
  method: 'cash',
  amount: 10_000,
  refundedAmount: 0,
  ...over,
});

describe('planPayments', () => {
  it('gives change on cash and takes QRIS at its amount', () => {
    const planned = planPayments(50_000, [
      { method: 'cash', amount: 20_000, tendered: 50_000 },
      { method: 'qris', amount: 30_000, reference: ' QR-778 ' },
    ]);
    expect(planned).toEqual([
      { method: 'cash', amount: 20_000, tendered: 50_000, change: 30_000, label: null, reference: null },
      { method: 'qris', amount: 30_000, tendered: 30_000, change: 0, label: null, reference: 'QR-778' },
    ]);
  });

  it('refuses payments that do not cover the total, overpaid cards and unnamed others', () => {
    expect(() => planPayments(50_000, [{ method: 'qris', amount: 40_000 }])).toThrow(/add up to 40000/);
    expect(() => planPayments(50_000, [{ method: 'debit_card', amount: 50_000, tendered: 60_000 }])).toThrow(
      /only cash/,
    );
    expect(() => planPayments(50_000, [{ method: 'other', amount: 50_000 }])).toThrow(/needs a name/);
    expect(() => planPayments(50_000, [{ method: 'cash', amount: 50_000, tendered: 40_000 }])).toThrow(
      /at least the amount/,
    );
  });
});

describe('planRefund', () => {
  it('gives back a line unit by unit, the last unit taking what is left', () => {
    const first = planRefund([line()], [payment()], { lines: [{ lineId: 'l1', quantity: 1 }] });
    expect(first.amount).toBe(3_333);
    const last = planRefund(
      [line({ refundedQuantity: 2, refundedAmount: 6_667 })],
      [payment({ refundedAmount: 6_667 })],
      {
        lines: [{ lineId: 'l1', quantity: 1 }],
      },
    );
    expect(last.amount).toBe(3_333);
  });

  it('refuses more units than are left to refund, and unknown lines', () => {
    expect(() =>
      planRefund([line({ refundedQuantity: 3, refundedAmount: 10_000 })], [payment()], {
        lines: [{ lineId: 'l1', quantity: 1 }],
      }),
    ).toThrow(/from 1 to 0/);
    expect(() => planRefund([line()], [payment()], { lines: [{ lineId: 'nope', quantity: 1 }] })).toThrow(
      /no line nope/,
    );
  });

  it('sends money back by the chosen method only up to what it took', () => {
    const payments = [
      payment({ id: 'p1', amount: 4_000 }),
      payment({ id: 'p2', method: 'qris', amount: 6_000 }),
    ];
    const plan = planRefund([line()], payments, {
      lines: [{ lineId: 'l1', quantity: 3 }],
      payTo: [
        { method: 'cash', amount: 4_000 },
        { method: 'qris', amount: 6_000 },
      ],
    });
    expect(plan.payments).toEqual([
      { paymentId: 'p1', method: 'cash', amount: 4_000 },
      { paymentId: 'p2', method: 'qris', amount: 6_000 },
    ]);
    expect(() =>
      planRefund([line()], payments, {
        lines: [{ lineId: 'l1', quantity: 3 }],
        payTo: [{ method: 'cash', amount: 10_000 }],
      }),
    ).toThrow(/6000 more than was paid/);
    expect(() =>
      planRefund([line()], payments, {
        lines: [{ lineId: 'l1', quantity: 1 }],
        payTo: [{ method: 'ovo', amount: 3_333 }],
      }),
    ).toThrow(/not paid by ovo/);
  });

  it('never returns more than was paid, per line and per payment, over any series of refunds', () => {
    const order = fc.record({
      lines: fc.array(
        fc.record({ quantity: fc.integer({ min: 1, max: 7 }), total: fc.integer({ min: 0, max: 90_000 }) }),
        {
          minLength: 1,
          maxLength: 5,
        },
      ),
      split: fc.integer({ min: 0, max: 100 }),
      refunds: fc.array(fc.array(fc.tuple(fc.nat(4), fc.integer({ min: 1, max: 7 })), { maxLength: 4 }), {
        maxLength: 8,
      }),
    });
    fc.assert(
      fc.property(order, ({ lines: specs, split, refunds }) => {
        const lines = specs.map((s, i) => line({ id: `l${i}`, ...s }));
        const total = lines.reduce((s, l) => s + l.total, 0);
        const cash = Math.floor((total * split) / 100);
        const payments = [
          payment({ id: 'cash', amount: cash }),
          payment({ id: 'qris', method: 'qris', amount: total - cash }),
        ].filter((p) => p.amount > 0);
        for (const wanted of refunds) {
          const request = wanted
            .map(([i, q]) => ({ lineId: `l${i % lines.length}`, quantity: q }))
            .filter((r, k, all) => all.findIndex((x) => x.lineId === r.lineId) === k);
          let plan;
          try {
            plan = planRefund(lines, payments, { lines: request });
          } catch {
            continue;
          }
          for (const l of plan.lines) {
            const target = lines.find((x) => x.id === l.lineId)!;
            target.refundedQuantity += l.quantity;
            target.refundedAmount += l.amount;
          }
          for (const p of plan.payments)
            payments.find((x) => x.id === p.paymentId)!.refundedAmount += p.amount;
        }
        for (const l of lines) {
          expect(l.refundedAmount).toBeLessThanOrEqual(l.total);
          expect(l.refundedAmount).toBeGreaterThanOrEqual(0);
          if (l.refundedQuantity === l.quantity) expect(l.refundedAmount).toBe(l.total);
        }
        for (const p of payments) expect(p.refundedAmount).toBeLessThanOrEqual(p.amount);
        const back = lines.reduce((s, l) => s + l.refundedAmount, 0);
        expect(payments.reduce((s, p) => s + p.refundedAmount, 0)).toBe(back);
      }),
    );
  });
});
