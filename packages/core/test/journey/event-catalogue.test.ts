import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE } from '../../src/journey/event-catalogue.ts';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import type { EventMatch } from '../../src/journey/rules.schema.ts';

const namesIn = (match: EventMatch): string[] =>
  typeof match.event === 'string' ? [match.event] : match.event;

describe('EVENT_CATALOGUE', () => {
  it('lists every event name the default rules use, once', () => {
    const used = new Set([
      ...DEFAULT_RULES.transitions.flatMap((rule) => namesIn(rule.when)),
      ...DEFAULT_RULES.negative.flatMap(namesIn),
      ...namesIn(DEFAULT_RULES.orders),
    ]);
    used.delete('*');
    const listed = EVENT_CATALOGUE.map((entry) => entry.name);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining([...used]));
  });

  it('says which stage each event feeds, matching the rules', () => {
    for (const rule of DEFAULT_RULES.transitions) {
      for (const name of namesIn(rule.when).filter((n) => n !== '*')) {
        expect(EVENT_CATALOGUE.find((e) => e.name === name)?.feeds, name).toContain(rule.to);
      }
    }
    for (const name of DEFAULT_RULES.negative.flatMap(namesIn)) {
      expect(EVENT_CATALOGUE.find((e) => e.name === name)?.feeds, name).toContain('negative');
    }
  });

  it('describes every event in Bahasa Indonesia and English', () => {
    for (const entry of EVENT_CATALOGUE)
      expect(entry.description.id && entry.description.en, entry.name).toBeTruthy();
  });
});
