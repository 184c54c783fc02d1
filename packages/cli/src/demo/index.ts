export {
  simulateBusiness,
  simulateChunks,
  simulateMessages,
  type SimChunk,
  type SimDay,
  type SimulationOptions,
} from './business.simulation.ts';
export type * from './business-profile.types.ts';
export { PHONE_FORMS, formatPhone, type PhoneForm } from './phone-number.ts';
export { BENCH_SHOP } from './profiles/bench-shop.profile.ts';
export { COFFEE_CHAIN } from './profiles/coffee-chain.profile.ts';
export type * from './segment-message.types.ts';
export { onlyAware, type SimulationSummary } from './simulation-summary.ts';
