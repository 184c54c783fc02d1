import { assertUnreachable } from '../assert.ts';
import type { WhereCondition } from './rules.schema.ts';

export type PropertyTest = (properties: Readonly<Record<string, unknown>>) => boolean;

type Scalar = string | number | boolean;

/**
 * Compiles one `where` condition into a closure, once per rule set: the path is split here, not per event.
 * Numbers sent as strings ("5") compare as numbers, because Segment sources often send them that way.
 */
export function compileWhere(condition: WhereCondition): PropertyTest {
  const read = compilePath(condition.property);
  const { op, value } = condition;
  switch (op) {
    case 'eq':
      return (p) => equals(read(p), value as Scalar);
    case 'neq':
      return (p) => !equals(read(p), value as Scalar);
    case 'in': {
      const values = value as readonly Scalar[];
      return (p) => {
        const actual = read(p);
        for (const v of values) if (equals(actual, v)) return true;
        return false;
      };
    }
    case 'gt':
      return (p) => toNumber(read(p)) > (value as number);
    case 'gte':
      return (p) => toNumber(read(p)) >= (value as number);
    case 'lt':
      return (p) => toNumber(read(p)) < (value as number);
    case 'lte':
      return (p) => toNumber(read(p)) <= (value as number);
    case 'exists':
      return (p) => {
        const actual = read(p);
        return actual !== undefined && actual !== null;
      };
    default:
      return assertUnreachable(op);
  }
}

function compilePath(property: string): (p: Readonly<Record<string, unknown>>) => unknown {
  const segments = property.split('.');
  if (segments.length === 1) return (p) => (Object.hasOwn(p, property) ? p[property] : undefined);
  return (p) => {
    let node: unknown = p;
    for (const segment of segments) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
    return node;
  };
}

function equals(actual: unknown, expected: Scalar): boolean {
  return typeof expected === 'number' ? toNumber(actual) === expected : actual === expected;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}
