import { randomUUID } from 'node:crypto';
import { SessionRepository, UserRepository, type SessionRow, type Store, type User } from '@jejak/storage';
import { unauthorized } from '../http/http-error.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { digest, newToken, normaliseEmail } from './tokens.ts';

export interface SignedIn {
  user: User;
  session: SessionRow;
}

export interface NewSession extends SignedIn {
  /** The cookie value: handed to the browser once, stored only as a digest. */
  token: string;
}

/**
 * Sessions for people signed in to the dashboard. A login always starts a new session (the old
 * cookie, if any, is ended), so a session id planted before login is worthless afterwards.
 */
export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  async login(email: string, password: string, ip: string | null, previous?: string): Promise<NewSession> {
    const user = await new UserRepository(this.store.db).getByEmail(normaliseEmail(email));
    // Hash even for an unknown address, so timing does not tell which addresses have accounts.
    const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !valid) throw unauthorized('The email or password is wrong');
    if (previous !== undefined) await this.logout(previous);
    return this.start(user, ip);
  }

  /** Opens a session for a user already proven (first-run setup, an accepted invitation, a reset). */
  async start(user: User, ip: string | null): Promise<NewSession> {
    const token = newToken();
    const at = this.now();
    const session: SessionRow = {
      token_hash: digest(token),
      id: randomUUID(),
      user_id: user.id,
      created_at: at,
      expires_at: at + this.ttlMs,
      ip,
    };
    await new SessionRepository(this.store.db).create(session);
    return { user, session, token };
  }

  /** The live session behind a cookie value, or undefined when it is unknown or has expired. */
  async authenticate(token: string): Promise<SignedIn | undefined> {
    const session = await new SessionRepository(this.store.db).findLive(digest(token), this.now());
    if (!session) return undefined;
    const user = await new UserRepository(this.store.db).get(session.user_id);
    return user ? { user, session } : undefined;
  }

  async logout(token: string): Promise<void> {
    await new SessionRepository(this.store.db).delete(digest(token));
  }

  get ttlSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }
}
