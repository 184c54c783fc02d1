import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/journey/rules.compile.ts';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import type { WhereCondition } from '../../src/journey/rules.schema.ts';
import { compileWhere } from '../../src/journey/where.matcher.ts';
import { anEvent, rulesWith } from './journey.factory.ts';

const where = (condition: WhereCondition, properties: Record<string, unknown>): boolean =>
  compileWhere(condition)(properties);

describe('where conditions', () => {
  it('compares numbers sent as strings as numbers', () => {
    expect(where({ property: 'rating', op: 'gte', value: 4 }, { rating: '5' })).toBe(true);
    expect(where({ property: 'rating', op: 'eq', value: 5 }, { rating: '5.0' })).toBe(true);
    expect(where({ property: 'rating', op: 'lte', value: 2 }, { rating: '' })).toBe(false);
    expect(where({ property: 'rating', op: 'lt', value: 2 }, { rating: true })).toBe(false);
  });

  it('follows dot paths into nested properties', () => {
    expect(
      where(
        { property: 'order.store.city', op: 'eq', value: 'Bandung' },
        { order: { store: { city: 'Bandung' } } },
      ),
    ).toBe(true);
    expect(where({ property: 'order.store.city', op: 'exists' }, { order: 'x' })).toBe(false);
  });

  it('does not read inherited properties', () => {
    expect(where({ property: 'constructor', op: 'exists' }, {})).toBe(false);
  });

  it('matches a value in a list, and neq when the property is missing', () => {
    expect(
      where({ property: 'category', op: 'in', value: ['product', 'pricing'] }, { category: 'pricing' }),
    ).toBe(true);
    expect(
      where({ property: 'category', op: 'in', value: ['product', 'pricing'] }, { category: 'blog' }),
    ).toBe(false);
    expect(where({ property: 'category', op: 'neq', value: 'complaint' }, {})).toBe(true);
  });
});

describe('compileRules', () => {
  it('compiles a rule set once and reuses it', () => {
    expect(compileRules(DEFAULT_RULES)).toBe(compileRules(DEFAULT_RULES));
  });

  it('offers an event only the rules that can match its name, in rule order', () => {
    expect(
      compileRules(DEFAULT_RULES)
        .transitionsFor('Order Completed')
        .map((r) => r.to),
    ).toEqual(['retention', 'purchase', 'awareness']);
    expect(
      compileRules(DEFAULT_RULES)
        .transitionsFor('Something Else')
        .map((r) => r.to),
    ).toEqual(['awareness']);
  });

  it('filters on event type and channel', () => {
    const rules = rulesWith({ orders: { event: '*', type: ['track'], channel: ['store', 'marketplace'] } });
    const { isOrder } = compileRules(rules);
    expect(isOrder(anEvent({ name: 'Sale', channel: 'store' }))).toBe(true);
    expect(isOrder(anEvent({ name: 'Sale', channel: 'web' }))).toBe(false);
    expect(isOrder(anEvent({ name: 'Sale', type: 'page', channel: 'store' }))).toBe(false);
  });

  it('lets the earliest timer from a stage win', () => {
    const rules = rulesWith({
      timers: [
        { to: 'experience', from: ['purchase'], afterHours: 72 },
        { to: 'retention', from: ['purchase'], afterHours: 24 },
      ],
    });
    expect(compileRules(rules).timerFrom('purchase')).toEqual({ to: 'retention', afterMs: 24 * 3_600_000 });
  });
});
