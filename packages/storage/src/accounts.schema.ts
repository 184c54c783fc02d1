import type { Generated, Insertable, Selectable } from 'kysely';

/*
 * The tables of accounts and workspace security. Kept apart from schema.ts so the journey tables
 * and these grow without stepping on each other; `Database` joins both.
 */

export interface UserTable {
  id: string;
  /** Lower-cased and trimmed; one account per address across the installation. */
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash`, salt and hash base64url; see server/src/auth/password.ts. */
  password_hash: string;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  /** sha256 hex of the cookie value: a stolen database does not hand out live sessions. */
  token_hash: string;
  /** A public handle for the session (CSRF tokens are bound to it), never the cookie value. */
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  ip: string | null;
}

export interface BranchTable {
  id: string;
  workspace_id: string;
  name: string;
  address: string | null;
  timezone: string;
  currency: string;
  created_at: number;
  /** When the outlet was closed; null while it is open. Archived branches are kept, not deleted. */
  archived_at: number | null;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: string;
  branch_ids_json: string;
  created_at: number;
}

export interface InvitationTable {
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  branch_ids_json: string;
  token_hash: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: string;
  at: number;
  actor_kind: 'user' | 'key';
  actor_id: string;
  /** The user's email or the key's name at the time, so the entry reads well after either is gone. */
  actor_label: string;
  role: string | null;
  /** e.g. `branch.create`, `customer.erase`. */
  action: string;
  /** What was changed, as `kind:id`; ids only, never personal data. */
  target: string | null;
  ip: string | null;
  details_json: string;
}

export interface AccountTables {
  users: UserTable;
  sessions: SessionTable;
  branches: BranchTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  audit_log: AuditLogTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type Branch = Selectable<BranchTable>;
export type NewBranch = Insertable<BranchTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type PasswordResetRow = Selectable<PasswordResetTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
