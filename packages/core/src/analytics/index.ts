export * from './bg-nbd.ts';
export * from './gamma-gamma.ts';
export * from './customer-value.ts';
export * from './model-check.ts';
export * from './purchase-history.ts';
export { minimize, type Minimum, type MinimizeOptions } from './nelder-mead.ts';
export { hyp2f1, lnGamma } from './special-functions.ts';
export * from './rfm.ts';
export * from './event-columns.ts';
