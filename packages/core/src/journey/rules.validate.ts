import { Compile } from 'typebox/compile';
import { deepFreeze } from './deep-freeze.ts';
import { schemaErrorsToRuleErrors, type RuleError } from './rules.errors.ts';
import {
  JourneyRulesSchema,
  NO_STAGE,
  type EventMatch,
  type JourneyRules,
  type StateCondition,
} from './rules.schema.ts';

export type RulesValidation = { ok: true; rules: JourneyRules } | { ok: false; errors: RuleError[] };

const validator = Compile(JourneyRulesSchema);

/**
 * Checks a rule set submitted by a workspace: its shape first (JSON pointer paths), then its meaning
 * (known stages, a way into the journey, sane numbers). On success returns a frozen copy, safe to cache.
 *
 * @example
 * const result = validateRules(JSON.parse(body));
 * if (!result.ok) for (const e of result.errors) console.log(`${e.path}: ${e.message}`);
 * // /transitions/2/to: unknown stage 'purchse' (known: awareness, consideration, ...)
 */
export function validateRules(input: unknown): RulesValidation {
  if (!validator.Check(input)) {
    return { ok: false, errors: schemaErrorsToRuleErrors(JourneyRulesSchema, validator.Errors(input)) };
  }
  const errors = semanticErrors(input);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rules: deepFreeze(structuredClone(input)) };
}

function semanticErrors(rules: JourneyRules): RuleError[] {
  const errors: RuleError[] = [];
  const keys = rules.stages.map((stage) => stage.key);
  const known = `(known: ${keys.join(', ')})`;
  const checkStage = (path: string, key: string, allowNone: boolean): void => {
    if (keys.includes(key) || (allowNone && key === NO_STAGE)) return;
    const hint = allowNone ? `(known: ${NO_STAGE}, ${keys.join(', ')})` : known;
    errors.push({ path, message: `unknown stage '${key}' ${hint}`, code: 'unknown_stage', params: { key } });
  };

  rules.stages.forEach((stage, i) => {
    const first = keys.indexOf(stage.key);
    if (stage.key === NO_STAGE) {
      errors.push({
        path: `/stages/${i}/key`,
        message: `'${NO_STAGE}' is reserved for customers not in the journey yet`,
        code: 'reserved_stage',
        params: { key: stage.key },
      });
    } else if (first !== i) {
      errors.push({
        path: `/stages/${i}/key`,
        message: `duplicate stage key '${stage.key}' (also /stages/${first}/key)`,
        code: 'duplicate_stage',
        params: { key: stage.key, other: first },
      });
    }
  });
  rules.transitions.forEach((rule, i) => {
    const path = `/transitions/${i}`;
    checkStage(`${path}/to`, rule.to, false);
    rule.from?.forEach((key, j) => checkStage(`${path}/from/${j}`, key, true));
    errors.push(...matchErrors(`${path}/when`, rule.when));
    if (rule.if) errors.push(...conditionErrors(`${path}/if`, rule.if));
  });
  if (!rules.transitions.some((rule) => rule.from === undefined || rule.from.includes(NO_STAGE))) {
    errors.push({
      path: '/transitions',
      message: `no rule accepts from '${NO_STAGE}', so new customers would never enter the journey (omit 'from' or include '${NO_STAGE}' in one rule)`,
      code: 'no_entry_rule',
    });
  }
  rules.timers.forEach((timer, i) => {
    checkStage(`/timers/${i}/to`, timer.to, false);
    timer.from.forEach((key, j) => {
      checkStage(`/timers/${i}/from/${j}`, key, false);
      if (key === timer.to) {
        errors.push({
          path: `/timers/${i}/from/${j}`,
          message: `a timer cannot move '${key}' to itself`,
          code: 'timer_to_itself',
          params: { key },
        });
      }
    });
  });
  errors.push(...matchErrors('/orders', rules.orders));
  rules.negative.forEach((match, i) => errors.push(...matchErrors(`/negative/${i}`, match)));
  const { atRiskFactor, churnFactor } = rules.status;
  if (churnFactor <= atRiskFactor) {
    errors.push({
      path: '/status/churnFactor',
      message: `must be greater than atRiskFactor (${atRiskFactor}), or customers would churn before being at risk`,
      code: 'churn_before_risk',
      params: { atRiskFactor },
    });
  }
  const model = rules.status.model;
  if (model !== undefined && model.churnedBelow >= model.atRiskBelow) {
    errors.push({
      path: '/status/model/churnedBelow',
      message: `must be below atRiskBelow (${model.atRiskBelow}), or customers would churn before being at risk`,
      code: 'model_churn_before_risk',
      params: { atRiskBelow: model.atRiskBelow },
    });
  }
  return errors;
}

function matchErrors(path: string, match: EventMatch): RuleError[] {
  const errors: RuleError[] = [];
  match.where?.forEach((condition, i) => {
    const at = `${path}/where/${i}`;
    if (condition.property.split('.').some((segment) => segment === '')) {
      errors.push({
        path: `${at}/property`,
        message: `'${condition.property}' is not a property path like 'a' or 'a.b'`,
        code: 'bad_property_path',
        params: { property: condition.property },
      });
    }
    const problem = valueProblem(condition.op, condition.value);
    if (problem !== undefined) errors.push({ path: `${at}/value`, ...problem, params: { op: condition.op } });
  });
  return errors;
}

type ValueProblem = Pick<RuleError, 'message' | 'code'>;

function valueProblem(op: string, value: unknown): ValueProblem | undefined {
  if (op === 'exists') {
    return value === undefined
      ? undefined
      : { message: `'exists' takes no value`, code: 'value_not_allowed' };
  }
  if (op === 'in') {
    return Array.isArray(value) && value.length > 0
      ? undefined
      : { message: `'in' needs a non-empty list of values`, code: 'value_list_needed' };
  }
  if (op === 'eq' || op === 'neq') {
    return value === undefined || Array.isArray(value)
      ? { message: `'${op}' needs a single string, number or boolean`, code: 'value_single_needed' }
      : undefined;
  }
  return typeof value === 'number'
    ? undefined
    : { message: `'${op}' compares numbers: give a number`, code: 'value_number_needed' };
}

function conditionErrors(path: string, condition: StateCondition): RuleError[] {
  const { minOrders, maxOrders } = condition;
  if (minOrders !== undefined && maxOrders !== undefined && minOrders > maxOrders) {
    return [
      {
        path: `${path}/maxOrders`,
        message: `must be at least minOrders (${minOrders}), or the rule never matches`,
        code: 'max_below_min',
        params: { minOrders },
      },
    ];
  }
  return [];
}
