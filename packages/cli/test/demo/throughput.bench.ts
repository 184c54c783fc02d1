/**
 * Measures the generator alone: `npx tsx packages/cli/test/demo/throughput.bench.ts [customers] [days]`.
 * Defaults to the benchmark workload (BENCH_SHOP, 200,000 customers, 365 days, about 10 million messages).
 * One JSON.stringify every 97 messages estimates the average size without slowing the count much.
 */
import { BENCH_SHOP, onlyAware, simulateMessages } from '../../src/demo/index.ts';
import { JAKARTA_2025 } from './simulation.factory.ts';

const customers = Number(process.argv[2] ?? 200_000);
const days = Number(process.argv[3] ?? 365);
const SAMPLE_EVERY = 97;

const cpuBefore = process.cpuUsage();
const started = performance.now();
const stream = simulateMessages({ seed: 2025, customers, start: JAKARTA_2025, days, business: BENCH_SHOP });
let messages = 0;
let sampledBytes = 0;
let sampled = 0;
let step = stream.next();
for (; step.done !== true; step = stream.next()) {
  if (++messages % SAMPLE_EVERY === 0) {
    sampledBytes += Buffer.byteLength(JSON.stringify(step.value));
    sampled++;
  }
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const summary = step.value;
console.log(
  JSON.stringify(
    {
      customers,
      days,
      messages,
      seconds: Number(seconds.toFixed(2)),
      messagesPerSecond: Math.round(messages / seconds),
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
      averageBytes: Math.round(sampledBytes / sampled),
      rssMegabytes: Math.round(process.memoryUsage().rss / 1e6),
      funnel: { onlyAware: onlyAware(summary), ...summary.reached },
      orders: summary.orders.count,
    },
    null,
    2,
  ),
);
