import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { EventType, IdentityKey } from '../event.ts';
import { isJsonObject } from './json-object.ts';

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const MAX_EMAIL_LENGTH = 254;

// Parsing a phone costs ~6 µs and the same customers' phones come back on every event: remember recent
// answers. Bounded, and cleared when full rather than evicting one by one, to stay simple and cheap.
const PHONE_CACHE_LIMIT = 10_000;
const phoneCache = new Map<string, string | null>();

/**
 * A phone number in E.164, or null when it is not a valid number. Numbers without a country code are
 * read as numbers of `defaultCountry`; a national number written with its country code but no `+`
 * (62812...) is recognised too.
 *
 * @example normalizePhone('0812-3456-7890') // '+6281234567890'
 * @example normalizePhone('12345') // null
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'ID'): string | null {
  const key = `${defaultCountry}|${input}`;
  const known = phoneCache.get(key);
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  const phone = parsed !== undefined && parsed.isValid() ? parsed.number : null;
  if (phoneCache.size >= PHONE_CACHE_LIMIT) phoneCache.clear();
  phoneCache.set(key, phone);
  return phone;
}

/**
 * An email trimmed and lower-cased, or null when it does not look like one.
 *
 * @example normalizeEmail('  Siti@Toko.CO.ID ') // 'siti@toko.co.id'
 */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email) ? email : null;
}

export interface IdentitySignals {
  type: EventType;
  userId?: string;
  anonymousId?: string;
  previousId?: string;
  /** The message's own `traits` (identify and group). */
  traits?: unknown;
  /** `context.traits`. */
  contextTraits?: unknown;
}

/**
 * The keys that point at the customer of a message, in priority order: user_id, anonymous_id, phone, email.
 * An alias's previousId may be either an old userId or an anonymousId (Segment allows both), so it is
 * given under both kinds and the customer lookup finds whichever is known. Phone and email come from an
 * identify's traits, else from context.traits (a group's traits describe the group, not the person).
 *
 * @example collectIdentityKeys({ type: 'track', userId: 'u1', contextTraits: { phone: '0812-3456-7890' } })
 * // [{ kind: 'user_id', value: 'u1' }, { kind: 'phone', value: '+6281234567890' }]
 */
export function collectIdentityKeys(signals: IdentitySignals): IdentityKey[] {
  const keys: IdentityKey[] = [];
  const { userId, anonymousId, previousId } = signals;
  if (userId !== undefined) keys.push({ kind: 'user_id', value: userId });
  if (previousId !== undefined && previousId !== userId) keys.push({ kind: 'user_id', value: previousId });
  if (anonymousId !== undefined) keys.push({ kind: 'anonymous_id', value: anonymousId });
  if (previousId !== undefined && previousId !== anonymousId) {
    keys.push({ kind: 'anonymous_id', value: previousId });
  }
  const personTraits =
    signals.type === 'identify' ? [signals.traits, signals.contextTraits] : [signals.contextTraits];
  const phone = firstNormalised(personTraits, 'phone', normalizePhone);
  if (phone !== null) keys.push({ kind: 'phone', value: phone });
  const email = firstNormalised(personTraits, 'email', normalizeEmail);
  if (email !== null) keys.push({ kind: 'email', value: email });
  return keys;
}

function firstNormalised(
  sources: readonly unknown[],
  field: string,
  normalise: (input: string) => string | null,
): string | null {
  for (const traits of sources) {
    if (!isJsonObject(traits)) continue;
    const value = traits[field];
    // Phones arrive as numbers too (6281234567890) when a spreadsheet was the source.
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    const normalised = text === undefined ? null : normalise(text);
    if (normalised !== null) return normalised;
  }
  return null;
}
