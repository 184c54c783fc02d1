/**
 * JSON with object keys sorted at every depth, so that two messages that differ only in key order
 * serialise to the same text. Same output as JSON.stringify otherwise (no whitespace, same escapes),
 * hence the same length: the size check can use it in place of a second serialisation.
 * `omitTopLevelKey` leaves one key of the outer object out (used for `sentAt`, which a retry may change).
 *
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown, omitTopLevelKey?: string): string {
  return write(value, omitTopLevelKey) ?? 'null';
}

function write(value: unknown, omitKey?: string): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value)
        ? writeArray(value)
        : writeObject(value as Record<string, unknown>, omitKey);
    default:
      // undefined, functions and symbols: dropped from objects, null in arrays, as JSON.stringify does.
      return undefined;
  }
}

function writeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += write(items[i]) ?? 'null';
  }
  return out + ']';
}

function writeObject(object: Record<string, unknown>, omitKey: string | undefined): string {
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    if (key === omitKey) continue;
    const text = write(object[key]);
    if (text === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + text;
    first = false;
  }
  return out + '}';
}

// encodeInto writes into a reused buffer and is ~20x faster than counting in JS; a text longer than the
// buffer is over every message limit anyway, and its tail is counted by hand.
const encoder = new TextEncoder();
const scratch = new Uint8Array(64 * 1024);

/**
 * Bytes the text takes in UTF-8.
 *
 * @example utf8ByteLength('kopi ☕') // 8
 */
export function utf8ByteLength(text: string): number {
  const { read, written } = encoder.encodeInto(text, scratch);
  return read === text.length ? written : written + countUtf8Bytes(text, read);
}

// encodeInto stops between code points, so `from` never splits a surrogate pair; JSON.stringify output
// has no lone surrogates (it escapes them), so a high surrogate always starts a 4-byte pair.
function countUtf8Bytes(text: string, from: number): number {
  let bytes = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
