import { join } from 'node:path';
import {
  advance,
  replay,
  type JourneyEvent,
  type JourneyRules,
  type JourneyState,
  type Transition,
} from '@jejak/core';
import { openDatabase } from '@jejak/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspaceWithWriteKey, startServerProcess, tempDataDir } from './server-process.ts';

const NAMES = [
  'Page Viewed',
  'Product Viewed',
  'Product Added',
  'Order Completed',
  'Ticket Opened',
  'Review Posted',
];

// Five years back from the start of the run, an hour apart: however many batches a fast server takes
// before the kill, no timestamp lands more than 24 hours in the future, where it would be refused
// (a fixed date did, past batch 129, once ingestion got fast enough to reach it in 1.5 s).
const BASE = Date.now() - 5 * 365 * 86_400_000;

function batchOf(batchNo: number, size: number) {
  const base = BASE;
  return Array.from({ length: size }, (_, i) => {
    const n = batchNo * size + i;
    const customer = n % 97;
    return {
      type: 'track',
      messageId: `crash-${batchNo}-${i}`,
      anonymousId: `anon-${customer}`,
      event: NAMES[(n * 7 + customer) % NAMES.length],
      properties: { rating: (n % 5) + 1, total: 10_000 + (n % 13) * 1000 },
      // Mostly forward in time, with some late arrivals so replays happen too.
      timestamp: new Date(base + n * 3_600_000 - (n % 11 === 0 ? 86_400_000 * 3 : 0)).toISOString(),
    };
  });
}

/**
 * Kill -9 in the middle of a stream of batches, restart, and check that every acknowledged event
 * is stored exactly once and every journey equals a replay of the customer's stored events.
 */
describe('crash safety', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('keeps every acknowledged event exactly once and the journeys equal to a replay after SIGKILL', async () => {
    const first = await startServerProcess(data.dir);
    const { workspaceId, writeKey } = await createWorkspaceWithWriteKey(first.url, first.adminKey!);
    const auth = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
    const acknowledged = new Set<string>();
    const sent = new Set<string>();

    const post = async (url: string, batchNo: number) => {
      const batch = batchOf(batchNo, 50);
      batch.forEach((m) => sent.add(m.messageId));
      const response = await fetch(`${url}/v1/batch`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ batch, sentAt: new Date().toISOString() }),
      });
      if (response.status === 200) batch.forEach((m) => acknowledged.add(m.messageId));
    };

    // Four writers in parallel; the kill lands while requests are in flight.
    let batchNo = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        try {
          await post(first.url, batchNo++);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    await new Promise((r) => setTimeout(r, 1_500));
    killed = true;
    await first.stop('SIGKILL');
    // The server itself is gone, not just a wrapper around it: nothing else writes to the data now.
    expect(() => process.kill(first.child.pid!, 0)).toThrow();
    await Promise.all(writers);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(sent.size).toBeGreaterThan(acknowledged.size); // the kill caught batches in flight

    // Restart on the same data; send everything again (a client retrying what it never heard about).
    const second = await startServerProcess(data.dir);
    const resent = batchNo;
    for (let b = 0; b < resent; b += 1) await post(second.url, b);
    await second.stop();

    const store = await openDatabase({ sqlitePath: join(data.dir, 'jejak.sqlite') });
    try {
      const events = await store.db
        .selectFrom('events')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .execute();
      const ids = events.map((e) => e.message_id);
      expect(new Set(ids).size).toBe(ids.length); // never doubled
      for (const id of acknowledged) expect(ids).toContain(id); // never lost
      expect(ids.length).toBe(sent.size);

      const rulesRow = await store.db
        .selectFrom('journey_rules')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      const { DEFAULT_RULES } = await import('@jejak/core');
      const rules = (rulesRow ? JSON.parse(rulesRow.rules_json) : DEFAULT_RULES) as JourneyRules;
      const states = await store.db
        .selectFrom('journey_states')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .execute();
      const byCustomer = new Map<string, JourneyEvent[]>();
      for (const e of events) {
        const list = byCustomer.get(e.customer_id) ?? [];
        list.push({
          messageId: e.message_id,
          type: e.type as JourneyEvent['type'],
          name: e.name,
          at: e.at,
          channel: e.channel as JourneyEvent['channel'],
          properties: JSON.parse(e.properties_json) as Record<string, unknown>,
          branchId: e.branch_id,
        });
        byCustomer.set(e.customer_id, list);
      }
      expect(states.length).toBe(byCustomer.size);
      const until = Math.max(
        ...events.map((e) => e.at),
        ...states.map((s) => (JSON.parse(s.state_json) as JourneyState).clock ?? 0),
      );
      const transitionRows = await store.db
        .selectFrom('transitions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute();
      const recorded = new Map<string, Transition[]>();
      for (const t of transitionRows) {
        const list = recorded.get(t.customer_id) ?? [];
        list.push({
          kind: t.kind,
          from: t.from_value,
          to: t.to_value,
          at: t.at,
          cause: t.cause,
          since: t.since,
          firstChannel: t.first_channel as Transition['firstChannel'],
          homeBranch: t.home_branch_id,
          sinceHomeBranch: t.since_home_branch_id,
        });
        recorded.set(t.customer_id, list);
      }
      const inOrder = (list: Transition[]) =>
        [...list].sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind) || a.to.localeCompare(b.to));
      for (const row of states) {
        const advanced = advance(JSON.parse(row.state_json) as JourneyState, until, rules);
        const replayed = replay(byCustomer.get(row.customer_id) ?? [], rules, until);
        expect(advanced.state).toEqual(replayed.state);
        // The history too: what was recorded along the way, plus what the clock would add, is the replay's.
        const history = [...(recorded.get(row.customer_id) ?? []), ...advanced.transitions];
        expect(inOrder(history)).toEqual(inOrder(replayed.transitions));
      }
    } finally {
      await store.close();
    }
  });
});
