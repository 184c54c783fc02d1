import { describe, expect, it } from 'vitest';
import { BENCH_SHOP, simulateBusiness, simulateChunks, simulateMessages } from '../../src/demo/index.ts';
import { hashOf, simulationOptions } from './simulation.factory.ts';

const FIRST = 5000;

describe('the seeded simulation', () => {
  it('repeats the same messages for the same seed', () => {
    const options = simulationOptions({ seed: 7 });
    expect(hashOf(simulateMessages(options), FIRST)).toBe(hashOf(simulateMessages(options), FIRST));
  });

  it('sends different messages for a different seed', () => {
    const a = hashOf(simulateMessages(simulationOptions({ seed: 7 })), FIRST);
    const b = hashOf(simulateMessages(simulationOptions({ seed: 8 })), FIRST);
    expect(a).not.toBe(b);
  });

  it('gives the same stream by day, by chunk and message by message', () => {
    const options = simulationOptions({ business: BENCH_SHOP, customers: 800, days: 40 });
    const byDay = [...simulateBusiness(options)];
    const byChunk = [...simulateChunks(options)];
    expect(byDay.map((day) => day.index)).toEqual([...Array(40).keys()]);
    const flat = hashOf(simulateMessages(options));
    expect(hashOf(byDay.flatMap((day) => day.messages))).toBe(flat);
    expect(hashOf(byChunk.flatMap((chunk) => chunk.messages))).toBe(flat);
  });

  it('refuses options that cannot describe a simulation', () => {
    expect(() => simulateMessages(simulationOptions({ customers: 0 })).next()).toThrow(/customers/);
    expect(() => simulateMessages(simulationOptions({ days: 1.5 })).next()).toThrow(/days/);
  });
});
