import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes for a cookie, a reset link or an invitation: unguessable, so a digest is enough. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
