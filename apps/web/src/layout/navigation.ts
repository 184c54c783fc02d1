import { isRole, roleCan, type Permission, type Role } from '@jejak/core/roles';

/** One entry of the main navigation, shown only to roles holding its permission. */
export interface NavItem {
  key:
    | 'overview'
    | 'journeyMap'
    | 'customers'
    | 'tickets'
    | 'surveys'
    | 'reviews'
    | 'content'
    | 'interviews'
    | 'customerValue'
    | 'rfm'
    | 'segments'
    | 'negativeExperiences'
    | 'attribution'
    | 'retention'
    | 'funnels'
    | 'paths'
    | 'supportSettings'
    | 'counter'
    | 'orders'
    | 'products'
    | 'reports'
    | 'loyalty'
    | 'promotions'
    | 'referrals'
    | 'settings';
  path: string;
  permission: Permission;
}

/** One page of the settings section, shown only to roles that can use it. */
export interface SettingsItem {
  key: 'workspace' | 'branches' | 'members' | 'keys' | 'journey' | 'quarantine' | 'audit';
  path: string;
  permission: Permission;
}

// New pages add a line here; the permission is the same one their API routes declare.
const NAV: readonly NavItem[] = [
  { key: 'overview', path: 'overview', permission: 'journey.read' },
  { key: 'journeyMap', path: 'journey-map', permission: 'journey.read' },
  { key: 'customers', path: 'customers', permission: 'customers.read' },
  { key: 'tickets', path: 'tickets', permission: 'tickets.read' },
  { key: 'surveys', path: 'surveys', permission: 'surveys.read' },
  { key: 'reviews', path: 'ulasan', permission: 'reviews.read' },
  { key: 'content', path: 'konten', permission: 'content.read' },
  { key: 'interviews', path: 'wawancara', permission: 'interviews.read' },
  { key: 'customerValue', path: 'nilai-pelanggan', permission: 'analytics.read' },
  { key: 'rfm', path: 'segmen-rfm', permission: 'analytics.read' },
  { key: 'segments', path: 'segmen', permission: 'analytics.read' },
  { key: 'negativeExperiences', path: 'pengalaman-negatif', permission: 'analytics.read' },
  { key: 'attribution', path: 'atribusi', permission: 'analytics.read' },
  { key: 'retention', path: 'retensi', permission: 'analytics.read' },
  { key: 'funnels', path: 'corong', permission: 'analytics.read' },
  { key: 'paths', path: 'jalur', permission: 'analytics.read' },
  { key: 'supportSettings', path: 'support-settings', permission: 'support.manage' },
  { key: 'counter', path: 'kasir', permission: 'sales.write' },
  { key: 'orders', path: 'penjualan', permission: 'sales.read' },
  { key: 'products', path: 'produk', permission: 'stock.manage' },
  { key: 'reports', path: 'laporan', permission: 'reports.read' },
  { key: 'loyalty', path: 'loyalitas', permission: 'loyalty.read' },
  { key: 'promotions', path: 'promosi', permission: 'promotions.read' },
  { key: 'referrals', path: 'referral', permission: 'loyalty.read' },
];

/*
 * A settings page shows to the roles that can do something there: change the workspace (owner),
 * edit their branches (managers too), see the team, manage keys, read or edit the journey rules,
 * inspect refused events, read the audit log. A cashier has none of these and sees no settings.
 */
const SETTINGS: readonly SettingsItem[] = [
  { key: 'workspace', path: 'workspace', permission: 'workspace.manage' },
  { key: 'branches', path: 'branches', permission: 'branches.update' },
  { key: 'members', path: 'members', permission: 'members.read' },
  { key: 'keys', path: 'keys', permission: 'keys.manage' },
  { key: 'journey', path: 'journey', permission: 'journey.read' },
  { key: 'quarantine', path: 'quarantine', permission: 'journey.read' },
  { key: 'audit', path: 'audit', permission: 'audit.read' },
];

export function roleOf(role: string): Role | undefined {
  return isRole(role) ? role : undefined;
}

/** Whether a role (as the API names it) holds a permission; an unknown role holds none. */
export function can(role: string, permission: Permission): boolean {
  const known = roleOf(role);
  return known !== undefined && roleCan(known, permission);
}

/** The settings pages a role may open, in sub-navigation order. */
export function settingsFor(role: string): SettingsItem[] {
  return SETTINGS.filter((item) => can(role, item.permission));
}

/** What a role may open, in navigation order; settings when at least one of its pages is. */
export function navigationFor(role: string): NavItem[] {
  const items = NAV.filter((item) => can(role, item.permission));
  const firstSetting = settingsFor(role)[0];
  if (firstSetting) items.push({ key: 'settings', path: 'settings', permission: firstSetting.permission });
  return items;
}
