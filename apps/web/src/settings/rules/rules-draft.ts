import type { EventMatch, JourneyRules, NO_STAGE as CoreNoStage, WhereCondition, WhereOp } from '@jejak/core';

/*
 * Edits of a rule set as the form makes them, on a draft the caller owns (a fresh copy per change).
 * Transition rules stay one list in their order, because the first rule that matches an event wins;
 * the form only shows them grouped by the stage they lead to.
 */

export type Rules = JourneyRules;

export const NO_STAGE: typeof CoreNoStage = 'none';
export const ANY_EVENT = '*';

/** The comparison operators in the order the form offers them. */
export const WHERE_OPS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'exists',
] as const satisfies readonly WhereOp[];
// Every operator of core is offered: a new one there breaks the build here until the form knows it.
type _EveryOp = Exclude<WhereOp, (typeof WHERE_OPS)[number]> extends never ? true : never;
export const EVERY_OP_OFFERED: _EveryOp = true;

export function eventNames(match: EventMatch): string[] {
  return typeof match.event === 'string' ? [match.event] : [...match.event];
}

/** One name is written as a string, several as a list (the form of the default rules). */
export function withEventNames(match: EventMatch, names: string[]): EventMatch {
  return { ...match, event: names.length === 1 ? names[0]! : names };
}

/** Indices of the transition rules that lead into a stage, in rule order. */
export function rulesInto(rules: Rules, key: string): number[] {
  return rules.transitions.flatMap((rule, i) => (rule.to === key ? [i] : []));
}

export function timersInto(rules: Rules, key: string): number[] {
  return rules.timers.flatMap((timer, i) => (timer.to === key ? [i] : []));
}

/** The stage before this one in the journey, or `none` for the first. */
function previousStage(rules: Rules, key: string): string {
  const index = rules.stages.findIndex((s) => s.key === key);
  return index > 0 ? rules.stages[index - 1]!.key : NO_STAGE;
}

/**
 * A new, still empty rule into `to`, from the stage before it. It goes after the stage's own rules,
 * or, for a stage without any, before the rules of earlier stages: later stages are tried first, as
 * in the default rules, so a purchase is not taken for mere interest. Returns its index.
 */
export function addRule(rules: Rules, to: string): number {
  const rule = { to, from: [previousStage(rules, to)], when: { event: [] as string[] } };
  const own = rulesInto(rules, to);
  const order = rules.stages.map((s) => s.key);
  const rank = order.indexOf(to);
  const at =
    own.length > 0
      ? own[own.length - 1]! + 1
      : (() => {
          const earlier = rules.transitions.findIndex((r) => order.indexOf(r.to) < rank);
          return earlier === -1 ? rules.transitions.length : earlier;
        })();
  rules.transitions.splice(at, 0, rule);
  return at;
}

/** Swaps a rule with its neighbour in the rule order (delta -1: tried earlier). */
export function moveRule(rules: Rules, index: number, delta: -1 | 1): void {
  swap(rules.transitions, index, index + delta);
}

export function moveStage(rules: Rules, index: number, delta: -1 | 1): void {
  swap(rules.stages, index, index + delta);
}

function swap<T>(list: T[], a: number, b: number): void {
  if (b < 0 || b >= list.length) return;
  [list[a], list[b]] = [list[b]!, list[a]!];
}

export function addStage(rules: Rules, label: { id: string; en: string }, key: string): void {
  rules.stages.push({ key, label });
}

/**
 * Removes a stage and everything that names it: the rules and timers into it, and the stage from
 * every `from` list (a rule left with an empty list could never apply, so it goes too).
 */
export function removeStage(rules: Rules, key: string): void {
  rules.stages = rules.stages.filter((s) => s.key !== key);
  rules.transitions = rules.transitions
    .filter((r) => r.to !== key)
    .flatMap((r) => {
      if (r.from === undefined) return [r];
      const from = r.from.filter((f) => f !== key);
      return from.length === 0 ? [] : [{ ...r, from }];
    });
  rules.timers = rules.timers
    .filter((timer) => timer.to !== key)
    .flatMap((timer) => {
      const from = timer.from.filter((f) => f !== key);
      return from.length === 0 ? [] : [{ ...timer, from }];
    });
}

export function addTimer(rules: Rules, to: string): void {
  const before = previousStage(rules, to);
  const from = before === NO_STAGE ? rules.stages.find((s) => s.key !== to)?.key : before;
  rules.timers.push({ to, from: from ? [from] : [], afterHours: 24 });
}

/** A stage key from its name: `Uji Coba Gratis` -> `uji_coba_gratis`, unique among `taken`. */
export function stageKeyFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 28) || 'tahap';
  let key = base;
  for (let n = 2; taken.includes(key) || key === NO_STAGE; n++) key = `${base}_${n}`;
  return key;
}

/** A condition's value as the form shows it: a list as `a, b`, anything else as itself. */
export function valueText(value: WhereCondition['value']): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function scalar(text: string): string | number {
  return NUMBER.test(text) ? Number(text) : text;
}

/**
 * What a typed value means for an operator: numbers for comparisons, a list for `in`, nothing for
 * `exists`; for `eq` and `neq`, `true`/`false` and numbers are taken as such, anything else as text.
 */
export function parseValue(op: WhereOp, text: string): WhereCondition['value'] {
  const trimmed = text.trim();
  switch (op) {
    case 'exists':
      return undefined;
    case 'in':
      return trimmed
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .map(scalar);
    case 'eq':
    case 'neq':
      if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
      return scalar(trimmed);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return scalar(trimmed);
  }
}
