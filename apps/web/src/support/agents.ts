import { isBranchScoped } from '@jejak/core/roles';
import type { Member } from '../api/members.api.ts';
import { can, roleOf } from '../layout/navigation.ts';

/**
 * The members a ticket can be handed to: their role answers tickets and, for a manager, the ticket's
 * branch is one of theirs (the server refuses anyone else). By name.
 */
export function agentsFor(members: readonly Member[], branchId: string | null): Member[] {
  return members
    .filter((m) => {
      if (!can(m.role, 'tickets.write')) return false;
      const role = roleOf(m.role);
      return !role || !isBranchScoped(role) || (branchId !== null && m.branchIds.includes(branchId));
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
}
