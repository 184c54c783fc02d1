import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';

describe('navigation', () => {
  it('shows the journey overview to the roles that may read the journey', () => {
    for (const role of ['owner', 'admin', 'manager', 'analyst']) {
      expect(navigationFor(role).map((item) => item.key)).toContain('overview');
    }
  });

  it('shows the customers to the roles that may read them', () => {
    for (const role of ['owner', 'admin', 'manager', 'analyst']) {
      expect(navigationFor(role).map((item) => item.key)).toContain('customers');
    }
  });

  it('shows a cashier the counter and the sales, no analytics; an unknown role nothing', () => {
    expect(navigationFor('cashier').map((item) => item.key)).toEqual(['counter', 'orders']);
    expect(navigationFor('intern')).toEqual([]);
  });

  it('shows tickets and surveys to those who may read them, not to a cashier', () => {
    expect(navigationFor('analyst').map((item) => item.key)).toEqual([
      'overview',
      'customers',
      'tickets',
      'surveys',
      'orders',
    ]);
    expect(navigationFor('manager').map((item) => item.key)).toContain('tickets');
    expect(navigationFor('cashier').map((item) => item.key)).not.toContain('tickets');
  });
});

describe('sales navigation', () => {
  it('gives the counter to those who sell and the sales list to those who read sales', () => {
    expect(navigationFor('manager').map((item) => item.key)).toEqual(
      expect.arrayContaining(['counter', 'orders']),
    );
    expect(navigationFor('analyst').map((item) => item.key)).not.toContain('counter');
  });
});
