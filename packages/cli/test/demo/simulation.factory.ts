import { createHash } from 'node:crypto';
import {
  COFFEE_CHAIN,
  simulateMessages,
  type SegmentMessage,
  type SimulationOptions,
  type SimulationSummary,
} from '../../src/demo/index.ts';

/** Midnight of 1 January 2025 in Jakarta (UTC+7). */
export const JAKARTA_2025 = Date.UTC(2025, 0, 1) - 7 * 3_600_000;
export const DAY_MS = 86_400_000;

export function simulationOptions(overrides: Partial<SimulationOptions> = {}): SimulationOptions {
  return { seed: 42, customers: 1500, start: JAKARTA_2025, days: 120, business: COFFEE_CHAIN, ...overrides };
}

export type Run = { messages: SegmentMessage[]; summary: SimulationSummary };

export function run(options: SimulationOptions): Run {
  const messages: SegmentMessage[] = [];
  const stream = simulateMessages(options);
  for (let step = stream.next(); ; step = stream.next()) {
    if (step.done === true) return { messages, summary: step.value };
    messages.push(step.value);
  }
}

export function hashOf(messages: Iterable<SegmentMessage>, limit = Number.POSITIVE_INFINITY): string {
  const hash = createHash('sha256');
  let taken = 0;
  for (const message of messages) {
    if (taken++ >= limit) break;
    hash.update(JSON.stringify(message));
  }
  return hash.digest('hex');
}

export const tracks = (messages: SegmentMessage[], event: string) =>
  messages.flatMap((m) => (m.type === 'track' && m.event === event ? [m] : []));
