/**
 * The benchmark workload's events as an event layout without a database: the seeded BENCH_SHOP messages,
 * each normalized by the product's own ingestion normalizer (name, time, channel, branch), customers
 * stitched as identity resolution does for this workload (a message naming a userId and an anonymousId
 * makes them one person; an anonymous visitor's earlier events follow him). Lets the analytics phase run
 * at 10 million events where filling the database would take most of an hour; the same rows go to DuckDB.
 */
import { EventColumnsBuilder, normalizeMessage, type EventColumns } from '@jejak/core';
import { BENCH_SHOP, simulateChunks } from '../packages/cli/src/demo/index.ts';
import { phaseBar } from './progress.ts';
import { YEAR_START, type WorkloadOptions } from './workload.ts';

export function workloadColumns(options: WorkloadOptions, estimate: number): EventColumns {
  const keys = new Map<string, number>();
  const keyNames: string[] = [];
  const parent: number[] = [];
  const code = (key: string) => {
    let c = keys.get(key);
    if (c === undefined) {
      c = keyNames.length;
      keys.set(key, c);
      keyNames.push(key);
      parent.push(c);
    }
    return c;
  };
  const root = (c: number): number => {
    while (parent[c] !== c) {
      parent[c] = parent[parent[c]!]!;
      c = parent[c]!;
    }
    return c;
  };
  // Columns as plain arrays while generating (10 million objects would not fit beside the layout).
  const keyOf: number[] = [];
  const atOf: number[] = [];
  const nameOf: number[] = [];
  const channelOf: number[] = [];
  const branchOf: number[] = [];
  const revenueOf: number[] = [];
  const dictionary = () => {
    const values: string[] = [];
    const index = new Map<string, number>();
    return {
      values,
      code(value: string) {
        let c = index.get(value);
        if (c === undefined) {
          c = values.length;
          values.push(value);
          index.set(value, c);
        }
        return c;
      },
    };
  };
  const names = dictionary();
  const channels = dictionary();
  const branches = dictionary();
  branches.code('');
  const received = Date.now();
  const bar = phaseBar('analytics: generating the workload', estimate);
  const chunks = simulateChunks({ ...options, start: YEAR_START, business: BENCH_SHOP });
  for (let step = chunks.next(); step.done !== true; step = chunks.next()) {
    for (const raw of step.value.messages) {
      const result = normalizeMessage(raw, { receivedAt: received });
      if (!result.ok) throw new Error(`the workload made an invalid message: ${result.reason}`);
      const m = result.message;
      const user = m.userId !== undefined ? code(`user:${m.userId}`) : -1;
      const anonymous = m.anonymousId !== undefined ? code(`anon:${m.anonymousId}`) : -1;
      if (user >= 0 && anonymous >= 0) parent[root(anonymous)] = root(user);
      const key = user >= 0 ? user : anonymous;
      if (key < 0) continue;
      const branch = m.properties.branch_id;
      const money = m.properties.revenue ?? m.properties.total;
      keyOf.push(key);
      atOf.push(m.at);
      nameOf.push(names.code(m.name));
      channelOf.push(channels.code(m.channel));
      branchOf.push(typeof branch === 'string' ? branches.code(branch) : 0);
      revenueOf.push(typeof money === 'number' ? Math.round(money) : 0);
    }
    bar.update(keyOf.length);
  }
  bar.stop();
  const builder = new EventColumnsBuilder();
  for (let i = 0; i < keyOf.length; i++) {
    builder.add({
      customerId: keyNames[root(keyOf[i]!)]!,
      at: atOf[i]!,
      name: names.values[nameOf[i]!]!,
      channel: channels.values[channelOf[i]!]!,
      branchId: branches.values[branchOf[i]!] || null,
      revenue: revenueOf[i]!,
      seq: i + 1,
    });
  }
  return builder.build();
}
