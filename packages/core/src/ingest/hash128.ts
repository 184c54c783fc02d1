/**
 * A small non-cryptographic 128-bit hash (four 32-bit lanes fed every UTF-16 unit, then mixed with
 * MurmurHash3's finaliser), written out in hex. Enough to tell apart messages a client retries without
 * an id; not a defence against someone crafting collisions, which could only hit their own workspace.
 *
 * @example hash128('hello').length // 32
 */
export function hash128(text: string): string {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 0x239b961b);
    h2 = h3 ^ Math.imul(h2 ^ k, 0xab0e9789);
    h3 = h4 ^ Math.imul(h3 ^ k, 0x38b34ae5);
    h4 = h1 ^ Math.imul(h4 ^ k, 0xa1e38b93);
  }
  h1 = fmix32(h1 ^ text.length);
  h2 = fmix32(h2 ^ h1);
  h3 = fmix32(h3 ^ h2);
  h4 = fmix32(h4 ^ h3);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return hex32(h1) + hex32(h2) + hex32(h3) + hex32(h4);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function hex32(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}
