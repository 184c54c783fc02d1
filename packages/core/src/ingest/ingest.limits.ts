/** Segment's limits (HTTP Tracking API, "Max Request Size"), so a client tuned for Segment fits here too. */
export const MAX_MESSAGE_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;

/** Longest userId, anonymousId, previousId, groupId or messageId, in characters. */
export const MAX_ID_LENGTH = 255;
/** Longest track event name, in characters. */
export const MAX_EVENT_NAME_LENGTH = 200;

/** How far past its arrival a corrected event time may lie before it is refused as "in the future". */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
