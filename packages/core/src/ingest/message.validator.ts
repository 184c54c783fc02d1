import { Compile, type Validator } from 'typebox/compile';
import type { EventType } from '../event.ts';
import { explainRefusal } from './message-refusal.ts';
import { MESSAGE_SCHEMAS, type SegmentMessage } from './segment-message.schema.ts';

// Compiled once, at import: one validator per type, so a message is checked against its own schema only.
const VALIDATORS: Record<EventType, Validator> = {
  track: Compile(MESSAGE_SCHEMAS.track),
  identify: Compile(MESSAGE_SCHEMAS.identify),
  page: Compile(MESSAGE_SCHEMAS.page),
  screen: Compile(MESSAGE_SCHEMAS.screen),
  group: Compile(MESSAGE_SCHEMAS.group),
  alias: Compile(MESSAGE_SCHEMAS.alias),
};

/**
 * Checks a message against the schema of its type: the message itself when it passes, else a refusal
 * that names the field and the problem.
 *
 * @example validateMessage({ type: 'track', userId: 'u1' }, 'track') // { reason: 'event is required for track' }
 */
export function validateMessage(
  message: Record<string, unknown>,
  type: EventType,
): SegmentMessage | { reason: string } {
  const validator = VALIDATORS[type];
  // Each validator checks one member of the SegmentMessage union, hence the cast.
  if (validator.Check(message)) return message as SegmentMessage;
  return { reason: explainRefusal(message, type) ?? describeSchemaError(validator, message) };
}

// Only reached if message-refusal.ts misses a rule the schema has: still name the field.
function describeSchemaError(validator: Validator, message: unknown): string {
  const [first] = validator.Errors(message);
  if (first === undefined) return 'message does not match the Segment message schema';
  const field = first.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'message';
  return `${field} ${first.message}`;
}
