import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, advance, replay, type JourneyEvent } from '@jejak/core';
import { JourneyFold } from '../src/journey/journey-fold.ts';
import { stateToRow } from '../src/journey/journey-state.mapper.ts';

/* The in-memory half of set-wise ingestion: no database here, only the decisions JourneyService.apply makes. */

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 3);
const WS = 'ws-1';
const rules = { version: 1, rules: DEFAULT_RULES };

let sequence = 0;
function anEvent(name: string, at: number): JourneyEvent {
  sequence += 1;
  return {
    messageId: `m-${String(sequence).padStart(6, '0')}`,
    type: 'track',
    name,
    at,
    channel: 'web',
    properties: {},
  };
}

/** A stored state row of a customer who went through these events, advanced to `clock`. */
function storedAfter(customerId: string, events: JourneyEvent[], clock: number, version = 1) {
  return stateToRow(WS, customerId, replay(events, DEFAULT_RULES, clock).state, version, T0);
}

describe('JourneyFold', () => {
  it('applies events in order to known and new customers and keeps their transitions in arrival order', () => {
    const earlier = [anEvent('Ad Clicked', T0)];
    const fold = new JourneyFold([storedAfter('siti', earlier, T0)], rules);
    const view = anEvent('Product Viewed', T0 + HOUR);
    const order = anEvent('Order Completed', T0 + 2 * HOUR);
    const newcomer = anEvent('Ad Clicked', T0 + HOUR);
    fold.apply('siti', view);
    fold.apply('budi', newcomer);
    fold.apply('siti', order);

    const rows = fold.rows(WS, T0 + 9);
    expect(rows.map((r) => r.customer_id).sort()).toEqual(['budi', 'siti']);
    const siti = rows.find((r) => r.customer_id === 'siti')!;
    expect(JSON.parse(siti.state_json)).toEqual(replay([...earlier, view, order], DEFAULT_RULES).state);
    expect(fold.transitionRows(WS).map((t) => [t.customer_id, t.kind, t.to_value, t.cause])).toEqual([
      ['siti', 'stage', 'consideration', view.messageId],
      ['budi', 'stage', 'awareness', newcomer.messageId],
      ['siti', 'stage', 'purchase', order.messageId],
    ]);
    expect(fold.replays()).toEqual([]);
  });

  it('marks a customer for replay at a late event, drops what it applied for him, and leaves others alone', () => {
    const fold = new JourneyFold(
      [storedAfter('late', [anEvent('Order Completed', T0 + 10 * HOUR)], T0 + 10 * HOUR)],
      rules,
    );
    fold.apply('late', anEvent('Product Viewed', T0 + 11 * HOUR));
    fold.apply('steady', anEvent('Ad Clicked', T0));
    fold.apply('late', anEvent('Ad Clicked', T0 + HOUR));
    fold.apply('late', anEvent('Product Viewed', T0 + 12 * HOUR));

    expect(fold.rows(WS, T0).map((r) => r.customer_id)).toEqual(['steady']);
    expect(fold.transitionRows(WS).map((t) => t.customer_id)).toEqual(['steady']);
    expect(fold.replays()).toEqual([{ customerId: 'late', until: T0 + 12 * HOUR }]);
  });

  it('replays to the stored clock when the clock job took the customer further than the new events', () => {
    const clock = T0 + 100 * HOUR;
    const stored = advance(
      replay([anEvent('Order Completed', T0)], DEFAULT_RULES).state,
      clock,
      DEFAULT_RULES,
    );
    const row = stateToRow(WS, 'ahead', stored.state, 1, T0);
    const fold = new JourneyFold([row], rules);
    fold.apply('ahead', anEvent('Product Viewed', T0 + 50 * HOUR));
    expect(fold.replays()).toEqual([{ customerId: 'ahead', until: clock }]);
  });

  it('replays a customer whose state was computed with other rules, even for an event in order', () => {
    const fold = new JourneyFold([storedAfter('old-rules', [anEvent('Ad Clicked', T0)], T0, 0)], rules);
    fold.apply('old-rules', anEvent('Product Viewed', T0 + HOUR));
    expect(fold.rows(WS, T0)).toEqual([]);
    expect(fold.replays()).toEqual([{ customerId: 'old-rules', until: T0 + HOUR }]);
  });
});
