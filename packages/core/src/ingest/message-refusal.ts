import { assertUnreachable } from '../assert.ts';
import { EVENT_TYPES, type EventType } from '../event.ts';
import { MAX_EVENT_NAME_LENGTH, MAX_ID_LENGTH } from './ingest.limits.ts';
import { isJsonObject } from './json-object.ts';

/*
 * Says in one sentence what is wrong with a message the compiled schema refused. Runs only after a
 * refusal, so it may be slow; it checks the same rules as `segment-message.schema.ts`, in a fixed order,
 * and a test holds the two to agreeing on which messages pass.
 */

const TYPE_LIST = EVENT_TYPES.join(', ');
const OBJECT_FIELDS = ['properties', 'traits', 'context', 'integrations'] as const;
const TIMESTAMP_FIELDS = ['timestamp', 'originalTimestamp', 'sentAt'] as const;

/** What a value is, in the words of a refusal: `null`, `array`, `string`, `number`, ... */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The message's type, or why it has none Jejak accepts. `forced` comes from the endpoint (/v1/track). */
export function resolveType(
  message: Record<string, unknown>,
  forced?: EventType,
): EventType | { reason: string } {
  const declared = message.type;
  if (forced !== undefined) {
    if (declared === undefined || declared === null || declared === forced) return forced;
    return { reason: `type ${quote(declared)} does not match this endpoint, which accepts only '${forced}'` };
  }
  if (declared === undefined || declared === null) return { reason: `type is required: one of ${TYPE_LIST}` };
  if (typeof declared !== 'string') {
    return { reason: `type must be one of ${TYPE_LIST} (got ${describeType(declared)})` };
  }
  if (!(EVENT_TYPES as readonly string[]).includes(declared)) {
    return { reason: `type ${quote(declared)} is not one of ${TYPE_LIST}` };
  }
  return declared as EventType;
}

/** The first rule of the message schema that `message` breaks, or undefined when it breaks none. */
export function explainRefusal(message: Record<string, unknown>, type: EventType): string | undefined {
  return (
    checkMessageId(message.messageId) ??
    checkId('userId', message.userId) ??
    checkId('anonymousId', message.anonymousId) ??
    checkIdentity(message, type) ??
    checkTypeFields(message, type) ??
    firstOf(OBJECT_FIELDS, (field) => checkObject(field, message[field])) ??
    firstOf(TIMESTAMP_FIELDS, (field) => checkTimestampType(field, message[field]))
  );
}

function checkIdentity(message: Record<string, unknown>, type: EventType): string | undefined {
  switch (type) {
    case 'alias':
      return (
        checkRequiredId('previousId', message.previousId, type) ??
        checkRequiredId('userId', message.userId, type)
      );
    case 'group':
      return checkRequiredId('groupId', message.groupId, type) ?? checkSomeoneIsNamed(message);
    case 'track':
    case 'identify':
    case 'page':
    case 'screen':
      return checkSomeoneIsNamed(message);
    default:
      return assertUnreachable(type);
  }
}

function checkTypeFields(message: Record<string, unknown>, type: EventType): string | undefined {
  switch (type) {
    case 'track':
      return checkEventName(message.event);
    case 'page':
    case 'screen':
      return checkLabel('name', message.name) ?? checkLabel('category', message.category);
    case 'identify':
    case 'group':
    case 'alias':
      return undefined;
    default:
      return assertUnreachable(type);
  }
}

function checkSomeoneIsNamed(message: Record<string, unknown>): string | undefined {
  return isAbsent(message.userId) && isAbsent(message.anonymousId)
    ? 'userId or anonymousId is required'
    : undefined;
}

function checkRequiredId(field: string, value: unknown, type: EventType): string | undefined {
  return isAbsent(value) ? `${field} is required for ${type}` : checkId(field, value);
}

function checkId(field: string, value: unknown): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : `${field} must be a string or a finite number (got ${value})`;
  }
  if (typeof value !== 'string') return `${field} must be a string or a number (got ${describeType(value)})`;
  return checkLength(field, value, MAX_ID_LENGTH);
}

function checkMessageId(value: unknown): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') return `messageId must be a string (got ${describeType(value)})`;
  return checkLength('messageId', value, MAX_ID_LENGTH);
}

function checkEventName(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'event is required for track';
  if (typeof value !== 'string') return `event must be a non-empty string (got ${describeType(value)})`;
  return checkLength('event', value, MAX_EVENT_NAME_LENGTH);
}

function checkLength(field: string, value: string, max: number): string | undefined {
  if (value.length === 0) return `${field} must be a non-empty string (got an empty string)`;
  const length = codePointLength(value, max);
  return length > max ? `${field} must be at most ${max} characters (got ${length})` : undefined;
}

function checkLabel(field: string, value: unknown): string | undefined {
  return isAbsent(value) || typeof value === 'string'
    ? undefined
    : `${field} must be a string (got ${describeType(value)})`;
}

function checkObject(field: string, value: unknown): string | undefined {
  if (value === undefined || isJsonObject(value)) return undefined;
  return `${field} must be an object (got ${describeType(value)})`;
}

function checkTimestampType(field: string, value: unknown): string | undefined {
  if (isAbsent(value) || typeof value === 'string') return undefined;
  return `${field} must be an ISO-8601 date string (got ${describeType(value)})`;
}

/** A value for a refusal sentence: quoted, and cut short so one bad field cannot make a huge reason. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.length > 64 ? `${text.slice(0, 61)}...` : text}'`;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

// JSON Schema counts string length in code points, as the compiled schema does; UTF-16 length is an upper bound.
function codePointLength(value: string, max: number): number {
  if (value.length <= max) return value.length;
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function firstOf<T>(items: readonly T[], check: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const problem = check(item);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
