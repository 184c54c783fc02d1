import { randomUUID } from 'node:crypto';
import {
  MembershipRepository,
  PasswordResetRepository,
  SessionRepository,
  UserRepository,
  type Store,
  type User,
  type Workspace,
} from '@jejak/storage';
import { badRequest, conflict, notFound, unauthorized } from '../http/http-error.ts';
import type { WorkspaceService } from '../workspaces/workspace.service.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { digest, newToken, normaliseEmail } from './tokens.ts';

const RESET_TTL_MS = 60 * 60 * 1000;

export interface NewAccountInput {
  email: string;
  name: string;
  password: string;
}

/** People's accounts: creation, the first owner, password change and reset. */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly workspaces: WorkspaceService,
    private readonly now: () => number,
  ) {}

  async createUser(input: NewAccountInput): Promise<User> {
    const email = normaliseEmail(input.email);
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw badRequest(`'${input.email}' is not an email address`);
    const problem = passwordProblem(input.password);
    if (problem) throw badRequest(problem, undefined, 'weak_password');
    const users = new UserRepository(this.store.db);
    if (await users.getByEmail(email)) throw conflict(`An account for ${email} already exists`);
    const at = this.now();
    return users.create({
      id: randomUUID(),
      email,
      name: input.name.trim() || email,
      password_hash: await hashPassword(input.password),
      created_at: at,
      updated_at: at,
    });
  }

  memberships(userId: string) {
    return new MembershipRepository(this.store.db).forUser(userId);
  }

  ownerExists(): Promise<boolean> {
    return new UserRepository(this.store.db).ownerExists();
  }

  /**
   * The first run: a person and the business they own. Refused once any owner exists, so the
   * open setup endpoint cannot be used to take over an installation later.
   */
  async createOwner(
    input: NewAccountInput & { workspaceName: string },
  ): Promise<{ user: User; workspace: Workspace }> {
    if (await this.ownerExists()) throw conflict('Setup is done: an owner already exists');
    const user = await this.createUser(input);
    const workspace = await this.workspaces.create({ name: input.workspaceName });
    await this.addMember(workspace.id, user.id, 'owner', []);
    // Workspaces made before the first account (`jejak demo`, or the API with the admin key) are theirs too.
    for (const id of await new MembershipRepository(this.store.db).unclaimedWorkspaceIds()) {
      await this.addMember(id, user.id, 'owner', []);
    }
    return { user, workspace };
  }

  /**
   * Makes everyone who owns a workspace here an owner of this one too: a demo business added to an
   * installation that already has accounts should show up in its owners' dashboards. Returns how many.
   */
  async shareWithOwners(workspaceId: string): Promise<number> {
    const owners = await new MembershipRepository(this.store.db).ownerUserIds();
    for (const userId of owners) await this.addMember(workspaceId, userId, 'owner', []);
    return owners.length;
  }

  async addMember(workspaceId: string, userId: string, role: string, branchIds: string[]): Promise<void> {
    await new MembershipRepository(this.store.db).upsert({
      workspace_id: workspaceId,
      user_id: userId,
      role,
      branch_ids_json: JSON.stringify(branchIds),
      created_at: this.now(),
    });
  }

  /** Needs the current password; ends the user's other sessions, keeps the one making the change. */
  async changePassword(user: User, current: string, next: string, sessionId: string): Promise<void> {
    if (!(await verifyPassword(current, user.password_hash))) {
      throw unauthorized('The current password is wrong');
    }
    await this.setPassword(user.id, next);
    await new SessionRepository(this.store.db).deleteForUser(user.id, sessionId);
  }

  /** A one-time reset token for a user, valid for an hour; the caller turns it into a link. */
  async createResetToken(email: string): Promise<{ user: User; token: string; expiresAt: number }> {
    const user = await new UserRepository(this.store.db).getByEmail(normaliseEmail(email));
    if (!user) throw notFound(`An account for ${email}`);
    const token = newToken();
    const at = this.now();
    await new PasswordResetRepository(this.store.db).create({
      token_hash: digest(token),
      user_id: user.id,
      created_at: at,
      expires_at: at + RESET_TTL_MS,
      used_at: null,
    });
    return { user, token, expiresAt: at + RESET_TTL_MS };
  }

  /** Uses a reset token once; every session of the user ends, since the old password may be known. */
  async resetPassword(token: string, next: string): Promise<User> {
    const problem = passwordProblem(next);
    if (problem) throw badRequest(problem, undefined, 'weak_password');
    const reset = await new PasswordResetRepository(this.store.db).consume(digest(token), this.now());
    if (!reset) {
      throw badRequest(
        'The reset link is invalid, already used or expired; ask for a new one',
        undefined,
        'link_expired',
      );
    }
    await this.setPassword(reset.user_id, next);
    await new SessionRepository(this.store.db).deleteForUser(reset.user_id);
    const user = await new UserRepository(this.store.db).get(reset.user_id);
    if (!user) throw notFound('The account');
    return user;
  }

  private async setPassword(userId: string, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw badRequest(problem, undefined, 'weak_password');
    await new UserRepository(this.store.db).setPassword(userId, await hashPassword(password), this.now());
  }
}
