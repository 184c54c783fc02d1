import { randomUUID } from 'node:crypto';
import { isBranchScoped, isRole, type Role } from '@jejak/core';
import {
  BranchRepository,
  InvitationRepository,
  MembershipRepository,
  UserRepository,
  WorkspaceRepository,
  type InvitationRow,
  type MemberListItem,
  type Store,
  type User,
} from '@jejak/storage';
import type { AccountService } from '../auth/account.service.ts';
import { verifyPassword } from '../auth/password.ts';
import { digest, newToken, normaliseEmail } from '../auth/tokens.ts';
import type { BranchService } from '../branches/branch.service.ts';
import { badRequest, conflict, forbidden, notFound, unauthorized } from '../http/http-error.ts';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const LINK_EXPIRED = 'The invitation link is invalid, already used or expired';

/** What the invitation page shows before the person joins. */
export interface InvitationPreview {
  workspaceId: string;
  workspaceName: string;
  /** The workspace's zone, in which the page dates the link's expiry. */
  workspaceTimezone: string;
  email: string;
  role: Role;
  branchNames: string[];
  /** Whether an account for the address exists: then it signs in with its password to join. */
  accountExists: boolean;
  expiresAt: number;
}

export interface RoleInput {
  role: string;
  branchIds?: string[];
}

/** Who asks for a change: a member's role, or null for a secret key (which holds every permission it was given). */
export type ActorRole = Role | null;

/** Who belongs to a workspace, with which role and at which branches; invitations by link. */
export class MemberService {
  constructor(
    private readonly store: Store,
    private readonly accounts: AccountService,
    private readonly branches: BranchService,
    private readonly now: () => number,
  ) {}

  list(workspaceId: string): Promise<MemberListItem[]> {
    return new MembershipRepository(this.store.db).list(workspaceId);
  }

  async changeRole(workspaceId: string, userId: string, input: RoleInput, actor: ActorRole): Promise<void> {
    const members = new MembershipRepository(this.store.db);
    const current = await members.get(workspaceId, userId);
    if (!current) throw notFound(`Member ${userId}`);
    const { role, branchIds } = await this.checkRole(workspaceId, input);
    if (current.role === 'owner' || role === 'owner') onlyOwnersTouchOwners(actor);
    if (current.role === 'owner' && role !== 'owner') await this.keepAnOwner(workspaceId);
    await this.accounts.addMember(workspaceId, userId, role, branchIds);
  }

  async remove(workspaceId: string, userId: string, actor: ActorRole): Promise<void> {
    const members = new MembershipRepository(this.store.db);
    const current = await members.get(workspaceId, userId);
    if (!current) throw notFound(`Member ${userId}`);
    if (current.role === 'owner') {
      onlyOwnersTouchOwners(actor);
      await this.keepAnOwner(workspaceId);
    }
    await members.delete(workspaceId, userId);
  }

  async invite(
    workspaceId: string,
    input: RoleInput & { email: string },
    invitedBy: string | null,
    actor: ActorRole,
  ): Promise<{ invitation: InvitationRow; token: string }> {
    const { role, branchIds } = await this.checkRole(workspaceId, input);
    if (role === 'owner') onlyOwnersTouchOwners(actor);
    const token = newToken();
    const at = this.now();
    const invitation: InvitationRow = {
      id: randomUUID(),
      workspace_id: workspaceId,
      email: normaliseEmail(input.email),
      role,
      branch_ids_json: JSON.stringify(branchIds),
      token_hash: digest(token),
      invited_by: invitedBy,
      created_at: at,
      expires_at: at + INVITATION_TTL_MS,
      accepted_at: null,
    };
    await new InvitationRepository(this.store.db).create(invitation);
    return { invitation, token };
  }

  listInvitations(workspaceId: string): Promise<InvitationRow[]> {
    return new InvitationRepository(this.store.db).list(workspaceId);
  }

  async cancelInvitation(workspaceId: string, id: string): Promise<void> {
    if (!(await new InvitationRepository(this.store.db).delete(workspaceId, id))) {
      throw notFound(`Invitation ${id}`);
    }
  }

  /** What an open invitation offers, for the page its link opens; nothing once used or expired. */
  async inspect(token: string): Promise<InvitationPreview> {
    const invitation = await new InvitationRepository(this.store.db).findOpen(digest(token), this.now());
    if (!invitation || !isRole(invitation.role)) throw badRequest(LINK_EXPIRED, undefined, 'link_expired');
    const workspace = await new WorkspaceRepository(this.store.db).get(invitation.workspace_id);
    if (!workspace) throw badRequest(LINK_EXPIRED, undefined, 'link_expired');
    const branches = new BranchRepository(this.store.db);
    const branchNames: string[] = [];
    for (const id of JSON.parse(invitation.branch_ids_json) as string[]) {
      const branch = await branches.get(invitation.workspace_id, id);
      if (branch) branchNames.push(branch.name);
    }
    return {
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      workspaceTimezone: workspace.timezone,
      email: invitation.email,
      role: invitation.role,
      branchNames,
      accountExists: (await new UserRepository(this.store.db).getByEmail(invitation.email)) !== undefined,
      expiresAt: invitation.expires_at,
    };
  }

  /**
   * Joins the workspace the link names. A new address gets an account with the name and password
   * given; an existing account proves itself with its password.
   */
  async accept(token: string, input: { name?: string; password: string }): Promise<User> {
    const invitations = new InvitationRepository(this.store.db);
    const invitation = await invitations.findOpen(digest(token), this.now());
    if (!invitation) throw badRequest(LINK_EXPIRED, undefined, 'link_expired');
    const existing = await new UserRepository(this.store.db).getByEmail(invitation.email);
    if (existing && !(await verifyPassword(input.password, existing.password_hash))) {
      throw unauthorized(`An account for ${invitation.email} exists: give its password to accept`);
    }
    if (!(await invitations.accept(invitation.id, this.now()))) {
      throw badRequest('The invitation link has already been used', undefined, 'link_expired');
    }
    const user =
      existing ??
      (await this.accounts.createUser({
        email: invitation.email,
        name: input.name ?? invitation.email,
        password: input.password,
      }));
    const branchIds = JSON.parse(invitation.branch_ids_json) as string[];
    await this.accounts.addMember(invitation.workspace_id, user.id, invitation.role, branchIds);
    return user;
  }

  private async checkRole(
    workspaceId: string,
    input: RoleInput,
  ): Promise<{ role: Role; branchIds: string[] }> {
    if (!isRole(input.role)) throw badRequest(`'${input.role}' is not a role`);
    const branchIds = input.branchIds ?? [];
    if (isBranchScoped(input.role) && branchIds.length === 0) {
      throw badRequest(`A ${input.role} works at some branches: name them in branchIds`);
    }
    if (!isBranchScoped(input.role) && branchIds.length > 0) {
      throw badRequest(`A ${input.role} sees every branch; branchIds applies to managers and cashiers`);
    }
    await this.branches.checkIds(workspaceId, branchIds);
    return { role: input.role, branchIds };
  }

  /** A workspace never loses its last owner: someone must be able to manage it. */
  private async keepAnOwner(workspaceId: string): Promise<void> {
    if ((await new MembershipRepository(this.store.db).countOwners(workspaceId)) <= 1) {
      throw conflict(
        'This is the last owner of the workspace; make someone else owner first',
        undefined,
        'last_owner',
      );
    }
  }
}

/** An admin manages people but cannot make an owner, or unmake one: that would be a way to become one. */
function onlyOwnersTouchOwners(actor: ActorRole): void {
  if (actor !== null && actor !== 'owner') {
    throw forbidden('Only an owner can give, change or take away the owner role', 'owner_only');
  }
}
