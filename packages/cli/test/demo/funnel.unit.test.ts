import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_SHOP, COFFEE_CHAIN, onlyAware, type BusinessProfile } from '../../src/demo/index.ts';
import { run, simulationOptions, type Run } from './simulation.factory.ts';

const sims = new Map<BusinessProfile, Run>();

beforeAll(() => {
  for (const business of [COFFEE_CHAIN, BENCH_SHOP])
    sims.set(business, run(simulationOptions({ business, customers: 2000, days: 365 })));
});

describe.each([COFFEE_CHAIN, BENCH_SHOP])('a year of $name', (business) => {
  it('loses people at every step: only looked > considered > bought > came back > recommended', () => {
    const { reached } = sims.get(business)!.summary;
    const counts = [
      onlyAware(sims.get(business)!.summary),
      reached.consideration,
      reached.purchase,
      reached.repeat,
      reached.advocacy,
    ];
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThan(counts[i - 1]!);
    expect(reached.advocacy).toBeGreaterThan(0);
  });

  it('brings every planned customer, each through a channel', () => {
    const { summary } = sims.get(business)!;
    expect(summary.customers).toBe(2000);
    expect(summary.reached.awareness).toBe(2000);
    const arrivals = Object.values(summary.arrivals).reduce((a, b) => a + b, 0);
    expect(arrivals).toBe(2000);
    expect(summary.arrivals.referral).toBeGreaterThan(0);
  });

  it('lets customers go quiet and wins some of them back', () => {
    const { summary } = sims.get(business)!;
    expect(summary.lapsed).toBeGreaterThan(0);
    expect(summary.wonBack).toBeGreaterThan(0);
    expect(summary.wonBack).toBeLessThan(summary.lapsed);
  });

  it('counts what it sent', () => {
    const { summary, messages } = sims.get(business)!;
    expect(summary.messages).toBe(messages.length);
    expect(Object.values(summary.byType).reduce((a, b) => a + b, 0)).toBe(messages.length);
    expect(summary.byEvent['Order Completed']).toBe(summary.orders.count);
  });
});

describe('the coffee chain', () => {
  it('makes most of its sales at the counter', () => {
    const { orders } = sims.get(COFFEE_CHAIN)!.summary;
    expect(orders.byChannel.store! / orders.count).toBeGreaterThan(0.5);
  });

  it('has regulars who buy many times a year', () => {
    const counts = new Map<string, number>();
    for (const m of sims.get(COFFEE_CHAIN)!.messages) {
      if (m.type === 'track' && m.event === 'Order Completed')
        counts.set(m.userId!, (counts.get(m.userId!) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeGreaterThan(40);
  });
});

describe('the benchmark shop', () => {
  it('sends messages of 400 to 800 bytes of JSON on average', () => {
    const { messages } = sims.get(BENCH_SHOP)!;
    const bytes = messages.reduce((total, m) => total + Buffer.byteLength(JSON.stringify(m)), 0);
    const average = bytes / messages.length;
    expect(average).toBeGreaterThan(400);
    expect(average).toBeLessThan(800);
  });

  it('comes to about 50 messages a customer over a year, so 200,000 customers give about 10 million', () => {
    const { summary } = sims.get(BENCH_SHOP)!;
    expect(summary.messages / summary.customers).toBeGreaterThan(40);
    expect(summary.messages / summary.customers).toBeLessThan(60);
  });
});
