import { DEFAULT_RULES, type JourneyRules } from '@jejak/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RulesPreviewService } from '../src/journey/rules-preview.service.ts';
import { DAY, HOUR, T0, aTrack, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.close());

interface Preview {
  rulesVersion: number;
  sample: { customers: number; totalCustomers: number; sampled: boolean };
  stages: { key: string; now: number; after: number; in: string }[];
  withoutStage: { now: number; after: number };
  statuses: { status: string; now: number; after: number }[];
  moves: { from: string | null; to: string | null; customers: number }[];
  changed: number;
}

const at = (h: number) => new Date(T0 - 5 * DAY + h * HOUR).toISOString();

/** Ten browsers who looked at a product, and four of them bought. */
async function aShop() {
  const batch = [];
  for (let i = 0; i < 10; i++) {
    batch.push(aTrack({ anonymousId: `v${i}`, event: 'Product Viewed', timestamp: at(i) }));
    if (i < 4) batch.push(aTrack({ anonymousId: `v${i}`, event: 'Order Completed', timestamp: at(i + 1) }));
  }
  expect((await t.ingest(batch)).statusCode).toBe(200);
  // As the clock job of a running server would have: the buyers' 72 hours after purchase have passed.
  await t.services.journey.advanceDue();
}

/** The default rules, where a product view is only awareness. */
function withoutProductViews(): JourneyRules {
  const rules = structuredClone<JourneyRules>(DEFAULT_RULES);
  rules.transitions = rules.transitions.map((rule) =>
    rule.to === 'consideration' && Array.isArray(rule.when.event)
      ? { ...rule, when: { ...rule.when, event: rule.when.event.filter((e) => e !== 'Product Viewed') } }
      : rule,
  );
  return rules;
}

const counts = (p: Preview) => Object.fromEntries(p.stages.map((s) => [s.key, [s.now, s.after]]));

describe('rules preview', () => {
  it('shows no change for the rules in force: the stored journeys equal their replay', async () => {
    await aShop();
    const preview = (await t.api('POST', '/journey/rules/preview', { rules: DEFAULT_RULES })).json<Preview>();
    expect(preview.sample).toEqual({ customers: 10, totalCustomers: 10, sampled: false });
    expect(preview.changed).toBe(0);
    expect(preview.moves).toEqual([]);
    expect(counts(preview)).toMatchObject({ consideration: [6, 6], experience: [4, 4] });
  });

  it('counts where customers would be under edited rules, and saves nothing', async () => {
    await aShop();
    const preview = (
      await t.api('POST', '/journey/rules/preview', { rules: withoutProductViews() })
    ).json<Preview>();
    expect(counts(preview)).toMatchObject({ awareness: [0, 6], consideration: [6, 0], experience: [4, 4] });
    expect(preview.moves).toEqual([{ from: 'consideration', to: 'awareness', customers: 6 }]);
    expect(preview.changed).toBe(6);
    expect(preview.rulesVersion).toBe(0);

    const overview = (await t.api('GET', '/journey/overview')).json<{
      rulesVersion: number;
      stages: { key: string; customers: number }[];
    }>();
    expect(overview.rulesVersion).toBe(0);
    expect(overview.stages.find((s) => s.key === 'consideration')?.customers).toBe(6);
  });

  it('shows a stage the edit adds and one it removes', async () => {
    await aShop();
    const rules = structuredClone<JourneyRules>(DEFAULT_RULES);
    rules.stages = rules.stages.filter((s) => s.key !== 'advocacy');
    rules.transitions = rules.transitions.filter((r) => r.to !== 'advocacy');
    rules.stages.splice(1, 0, { key: 'interest', label: { id: 'Minat', en: 'Interest' } });
    rules.transitions = rules.transitions.map((r) =>
      r.to === 'consideration' ? { ...r, to: 'interest' } : r,
    );
    const preview = (await t.api('POST', '/journey/rules/preview', { rules })).json<Preview>();
    const interest = preview.stages.find((s) => s.key === 'interest');
    expect(interest).toMatchObject({ now: 0, after: 6, in: 'proposed' });
    expect(preview.stages.at(-1)).toMatchObject({ key: 'advocacy', in: 'current' });
    expect(preview.stages.find((s) => s.key === 'consideration')).toMatchObject({
      now: 6,
      after: 0,
      in: 'both',
    });
  });

  it('refuses invalid rules naming every bad field, with codes', async () => {
    const broken = structuredClone(DEFAULT_RULES) as {
      transitions: { to: string }[];
      stages: { key: string }[];
    };
    broken.transitions[0]!.to = 'purchse';
    broken.stages[1]!.key = 'awareness';
    const refused = await t.api('POST', '/journey/rules/preview', { rules: broken });
    expect(refused.statusCode).toBe(400);
    const body = refused.json<ErrorBody & { error: { details: { path: string; code: string }[] } }>();
    expect(body.error.code).toBe('invalid_rules');
    expect(body.error.details.map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([
        ['/stages/1/key', 'duplicate_stage'],
        ['/transitions/0/to', 'unknown_stage'],
      ]),
    );
    const validated = (await t.api('POST', '/journey/rules/validate', { rules: broken })).json<{
      errors: { path: string; code: string; params: Record<string, unknown> }[];
    }>();
    expect(validated.errors).toContainEqual(
      expect.objectContaining({
        path: '/transitions/0/to',
        code: 'unknown_stage',
        params: { key: 'purchse' },
      }),
    );
  });

  it('previews a large workspace on the same uniform sample every time, and says so', async () => {
    await aShop();
    const small = new RulesPreviewService(t.store, t.services.journey, () => T0, {
      maxCustomers: 4,
      budgetMs: 60_000,
    });
    const first = await small.preview(t.workspace.id, withoutProductViews());
    const again = await small.preview(t.workspace.id, withoutProductViews());
    expect(first.sample).toEqual({ customers: 4, totalCustomers: 10, sampled: true });
    const stagesOf = (p: typeof first) => p.stages.map((s) => [s.key, s.now, s.after]);
    expect(stagesOf(again)).toEqual(stagesOf(first));
    const sampledNow = first.stages.reduce((sum, s) => sum + s.now, 0) + first.withoutStage.now;
    expect(sampledNow).toBe(4);
  });
});
