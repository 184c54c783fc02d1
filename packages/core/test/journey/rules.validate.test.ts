import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import { validateRules } from '../../src/journey/rules.validate.ts';
import type { RuleError } from '../../src/journey/rules.errors.ts';

/** The default rules as a workspace would submit them, with values set (or removed, when undefined) at JSON pointers. */
function submitted(changes: Record<string, unknown>): unknown {
  const rules: unknown = structuredClone(DEFAULT_RULES);
  for (const [pointer, value] of Object.entries(changes)) {
    const segments = pointer.split('/').slice(1);
    const last = segments.pop() as string;
    const parent = segments.reduce((node, key) => (node as Record<string, unknown>)[key], rules) as Record<
      string,
      unknown
    >;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return rules;
}

function errorsOf(input: unknown): RuleError[] {
  const result = validateRules(input);
  if (result.ok) throw new Error('expected the rules to be refused');
  return result.errors;
}

describe('validateRules', () => {
  it('accepts the default rules and returns a frozen copy', () => {
    const result = validateRules(DEFAULT_RULES);
    expect(result).toEqual({ ok: true, rules: DEFAULT_RULES });
    if (result.ok) {
      expect(result.rules).not.toBe(DEFAULT_RULES);
      expect(Object.isFrozen(result.rules.transitions[0]?.when)).toBe(true);
    }
  });

  it('names an unknown stage in a rule and lists the known ones', () => {
    const errors = errorsOf(submitted({ '/transitions/2/to': 'purchse' }));
    expect(errors).toEqual([
      {
        path: '/transitions/2/to',
        message:
          "unknown stage 'purchse' (known: awareness, consideration, purchase, experience, retention, advocacy)",
        code: 'unknown_stage',
        params: { key: 'purchse' },
      },
    ]);
  });

  it('names an unknown stage in from and in a timer', () => {
    const errors = errorsOf(
      submitted({ '/transitions/0/from': ['purchase', 'nowhere'], '/timers/0/to': 'later' }),
    );
    expect(errors.map((e) => e.path)).toEqual(['/transitions/0/from/1', '/timers/0/to']);
    expect(errors[0]?.message).toMatch(/unknown stage 'nowhere' \(known: none, awareness/);
  });

  it('refuses a duplicate stage key', () => {
    const errors = errorsOf(
      submitted({ '/stages/6': { key: 'purchase', label: { id: 'Beli', en: 'Buy' } } }),
    );
    expect(errors).toEqual([
      {
        path: '/stages/6/key',
        message: "duplicate stage key 'purchase' (also /stages/2/key)",
        code: 'duplicate_stage',
        params: { key: 'purchase', other: 2 },
      },
    ]);
  });

  it('refuses rules that no new customer can enter', () => {
    const errors = errorsOf(
      submitted({
        '/transitions': DEFAULT_RULES.transitions.filter(
          (t) => t.from !== undefined && !t.from.includes('none'),
        ),
      }),
    );
    expect(errors).toEqual([
      {
        path: '/transitions',
        message: expect.stringMatching(/no rule accepts from 'none'/) as string,
        code: 'no_entry_rule',
      },
    ]);
  });

  it('refuses an unknown operator and lists the allowed ones', () => {
    const errors = errorsOf(submitted({ '/negative/2/where/0/op': 'equals' }));
    expect(errors).toEqual([
      {
        path: '/negative/2/where/0/op',
        message: 'must be one of: eq, neq, gt, gte, lt, lte, in, exists',
        code: 'one_of',
        params: { allowed: 'eq, neq, gt, gte, lt, lte, in, exists' },
      },
    ]);
  });

  it('refuses a value of the wrong type', () => {
    expect(errorsOf(submitted({ '/status/churnFactor': '3' }))).toEqual([
      {
        path: '/status/churnFactor',
        message: 'must be number',
        code: 'wrong_type',
        params: { expected: 'number' },
      },
    ]);
    expect(errorsOf(submitted({ '/orders/event': 42 }))).toEqual([
      {
        path: '/orders/event',
        message: "must be an event name or a non-empty list of event names ('*' matches any event)",
        code: 'invalid',
      },
    ]);
  });

  it('refuses a number comparison without a number', () => {
    const errors = errorsOf(submitted({ '/negative/3/where/0/value': 'two' }));
    expect(errors).toEqual([
      {
        path: '/negative/3/where/0/value',
        message: "'lte' compares numbers: give a number",
        code: 'value_number_needed',
        params: { op: 'lte' },
      },
    ]);
  });

  it('refuses a stage key that is not a plain identifier, and the reserved key none', () => {
    const errors = errorsOf(submitted({ '/stages/0/key': 'Awareness' }));
    expect(errors[0]).toEqual({
      path: '/stages/0/key',
      message: expect.stringMatching(/^must be a stage key/) as string,
      code: 'invalid',
    });
    expect(errorsOf(submitted({ '/stages/0/key': 'none' }))[0]).toMatchObject({
      message: expect.stringMatching(/reserved/) as string,
      code: 'reserved_stage',
    });
  });

  it('refuses a misspelt or missing field', () => {
    const errors = errorsOf(submitted({ '/timers/0/afterHour': 72, '/timers/0/afterHours': undefined }));
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          path: '/timers/0/afterHour',
          message: "unknown field 'afterHour' (check its spelling)",
          code: 'unknown_field',
          params: { field: 'afterHour' },
        },
        {
          path: '/timers/0/afterHours',
          message: "'afterHours' is required",
          code: 'required',
          params: { field: 'afterHours' },
        },
      ]),
    );
  });

  it('refuses factors that would churn a customer before he is at risk, and non-positive timers', () => {
    expect(errorsOf(submitted({ '/status/churnFactor': 1.2 }))).toEqual([
      {
        path: '/status/churnFactor',
        message: expect.stringMatching(/greater than atRiskFactor \(1.5\)/) as string,
        code: 'churn_before_risk',
        params: { atRiskFactor: 1.5 },
      },
    ]);
    expect(errorsOf(submitted({ '/timers/0/afterHours': 0 }))).toEqual([
      {
        path: '/timers/0/afterHours',
        message: 'must be > 0',
        code: 'too_small',
        params: { limit: 0, comparison: '>' },
      },
    ]);
  });

  it('refuses input that is not an object', () => {
    expect(errorsOf(null)[0]?.path).toBe('');
  });
});
