/*
 * Voucher codes. Generated ones use an alphabet without the characters people confuse when they read
 * a code aloud or type it from a receipt (0/O, 1/I/L, 5/S, 2/Z, 8/B): 25 letters and digits remain.
 */

export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const CODE_PATTERN = /^[A-Z0-9-]{3,32}$/;

/**
 * A code as people type it, made comparable: trimmed, upper case, inner spaces removed.
 * @example normalizeCode(' hemat 10 ') // 'HEMAT10'
 */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

/** Whether a normalized code may be stored: 3 to 32 letters, digits or hyphens. */
export function isValidCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/**
 * A generated code: `prefix` then `length` characters of the alphabet drawn from random bytes, with
 * rejection so every character is equally likely. `randomBytes(n)` is the caller's (crypto) source.
 *
 * @example generateCode('KOPI-', 8, randomBytes) // 'KOPI-7QXH3NCA'
 */
export function generateCode(prefix: string, length: number, randomBytes: (n: number) => Uint8Array): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return prefix + out;
}
