import type { TLocalizedValidationError } from 'typebox/error';

/**
 * What kind of problem a rule error is, so a reader in another language can be told it in their own
 * words; `params` carries the values the message names (a stage key, a limit).
 */
export type RuleErrorCode =
  | 'unknown_field'
  | 'required'
  | 'one_of'
  | 'wrong_type'
  | 'too_small'
  | 'too_large'
  | 'empty'
  | 'too_few'
  | 'invalid'
  | 'unknown_stage'
  | 'reserved_stage'
  | 'duplicate_stage'
  | 'no_entry_rule'
  | 'timer_to_itself'
  | 'churn_before_risk'
  | 'model_churn_before_risk'
  | 'bad_property_path'
  | 'value_not_allowed'
  | 'value_list_needed'
  | 'value_single_needed'
  | 'value_number_needed'
  | 'max_below_min';

/** One problem in a rule set: a JSON pointer into the submitted rules and what to change there. */
export interface RuleError {
  path: string;
  message: string;
  code: RuleErrorCode;
  params?: Readonly<Record<string, string | number>>;
}

/**
 * Turns TypeBox's raw errors into one actionable message per place. A union that fails reports each
 * branch's failure before its own; those branch errors only repeat the union's, so they are dropped.
 */
export function schemaErrorsToRuleErrors(
  root: object,
  raw: readonly TLocalizedValidationError[],
): RuleError[] {
  const unions = raw.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/anyOf/`);
  const errors: RuleError[] = [];
  for (const error of raw) {
    if (unions.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    // `additionalProperties: false` also yields a `boolean` error per field; the parent error names them all.
    if (error.keyword === 'boolean') continue;
    errors.push(...describe(root, error));
  }
  return dedupe(errors);
}

function describe(root: object, error: TLocalizedValidationError): RuleError[] {
  const path = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties':
      return error.params.additionalProperties.map((name) => ({
        path: `${path}/${escapePointer(name)}`,
        message: `unknown field '${name}' (check its spelling)`,
        code: 'unknown_field',
        params: { field: name },
      }));
    case 'required':
      return error.params.requiredProperties.map((name) => ({
        path: `${path}/${escapePointer(name)}`,
        message: `'${name}' is required`,
        code: 'required',
        params: { field: name },
      }));
    case 'enum': {
      const allowed = error.params.allowedValues.map(String).join(', ');
      return [{ path, message: `must be one of: ${allowed}`, code: 'one_of', params: { allowed } }];
    }
    case 'type':
      return [
        {
          path,
          message: error.message,
          code: 'wrong_type',
          params: { expected: [error.params.type].flat().join(', ') },
        },
      ];
    case 'minimum':
    case 'exclusiveMinimum':
      return [
        {
          path,
          message: error.message,
          code: 'too_small',
          params: { limit: Number(error.params.limit), comparison: error.params.comparison },
        },
      ];
    case 'maximum':
    case 'exclusiveMaximum':
      return [
        {
          path,
          message: error.message,
          code: 'too_large',
          params: { limit: Number(error.params.limit), comparison: error.params.comparison },
        },
      ];
    case 'minLength':
      return [{ path, message: error.message, code: 'empty' }];
    case 'minItems':
      return [{ path, message: error.message, code: 'too_few', params: { limit: error.params.limit } }];
    case 'pattern':
    case 'anyOf': {
      // Patterns and unions read badly as raw schema text; their schemas carry a `description` instead.
      const description = descriptionAt(root, error.schemaPath);
      if (description !== undefined) return [{ path, message: `must be ${description}`, code: 'invalid' }];
      return [{ path, message: error.message, code: 'invalid' }];
    }
    default:
      return [{ path, message: error.message, code: 'invalid' }];
  }
}

function descriptionAt(root: object, schemaPath: string): string | undefined {
  let node: unknown = root;
  for (const segment of schemaPath.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const description = (node as Record<string, unknown>)['description'];
  return typeof description === 'string' ? description : undefined;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function dedupe(errors: RuleError[]): RuleError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
