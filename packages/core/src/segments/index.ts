export * from './segment-rules.ts';
export * from './segment-evaluate.ts';
