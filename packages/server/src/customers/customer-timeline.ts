import {
  EventRepository,
  TransitionRepository,
  type Executor,
  type StoredEvent,
  type TransitionRow,
} from '@jejak/storage';
import { badRequest } from '../http/http-error.ts';
import type { EventEntry, TimelineEntry, TransitionEntry } from './customer.schemas.ts';

/**
 * One customer's touchpoints and journey moves, newest first, a page at a time. Events and transitions
 * live in two tables; each page reads the newest `limit` of both before the cursor and keeps the newest
 * `limit` of the two together. At one instant a move sorts above the event that caused it.
 *
 * The cursor is the last entry shown: [at, 'e', messageId] or [at, 't', transitionId].
 */
export interface TimelinePage {
  items: TimelineEntry[];
  nextCursor: string | null;
}

type Position = { at: number; kind: 'e'; messageId: string } | { at: number; kind: 't'; id: number };

type Row = { at: number; event: StoredEvent } | { at: number; transition: TransitionRow };

export async function timelinePage(
  db: Executor,
  workspaceId: string,
  customerId: string,
  options: { limit: number; cursor?: string },
): Promise<TimelinePage> {
  const { limit } = options;
  const after = options.cursor === undefined ? undefined : decodeTimelineCursor(options.cursor);
  const [events, transitions] = await Promise.all([
    new EventRepository(db).listForCustomer(workspaceId, customerId, {
      limit: limit + 1,
      // Events at the cursor's instant come after its move: all of them are still to show.
      ...(after
        ? { before: after.kind === 'e' ? { at: after.at, messageId: after.messageId } : after.at + 1 }
        : {}),
    }),
    new TransitionRepository(db).newestForCustomer(workspaceId, customerId, {
      limit: limit + 1,
      // Moves at the cursor's instant came before its event: none of them is left to show.
      ...(after ? { before: after.kind === 't' ? { at: after.at, id: after.id } : after.at } : {}),
    }),
  ]);
  const rows: Row[] = [
    ...events.map((event) => ({ at: event.at, event })),
    ...transitions.map((transition) => ({ at: transition.at, transition })),
  ].sort(newestFirst);
  const shown = rows.slice(0, limit);
  const causes = await new EventRepository(db).namesOf(
    workspaceId,
    shown.flatMap((row) =>
      'transition' in row && row.transition.cause !== 'clock' ? [row.transition.cause] : [],
    ),
  );
  const last = shown.at(-1);
  return {
    items: shown.map((row) =>
      'event' in row ? eventEntry(row.event) : transitionEntry(row.transition, causes),
    ),
    nextCursor: rows.length > limit && last !== undefined ? encodeTimelineCursor(positionOf(last)) : null,
  };
}

function newestFirst(a: Row, b: Row): number {
  if (a.at !== b.at) return b.at - a.at;
  if ('transition' in a && 'transition' in b) return b.transition.id - a.transition.id;
  if ('event' in a && 'event' in b) return a.event.message_id < b.event.message_id ? 1 : -1;
  return 'transition' in a ? -1 : 1;
}

function positionOf(row: Row): Position {
  return 'event' in row
    ? { at: row.at, kind: 'e', messageId: row.event.message_id }
    : { at: row.at, kind: 't', id: row.transition.id };
}

export function eventEntry(e: StoredEvent): EventEntry {
  return {
    kind: 'event',
    at: e.at,
    messageId: e.message_id,
    type: e.type,
    name: e.name,
    channel: e.channel,
    properties: JSON.parse(e.properties_json) as Record<string, unknown>,
    campaign: campaignOf(e.payload_json),
  };
}

export function transitionEntry(t: TransitionRow, causes: ReadonlyMap<string, string>): TransitionEntry {
  return {
    kind: 'transition',
    at: t.at,
    transition: t.kind,
    from: t.from_value,
    to: t.to_value,
    cause: t.cause,
    causeName: causes.get(t.cause) ?? null,
  };
}

/** `context.campaign` of a stored message (the UTM parameters of the page it came from), strings only. */
export function campaignOf(payloadJson: string): Record<string, string> | null {
  const payload = JSON.parse(payloadJson) as { context?: { campaign?: unknown } };
  const campaign = payload.context?.campaign;
  if (typeof campaign !== 'object' || campaign === null || Array.isArray(campaign)) return null;
  const fields = Object.entries(campaign).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return fields.length > 0 ? Object.fromEntries(fields) : null;
}

function encodeTimelineCursor(position: Position): string {
  const id = position.kind === 'e' ? position.messageId : position.id;
  return Buffer.from(JSON.stringify([position.at, position.kind, id])).toString('base64url');
}

function decodeTimelineCursor(cursor: string): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 3 && Number.isSafeInteger(parsed[0])) {
    const [at, kind, id] = parsed as [number, unknown, unknown];
    if (kind === 'e' && typeof id === 'string') return { at, kind, messageId: id };
    if (kind === 't' && Number.isSafeInteger(id)) return { at, kind, id: id as number };
  }
  throw badRequest(`cursor is not a timeline cursor: ${cursor.slice(0, 64)}`, undefined, 'invalid_cursor');
}
