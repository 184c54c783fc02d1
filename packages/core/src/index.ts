export { assertUnreachable } from './assert.ts';
export { CHANNELS, isChannel, type Channel } from './channel.ts';
export {
  EVENT_TYPES,
  IDENTITY_KINDS,
  branchOf,
  compareEvents,
  type EventType,
  type IdentityKey,
  type IdentityKind,
  type JourneyEvent,
} from './event.ts';
export * from './journey/index.ts';
export * from './ingest/index.ts';
export * from './auth/roles.ts';
export * from './sales/index.ts';
export * from './experience/index.ts';
export * from './loyalty/index.ts';
export * from './analytics/index.ts';
export * from './promotions/index.ts';
export * from './segments/index.ts';
export * from './referrals/index.ts';
