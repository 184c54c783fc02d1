import type { SegmentMessage } from './segment-message.types.ts';

export const DAY_MS = 86_400_000;

/** Keys are (offset in the day) * 2^22 + emission order: ordered by time, ties by emission, exact in a double. */
const ORDER_SLOTS = 4_194_304;

/**
 * Holds the open day's messages in a min-heap by time. Sessions run in order of their start, so every
 * message older than the next session's start is final and can leave at once: the buffer stays small and
 * messages die young, which keeps the garbage collector cheap at millions of messages.
 */
export class DayBuffer {
  start = 0;
  end = DAY_MS;
  private order = 0;
  private readonly keys: number[] = [];
  private readonly messages: SegmentMessage[] = [];

  open(start: number): void {
    if (this.keys.length > 0) throw new Error('the previous day still holds messages');
    this.start = start;
    this.end = start + DAY_MS;
    this.order = 0;
  }

  /** Clamps a time into the open day, so no message leaks into the next one. */
  clamp(at: number): number {
    if (at < this.start) return this.start;
    if (at >= this.end) return this.end - 1;
    return at;
  }

  push(at: number, message: SegmentMessage): void {
    if (this.order >= ORDER_SLOTS) throw new Error(`more than ${ORDER_SLOTS} messages in one simulated day`);
    const key = (at - this.start) * ORDER_SLOTS + this.order++;
    const { keys, messages } = this;
    let i = keys.length;
    keys.push(key);
    messages.push(message);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      messages[i] = messages[parent]!;
      i = parent;
    }
    keys[i] = key;
    messages[i] = message;
  }

  /** Moves every message earlier than `at` (all of them without it) to `out`, in time order. */
  release(out: SegmentMessage[], at = Number.POSITIVE_INFINITY): void {
    const limit = (at - this.start) * ORDER_SLOTS;
    while (this.keys.length > 0 && this.keys[0]! < limit) out.push(this.pop());
  }

  private pop(): SegmentMessage {
    const { keys, messages } = this;
    const top = messages[0]!;
    const lastKey = keys.pop()!;
    const lastMessage = messages.pop()!;
    const size = keys.length;
    if (size === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && keys[right]! < keys[left]! ? right : left;
      if (keys[child]! >= lastKey) break;
      keys[i] = keys[child]!;
      messages[i] = messages[child]!;
      i = child;
    }
    keys[i] = lastKey;
    messages[i] = lastMessage;
    return top;
  }
}
