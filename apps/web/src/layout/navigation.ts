import { isRole, roleCan, type Permission, type Role } from '@jejak/core/roles';

/** One entry of the main navigation, shown only to roles holding its permission. */
export interface NavItem {
  key:
    'overview' | 'customers' | 'tickets' | 'surveys' | 'supportSettings' | 'counter' | 'orders' | 'products';
  path: string;
  permission: Permission;
}

// New pages add a line here; the permission is the same one their API routes declare.
const NAV: readonly NavItem[] = [
  { key: 'overview', path: 'overview', permission: 'journey.read' },
  { key: 'customers', path: 'customers', permission: 'customers.read' },
  { key: 'tickets', path: 'tickets', permission: 'tickets.read' },
  { key: 'surveys', path: 'surveys', permission: 'surveys.read' },
  { key: 'supportSettings', path: 'support-settings', permission: 'support.manage' },
  { key: 'counter', path: 'kasir', permission: 'sales.write' },
  { key: 'orders', path: 'penjualan', permission: 'sales.read' },
  { key: 'products', path: 'produk', permission: 'stock.manage' },
];

export function roleOf(role: string): Role | undefined {
  return isRole(role) ? role : undefined;
}

/** What a role may open, in navigation order. An unknown role sees nothing. */
export function navigationFor(role: string): NavItem[] {
  const known = roleOf(role);
  return known ? NAV.filter((item) => roleCan(known, item.permission)) : [];
}
