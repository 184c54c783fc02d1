/** One page of a newest-first list; pass `nextCursor` back to get the page after it, null at the end. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageOptions {
  limit: number;
  cursor?: string | null;
}

/** A page cursor that does not decode to what this list expects (edited, or taken from another list). */
export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`Invalid page cursor: ${cursor.slice(0, 64)}`);
    this.name = 'InvalidCursorError';
  }
}

/** A keyset position: the sort time and the id that breaks ties, made opaque for a URL. */
export interface KeysetPosition<Id extends string | number> {
  at: number;
  id: Id;
}

export function encodeCursor(position: KeysetPosition<string | number>): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string, idType: 'string'): KeysetPosition<string>;
export function decodeCursor(cursor: string, idType: 'number'): KeysetPosition<number>;
export function decodeCursor(cursor: string, idType: 'string' | 'number'): KeysetPosition<string | number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor);
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new InvalidCursorError(cursor);
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || typeof id !== idType)
    throw new InvalidCursorError(cursor);
  return { at, id: id as string | number };
}

/** Cuts a `limit + 1` query result to a page; the extra row only says that another page exists. */
export function toPage<T>(
  rows: T[],
  limit: number,
  positionOf: (row: T) => KeysetPosition<string | number>,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}
