import { describe, expect, it } from 'vitest';
import { navigationFor, settingsFor } from './navigation.ts';

const keys = (items: { key: string }[]) => items.map((item) => item.key);

describe('navigation', () => {
  it('shows the journey overview and map to the roles that may read the journey', () => {
    for (const role of ['owner', 'admin', 'manager', 'analyst']) {
      expect(navigationFor(role).map((item) => item.key)).toEqual(
        expect.arrayContaining(['overview', 'journeyMap']),
      );
    }
  });

  it('shows the customers to the roles that may read them', () => {
    for (const role of ['owner', 'admin', 'manager', 'analyst']) {
      expect(keys(navigationFor(role))).toContain('customers');
    }
  });

  it('shows tickets and surveys to those who may read them, not to a cashier', () => {
    expect(keys(navigationFor('analyst'))).toEqual([
      'overview',
      'journeyMap',
      'customers',
      'tickets',
      'surveys',
      'reviews',
      'content',
      'interviews',
      'customerValue',
      'rfm',
      'segments',
      'negativeExperiences',
      'attribution',
      'retention',
      'funnels',
      'paths',
      'orders',
      'reports',
      'loyalty',
      'promotions',
      'referrals',
      'settings',
    ]);
    expect(keys(navigationFor('manager'))).toContain('tickets');
    // Predictions cover the whole workspace; a manager's view is his branches.
    expect(keys(navigationFor('manager'))).not.toContain('customerValue');
    expect(keys(navigationFor('cashier'))).not.toContain('tickets');
  });

  it('shows a cashier the counter and the sales, no analytics; an unknown role nothing', () => {
    expect(keys(navigationFor('cashier'))).toEqual(['counter', 'orders']);
    expect(navigationFor('intern')).toEqual([]);
  });
});

describe('sales navigation', () => {
  it('gives the counter to those who sell and the sales list to those who read sales', () => {
    expect(keys(navigationFor('manager'))).toEqual(expect.arrayContaining(['counter', 'orders']));
    expect(keys(navigationFor('analyst'))).not.toContain('counter');
  });

  it('gives the business reports to those who run the business, not to a cashier', () => {
    for (const role of ['owner', 'admin', 'manager', 'analyst'])
      expect(keys(navigationFor(role))).toContain('reports');
    expect(keys(navigationFor('cashier'))).not.toContain('reports');
  });
});

describe('settings navigation, role by role', () => {
  it('puts settings last in the main navigation of every role that has a settings page', () => {
    for (const role of ['owner', 'admin', 'manager', 'analyst']) {
      expect(keys(navigationFor(role)).at(-1), role).toBe('settings');
    }
  });

  it('shows the owner every settings page', () => {
    expect(keys(settingsFor('owner'))).toEqual([
      'workspace',
      'branches',
      'members',
      'keys',
      'journey',
      'quarantine',
      'audit',
    ]);
  });

  it('shows an admin every setting but the business itself, which only the owner changes', () => {
    expect(keys(settingsFor('admin'))).toEqual([
      'branches',
      'members',
      'keys',
      'journey',
      'quarantine',
      'audit',
    ]);
  });

  it('shows a manager their branches, the team, the rules and refused events; no keys or audit log', () => {
    expect(keys(settingsFor('manager'))).toEqual(['branches', 'members', 'journey', 'quarantine']);
  });

  it('shows an analyst the rules to read and refused events, nothing about people, keys or branches', () => {
    expect(keys(settingsFor('analyst'))).toEqual(['journey', 'quarantine']);
  });

  it('shows a cashier no settings at all, and an unknown role none', () => {
    expect(keys(navigationFor('cashier'))).not.toContain('settings');
    expect(settingsFor('cashier')).toEqual([]);
    expect(settingsFor('intern')).toEqual([]);
  });
});
