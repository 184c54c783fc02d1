import type { BusinessProfile } from './business-profile.types.ts';
import type { Person } from './customer.state.ts';
import { followUp } from './experience.sessions.ts';
import { arrive, visit } from './journey.sessions.ts';
import type { SegmentMessage } from './segment-message.types.ts';
import { type Action, SimulationContext } from './simulation.context.ts';
import type { SimulationSummary } from './simulation-summary.ts';

export type SimulationOptions = {
  seed: number;
  /** People who arrive over the period, referred friends included. */
  customers: number;
  /** Epoch milliseconds of the first day's start; Jakarta midnight keeps visits in opening hours. */
  start: number;
  days: number;
  business: BusinessProfile;
};

/** Consecutive messages of one day in time order; a day comes in one or more chunks, the last with `dayEnd`. */
export type SimChunk = {
  day: number;
  dayEnd: boolean;
  messages: SegmentMessage[];
  summary: SimulationSummary;
};

/** One simulated day: its messages sorted by time, and the running counters (the same object every day). */
export type SimDay = { index: number; start: number; messages: SegmentMessage[]; summary: SimulationSummary };

const CHUNK = 2048;
const TASK_SLOTS = 4_194_304;

function checkOptions({ seed, customers, start, days }: SimulationOptions): void {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(customers) || customers < 1)
    throw new Error(`customers must be a positive integer, got ${customers}`);
  if (!Number.isFinite(start)) throw new Error(`start must be epoch milliseconds, got ${start}`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);
}

/** Today's sessions, new arrivals first, sorted by their start so messages can leave as soon as they are final. */
function planDay(ctx: SimulationContext, customers: number): { tasks: Action[]; order: Float64Array } {
  const tasks = ctx.agenda[ctx.day]!;
  ctx.agenda[ctx.day] = [];
  const arrived = Math.round((customers * (ctx.day + 1)) / ctx.days);
  while (ctx.persons.length < arrived) {
    const person = ctx.createPerson(ctx.arrivals.draw(ctx.random), -1);
    tasks.push({ person: person.index, kind: 'arrive', order: undefined, ticket: undefined });
  }
  const order = new Float64Array(tasks.length);
  for (let i = 0; i < tasks.length; i++) order[i] = (ctx.visitTime() - ctx.buffer.start) * TASK_SLOTS + i;
  return { tasks, order: order.sort() };
}

/**
 * The simulation as a stream of chunks in time order: per-person state only, messages leave as soon as
 * no later session can precede them.
 */
export function* simulateChunks(
  options: SimulationOptions,
): Generator<SimChunk, SimulationSummary, undefined> {
  checkOptions(options);
  const { customers, days } = options;
  const ctx = new SimulationContext(options.seed, options.business, options.start, days);
  const spawnFriend = (referrer: Person): void => {
    const delay = ctx.random.int(1, 4);
    if (ctx.persons.length >= customers || ctx.day + delay >= days) return;
    const friend = ctx.createPerson('referral', referrer.index);
    ctx.schedule(delay, { person: friend.index, kind: 'arrive', order: undefined, ticket: undefined });
  };
  for (let day = 0; day < days; day++) {
    ctx.openDay(day);
    const { tasks, order } = planDay(ctx, customers);
    let out: SegmentMessage[] = [];
    for (const key of order) {
      const at = ctx.buffer.start + Math.floor(key / TASK_SLOTS);
      ctx.buffer.release(out, at);
      if (out.length >= CHUNK) {
        yield { day, dayEnd: false, messages: out, summary: ctx.summary };
        out = [];
      }
      const task = tasks[key % TASK_SLOTS]!;
      const person = ctx.persons[task.person]!;
      const clock = ctx.clockAt(at);
      if (task.kind === 'arrive') arrive(ctx, person, clock, spawnFriend);
      else if (task.kind === 'visit') visit(ctx, person, clock, spawnFriend);
      else followUp(ctx, person, clock, task);
    }
    ctx.buffer.release(out);
    yield { day, dayEnd: true, messages: out, summary: ctx.summary };
  }
  return ctx.summary;
}

/**
 * Simulates a business's customers day by day, deterministically for a seed: each person arrives
 * through a channel and walks the journey with drop-off at every stage.
 *
 * @example
 * const start = Date.UTC(2025, 0, 1) - 7 * 3_600_000; // midnight in Jakarta
 * for (const day of simulateBusiness({ seed: 7, customers: 500, start, days: 30, business: COFFEE_CHAIN })) {
 *   await sendBatch(day.messages);
 * }
 */
export function* simulateBusiness(
  options: SimulationOptions,
): Generator<SimDay, SimulationSummary, undefined> {
  const chunks = simulateChunks(options);
  let messages: SegmentMessage[] = [];
  let index = 0;
  for (let step = chunks.next(); ; step = chunks.next()) {
    if (step.done === true) return step.value;
    const chunk = step.value;
    if (chunk.day !== index) throw new Error('chunks skipped a day');
    messages = messages.length === 0 ? chunk.messages : messages.concat(chunk.messages);
    if (chunk.dayEnd) {
      yield { index, start: options.start + index * 86_400_000, messages, summary: chunk.summary };
      messages = [];
      index++;
    }
  }
}

/** The same simulation as a flat stream of messages in time order: the cheapest way to read it. */
export function* simulateMessages(
  options: SimulationOptions,
): Generator<SegmentMessage, SimulationSummary, undefined> {
  const chunks = simulateChunks(options);
  for (let step = chunks.next(); ; step = chunks.next()) {
    if (step.done === true) return step.value;
    yield* step.value.messages;
  }
}
