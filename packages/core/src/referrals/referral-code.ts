import { CODE_ALPHABET, normalizeCode } from '../promotions/voucher-code.ts';

/** Personal codes are this long: 25^6 (about 244 million) codes, short enough to read aloud at a till. */
export const REFERRAL_CODE_LENGTH = 6;
const PERSONAL = new RegExp(`^[${CODE_ALPHABET}]{${REFERRAL_CODE_LENGTH}}$`);

/**
 * A personal referral code: six characters of the voucher alphabet (no 0/O, 1/I/L, 5/S, 2/Z, 8/B),
 * drawn from `randomBytes` (the caller's crypto source) with rejection, so every code is equally likely.
 *
 * @example personalReferralCode(randomBytes) // 'K7QXH3'
 */
export function personalReferralCode(randomBytes: (n: number) => Uint8Array): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let out = '';
  while (out.length < REFERRAL_CODE_LENGTH) {
    for (const byte of randomBytes(REFERRAL_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (out.length === REFERRAL_CODE_LENGTH) break;
    }
  }
  return out;
}

/** Whether a normalized code has the shape of a generated personal code. */
export function isPersonalReferralCode(code: string): boolean {
  return PERSONAL.test(code);
}

/**
 * A code as a person typed it or a link carried it, made comparable; also reads a whole link.
 * @example referralCodeOf(' https://toko.id/r/k7qxh3 ') // 'K7QXH3'
 */
export function referralCodeOf(input: string): string {
  const link = /\/r\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(input.trim());
  return normalizeCode(link ? decodeURIComponent(link[1]!) : input);
}

/**
 * The message a customer shares on WhatsApp, in Bahasa Indonesia.
 * @example referralShareText('Kopi Nusantara', 'https://toko.id/r/K7QXH3', 'K7QXH3')
 */
export function referralShareText(shop: string, link: string, code: string): string {
  return `Ayo belanja di ${shop}! Pakai kode referal saya ${code} saat bayar, atau buka ${link}`;
}

/**
 * The referral code an incoming message claims, or null: only an Identify or a `Signed Up` event claims,
 * by its `referral_code` property or trait, or by `context.referrer.id` (Segment's referrer object,
 * which the tracker fills from the `/ajak/` link's cookie).
 *
 * @example referralClaimOf({ type: 'track', name: 'Signed Up', properties: { referral_code: 'k7qxh3' }, traits: {}, context: {} }) // 'K7QXH3'
 */
export function referralClaimOf(message: {
  type: string;
  name: string;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
}): string | null {
  if (message.type !== 'identify' && message.name !== 'Signed Up') return null;
  const referrer = message.context.referrer;
  const candidates = [
    message.properties.referral_code,
    message.traits.referral_code,
    referrer !== null && typeof referrer === 'object' ? (referrer as Record<string, unknown>).id : undefined,
  ];
  for (const value of candidates) {
    if (typeof value !== 'string') continue;
    const code = referralCodeOf(value);
    if (code.length >= 3 && code.length <= 32) return code;
  }
  return null;
}
