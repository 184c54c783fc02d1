import { AUDITED_ROLES } from '@jejak/core';
import { AuditRepository, type AuditEntry, type AuditFilter, type Store } from '@jejak/storage';
import type { Page, PageOptions } from '@jejak/storage';
import type { Grant, Principal } from '../auth/principal.ts';

export interface AuditedChange {
  principal: Principal;
  grant: Grant;
  action: string;
  target: string | null;
  ip: string | null;
}

/**
 * The record of what owners, admins, managers and secret keys changed in a workspace. Entries
 * carry ids, never the personal data that was changed or erased.
 */
export class AuditService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  /** Whether a change by this caller belongs in the log (cashiers' sales are recorded by the sales ledger). */
  isAudited(principal: Principal, grant: Grant): boolean {
    return principal.kind === 'key' || (grant.role !== null && AUDITED_ROLES.includes(grant.role));
  }

  async record(change: AuditedChange, details: Record<string, unknown> = {}): Promise<void> {
    const { principal, grant } = change;
    await new AuditRepository(this.store.db).append({
      workspace_id: grant.workspaceId,
      at: this.now(),
      actor_kind: principal.kind,
      actor_id: principal.kind === 'user' ? principal.user.id : principal.key.id,
      actor_label: principal.kind === 'user' ? principal.user.email : principal.key.name,
      role: grant.role,
      action: change.action,
      target: change.target,
      ip: change.ip,
      details_json: JSON.stringify(details),
    });
  }

  list(workspaceId: string, filter: AuditFilter, page: PageOptions): Promise<Page<AuditEntry>> {
    return new AuditRepository(this.store.db).list(workspaceId, filter, page);
  }
}
