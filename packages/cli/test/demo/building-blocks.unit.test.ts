import { describe, expect, it } from 'vitest';
import { DayBuffer } from '../../src/demo/day-buffer.ts';
import { IsoTime } from '../../src/demo/iso-time.ts';
import { formatPhone } from '../../src/demo/phone-number.ts';
import { SeededRandom, WeightedTable } from '../../src/demo/seeded-random.ts';
import type { SegmentMessage } from '../../src/demo/segment-message.types.ts';
import { JAKARTA_2025 } from './simulation.factory.ts';

const message = (messageId: string): SegmentMessage => ({
  type: 'track',
  event: 'Product Viewed',
  properties: {},
  anonymousId: 'anon-1',
  timestamp: '',
  messageId,
  context: {
    library: { name: 'analytics.js', version: 'next-1.72.0' },
    locale: 'id-ID',
    timezone: 'Asia/Jakarta',
  },
  integrations: {},
});

describe('SeededRandom', () => {
  it('draws the same numbers from the same seed and others from another', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('makes version-4 uuids that do not collide', () => {
    const random = new SeededRandom(3);
    const ids = Array.from({ length: 20_000 }, () => random.uuid());
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('follows the weights of a table', () => {
    const random = new SeededRandom(5);
    const table = new WeightedTable([
      ['a', 3],
      ['b', 1],
      ['never', 0],
    ] as const);
    const draws = Array.from({ length: 8000 }, () => table.draw(random));
    const share = draws.filter((d) => d === 'a').length / draws.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
    expect(draws).not.toContain('never');
  });
});

describe('IsoTime', () => {
  it('writes the same string as Date.toISOString', () => {
    const random = new SeededRandom(9);
    const time = new IsoTime();
    for (let i = 0; i < 2000; i++) {
      const at = JAKARTA_2025 + Math.floor(random.next() * 400 * 86_400_000);
      expect(time.format(at)).toBe(new Date(at).toISOString());
    }
  });
});

describe('DayBuffer', () => {
  it('releases messages older than a time in time order, ties in the order they came', () => {
    const buffer = new DayBuffer();
    buffer.open(JAKARTA_2025);
    const times = [50, 10, 30, 10, 70, 20];
    times.forEach((offset, i) => buffer.push(JAKARTA_2025 + offset, message(`m${i}`)));
    const early: SegmentMessage[] = [];
    buffer.release(early, JAKARTA_2025 + 30);
    expect(early.map((m) => m.messageId)).toEqual(['m1', 'm3', 'm5']);
    const rest: SegmentMessage[] = [];
    buffer.release(rest);
    expect(rest.map((m) => m.messageId)).toEqual(['m2', 'm0', 'm4']);
  });

  it('keeps a late session inside the day', () => {
    const buffer = new DayBuffer();
    buffer.open(JAKARTA_2025);
    expect(buffer.clamp(JAKARTA_2025 + 2 * 86_400_000)).toBe(JAKARTA_2025 + 86_400_000 - 1);
  });
});

describe('formatPhone', () => {
  it('writes one number the ways people type it', () => {
    const forms = [
      'dashed',
      'international_spaced',
      'international_bare',
      'plain_local',
      'plus_bare',
      'spaced_local',
    ] as const;
    expect(forms.map((form) => formatPhone('81234567890', form))).toEqual([
      '0812-3456-7890',
      '+62 812 3456 7890',
      '6281234567890',
      '081234567890',
      '+6281234567890',
      '0812 3456 7890',
    ]);
  });
});
