import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, isBranchScoped, roleCan } from './roles.ts';

describe('roles', () => {
  it('gives the owner every permission', () => {
    for (const permission of PERMISSIONS) expect(roleCan('owner', permission)).toBe(true);
  });

  it('keeps the analyst to reading', () => {
    const granted = PERMISSIONS.filter((p) => roleCan('analyst', p));
    expect(granted.every((p) => p.endsWith('.read'))).toBe(true);
  });

  it('lets only owners manage the workspace itself', () => {
    expect(ROLES.filter((r) => roleCan(r, 'workspace.manage'))).toEqual(['owner']);
  });

  it('limits managers and cashiers to their branches', () => {
    expect(ROLES.filter(isBranchScoped)).toEqual(['manager', 'cashier']);
  });
});

describe('sales permissions', () => {
  it('lets cashiers sell but only managers and above refund, void or move stock', () => {
    expect(ROLES.filter((r) => roleCan(r, 'sales.write'))).toEqual(['owner', 'admin', 'manager', 'cashier']);
    expect(ROLES.filter((r) => roleCan(r, 'sales.refund'))).toEqual(['owner', 'admin', 'manager']);
    expect(ROLES.filter((r) => roleCan(r, 'stock.manage'))).toEqual(['owner', 'admin', 'manager']);
  });

  it('shows the business reports to those who run the business, not to cashiers', () => {
    expect(ROLES.filter((r) => roleCan(r, 'reports.read'))).toEqual(['owner', 'admin', 'manager', 'analyst']);
  });

  it('keeps the catalogue, prices and tax settings to owners and admins', () => {
    expect(ROLES.filter((r) => roleCan(r, 'sales.manage'))).toEqual(['owner', 'admin']);
  });
});

describe('loyalty permissions', () => {
  it('lets managers adjust points, owners and admins run the program, and analysts read', () => {
    expect(ROLES.filter((r) => roleCan(r, 'loyalty.read'))).toEqual(['owner', 'admin', 'manager', 'analyst']);
    expect(ROLES.filter((r) => roleCan(r, 'loyalty.adjust'))).toEqual(['owner', 'admin', 'manager']);
    expect(ROLES.filter((r) => roleCan(r, 'loyalty.manage'))).toEqual(['owner', 'admin']);
  });
});
