import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '@jejak/core';
import {
  addRule,
  addTimer,
  eventNames,
  parseValue,
  removeStage,
  rulesInto,
  stageKeyFor,
  valueText,
  withEventNames,
  type Rules,
} from './rules-draft.ts';

const rules = (): Rules => structuredClone<Rules>(DEFAULT_RULES);

describe('rules draft', () => {
  it('adds a rule after the stage’s own rules, keeping later stages first', () => {
    const draft = rules();
    const before = rulesInto(draft, 'consideration');
    const at = addRule(draft, 'consideration');
    expect(at).toBe(before[before.length - 1]! + 1);
    expect(draft.transitions[at]).toEqual({ to: 'consideration', from: ['awareness'], when: { event: [] } });
  });

  it('puts the first rule of a new stage before the rules of earlier stages', () => {
    const draft = rules();
    draft.stages.push({ key: 'loyal', label: { id: 'Setia', en: 'Loyal' } });
    expect(addRule(draft, 'loyal')).toBe(0);
    draft.stages.splice(2, 0, { key: 'trial', label: { id: 'Coba', en: 'Trial' } });
    const at = addRule(draft, 'trial');
    expect(draft.transitions.slice(at + 1).every((r) => ['awareness', 'consideration'].includes(r.to))).toBe(
      true,
    );
    expect(draft.transitions.slice(0, at).some((r) => r.to === 'consideration')).toBe(false);
  });

  it('removes a stage with the rules and timers that name it', () => {
    const draft = rules();
    removeStage(draft, 'purchase');
    expect(draft.stages.map((s) => s.key)).not.toContain('purchase');
    expect(draft.transitions.some((r) => r.to === 'purchase' || r.from?.includes('purchase'))).toBe(false);
    // The timer purchase -> experience had only purchase to start from.
    expect(draft.timers).toEqual([]);
    // Retention still comes from experience.
    expect(draft.transitions.some((r) => r.to === 'retention' && r.from?.includes('experience'))).toBe(true);
  });

  it('adds a timer from the stage before', () => {
    const draft = rules();
    addTimer(draft, 'retention');
    expect(draft.timers.at(-1)).toEqual({ to: 'retention', from: ['experience'], afterHours: 24 });
  });

  it('writes one event name as a string and several as a list', () => {
    expect(withEventNames({ event: ['a', 'b'] }, ['a'])).toEqual({ event: 'a' });
    expect(eventNames(withEventNames({ event: 'a' }, ['a', 'b']))).toEqual(['a', 'b']);
  });

  it('makes a stage key from a name, unique and never none', () => {
    expect(stageKeyFor('Uji Coba Gratis', [])).toBe('uji_coba_gratis');
    expect(stageKeyFor('Pembelian', ['pembelian'])).toBe('pembelian_2');
    expect(stageKeyFor('None', [])).toBe('none_2');
    expect(stageKeyFor('123', [])).toBe('tahap');
  });

  it('reads typed values as the operator needs them', () => {
    expect(parseValue('gte', '4')).toBe(4);
    expect(parseValue('in', 'product, pricing, 3')).toEqual(['product', 'pricing', 3]);
    expect(parseValue('eq', 'complaint')).toBe('complaint');
    expect(parseValue('eq', 'true')).toBe(true);
    expect(parseValue('exists', 'x')).toBeUndefined();
    expect(valueText(['product', 'pricing'])).toBe('product, pricing');
  });
});
