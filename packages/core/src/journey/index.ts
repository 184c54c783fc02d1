export { CUSTOMER_STATUSES, PREDICTION_EVENT, RISK_LEVELS, initialState } from './journey-state.ts';
export type { CustomerStatus, JourneyState, RiskLevel, Step, Transition } from './journey-state.ts';
export { advance, applyEvent, isLate, replay, type AppliedObserver } from './journey.engine.ts';
export {
  FEEDBACK_EVENT_NAMES,
  FEEDBACK_MEASURES,
  RATING_SCALE,
  SENTIMENTS,
  signalOf,
  type FeedbackMeasure,
  type Sentiment,
  type Signal,
} from './journey-signal.ts';
export { compileRules } from './rules.compile.ts';
export { namesReadingProperties } from './rules.properties.ts';
export {
  ORDER_AMOUNT_PROPERTIES,
  fromMinorUnits,
  minorUnitDigits,
  orderAmount,
  toMinorUnits,
} from './order-value.ts';
export { ReplayPass, type AppliedSink, type TransitionSink } from './replay-pass.ts';
export type { CompiledRules } from './rules.compile.ts';
export { DEFAULT_RULES } from './rules.default.ts';
export { EVENT_CATALOGUE } from './event-catalogue.ts';
export type { CatalogueEffect, CatalogueEntry } from './event-catalogue.ts';
export { validateRules } from './rules.validate.ts';
export type { RulesValidation } from './rules.validate.ts';
export type { RuleError, RuleErrorCode } from './rules.errors.ts';
export { JourneyRulesSchema, NO_STAGE, WHERE_OPS } from './rules.schema.ts';
export type {
  EventMatch,
  JourneyRules,
  Stage,
  StateCondition,
  StatusSettings,
  TimerRule,
  TransitionRule,
  WhereCondition,
  WhereOp,
} from './rules.schema.ts';
export {
  ADVICE_KEYS,
  LEVERS,
  MAX_ADVICE,
  MIN_ENTRIES,
  adviseStages,
  type Advice,
  type AdviceKey,
  type Lever,
  type StageFacts,
} from './journey-advice.ts';
