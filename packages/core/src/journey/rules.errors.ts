import type { TLocalizedValidationError } from 'typebox/error';

/** One problem in a rule set: a JSON pointer into the submitted rules and what to change there. */
export interface RuleError {
  path: string;
  message: string;
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
  if (error.keyword === 'additionalProperties') {
    return error.params.additionalProperties.map((name) => ({
      path: `${path}/${escapePointer(name)}`,
      message: `unknown field '${name}' (check its spelling)`,
    }));
  }
  if (error.keyword === 'required') {
    return error.params.requiredProperties.map((name) => ({
      path: `${path}/${escapePointer(name)}`,
      message: `'${name}' is required`,
    }));
  }
  if (error.keyword === 'enum') {
    return [{ path, message: `must be one of: ${error.params.allowedValues.map(String).join(', ')}` }];
  }
  // Patterns and unions read badly as raw schema text; their schemas carry a `description` instead.
  if (error.keyword === 'pattern' || error.keyword === 'anyOf') {
    const description = descriptionAt(root, error.schemaPath);
    if (description !== undefined) return [{ path, message: `must be ${description}` }];
  }
  return [{ path, message: error.message }];
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
