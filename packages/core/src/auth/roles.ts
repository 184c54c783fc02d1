/*
 * Who may do what in a workspace. One table, read by the server's authorization layer and by the
 * authorization matrix test, so the rules live in one place and can be read at a glance.
 */

export const ROLES = ['owner', 'admin', 'manager', 'cashier', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'workspace.read',
  'workspace.manage',
  'members.read',
  'members.manage',
  'keys.manage',
  'branches.read',
  'branches.manage',
  'branches.update',
  'customers.read',
  'customers.write',
  'customers.personal_data',
  'journey.read',
  'journey.manage',
  'sales.read',
  'sales.write',
  'sales.refund',
  'sales.manage',
  'reports.read',
  'stock.manage',
  'audit.read',
  'tickets.read',
  'tickets.write',
  'support.manage',
  'surveys.read',
  'surveys.manage',
  'reviews.read',
  'reviews.moderate',
  'content.read',
  'content.manage',
  'interviews.read',
  'interviews.write',
  'interviews.manage',
  'analytics.read',
  'analytics.manage',
  'loyalty.read',
  'loyalty.adjust',
  'loyalty.manage',
  'promotions.read',
  'promotions.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The roles whose changes the audit log records. */
export const AUDITED_ROLES: readonly Role[] = ['owner', 'admin', 'manager'];

/** Roles that work at some branches only; the branch list of their membership limits them. */
export const BRANCH_SCOPED_ROLES: readonly Role[] = ['manager', 'cashier'];

const ALL: readonly Permission[] = PERMISSIONS;

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: ALL,
  admin: ALL.filter((p) => p !== 'workspace.manage'),
  manager: [
    'workspace.read',
    'members.read',
    'branches.read',
    'branches.update',
    'customers.read',
    'customers.write',
    'journey.read',
    'sales.read',
    'sales.write',
    'sales.refund',
    'stock.manage',
    'reports.read',
    'tickets.read',
    'tickets.write',
    'surveys.read',
    'reviews.read',
    'reviews.moderate',
    'content.read',
    'content.manage',
    'interviews.read',
    'interviews.write',
    'interviews.manage',
    'loyalty.read',
    'loyalty.adjust',
    'promotions.read',
    'promotions.manage',
  ],
  cashier: ['workspace.read', 'branches.read', 'sales.read', 'sales.write'],
  analyst: [
    'workspace.read',
    'branches.read',
    'customers.read',
    'journey.read',
    'sales.read',
    'reports.read',
    'tickets.read',
    'surveys.read',
    'reviews.read',
    'content.read',
    'interviews.read',
    'analytics.read',
    'loyalty.read',
    'promotions.read',
  ],
};

/**
 * Whether a role holds a permission.
 * @example roleCan('analyst', 'journey.manage') // false: analysts only read
 */
export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Whether a role is limited to the branches listed on its membership. */
export function isBranchScoped(role: Role): boolean {
  return BRANCH_SCOPED_ROLES.includes(role);
}
