export * from './business-hours.ts';
export * from './local-time.ts';
export * from './response-target.ts';
export * from './survey-score.ts';
export * from './survey-question.ts';
export * from './search-terms.ts';
