import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, startServerProcess, tempDataDir } from '../../../e2e/server-process.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'packages', 'cli', 'src', 'main.ts');
const run = promisify(execFile);

interface DemoResult {
  workspace: { id: string; slug: string };
  events: number;
  sales: {
    orders: number;
    guests: number;
    customers: number;
    refunds: number;
    voids: number;
    redemptions: number;
  };
  customerValue: {
    customers: number;
    repeatCustomers: number;
    holdout: { predicted: number; actual: number } | null;
  } | null;
  rejected: number;
  secretKey: string;
}

interface JourneyMap {
  stages: {
    key: string;
    content: { views: number };
    sentiment: {
      signals: number;
      net: number | null;
      negative: number;
      measures: { measure: string; answers: number }[];
    };
    pains: {
      dropOff: { lost: number } | null;
      negatives: { total: number; touchpoints: { name: string; count: number }[] };
    };
  }[];
}

interface Overview {
  customers: number;
  stages: { key: string; customers: number }[];
}

/** `jejak demo`, then the overview through the API of a server started on the same data, as a user would. */
describe('jejak demo', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  const demo = async (...args: string[]) => {
    const { stdout } = await run(TSX, [MAIN, 'demo', '--json', '--end', '2026-11-23', ...args], {
      cwd: ROOT,
      env: { ...process.env, JEJAK_DATA_DIR: data.dir, JEJAK_LOG_LEVEL: 'warn' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout) as DemoResult;
  };

  it('creates a coffee chain whose journey narrows from awareness to advocacy', async () => {
    const result = await demo('--customers', '1200');
    expect(result.rejected).toBe(0);
    expect(result.events).toBeGreaterThan(10_000);

    const server = await startServerProcess(data.dir);
    try {
      const api = apiClient(server.url, result.secretKey);
      const overview = await api.get<Overview>(`/api/v1/workspaces/${result.workspace.id}/journey/overview`);
      const count = Object.fromEntries(overview.stages.map((s) => [s.key, s.customers]));
      // Most people only come across the business; fewer consider it, fewer again buy and come back.
      // Purchase is a short stay: after three days without news the buyer moves on to experience.
      expect(count.awareness).toBeGreaterThan(overview.customers * 0.3);
      expect(count.consideration).toBeLessThan(count.awareness!);
      expect(count.experience).toBeLessThan(count.consideration!);
      expect(count.retention).toBeLessThan(count.experience!);
      expect(count.advocacy).toBeLessThan(count.retention!);
      expect(count.advocacy).toBeGreaterThan(0);
      expect(count.purchase).toBeLessThan(count.experience!);

      // The outlets the sales name exist as branches, and the journey pages filter by them.
      const base = `/api/v1/workspaces/${result.workspace.id}`;
      const branches = await api.get<{ items: { id: string; name: string }[] }>(`${base}/branches`);
      expect(branches.items.map((b) => b.name)).toContain('Kopi Nusantara Kemang');
      const atOne = await api.get<Overview>(`${base}/journey/overview?branch=${branches.items[0]!.id}`);
      expect(atOne.customers).toBeGreaterThan(0);

      // The chain runs a weekday happy hour and a welcome voucher at its counters.
      const promotions = await api.get<{ items: { name: string; trigger: string; codes: number }[] }>(
        `${base}/promotions`,
      );
      // Both are created in the same instant, so the newest-first list may hold them either way round.
      expect(promotions.items.map((p) => [p.name, p.trigger, p.codes]).sort()).toEqual([
        ['Happy hour sore', 'automatic', 0],
        ['Selamat datang', 'code', 1],
      ]);
      expect(atOne.customers).toBeLessThan(overview.customers);

      // A year of counter sales through the order service, at all three outlets, in the business reports.
      expect(result.sales.customers).toBeGreaterThan(1000);
      expect(result.sales.guests).toBeGreaterThan(1000);
      const year = 'from=2025-11-24&to=2026-11-23';
      const byBranch = await api.get<{
        rows: { name: string; orders: number; netSales: number; margin: number }[];
      }>(`${base}/reports/branches?${year}`);
      expect(byBranch.rows.map((r) => r.name).sort()).toEqual([
        'Kopi Nusantara Dago',
        'Kopi Nusantara Kemang',
        'Kopi Nusantara Menteng',
      ]);
      for (const row of byBranch.rows) {
        expect(row.orders, row.name).toBeGreaterThan(300);
        expect(row.margin, row.name).toBeGreaterThan(0.4);
      }
      const months = await api.get<{
        rows: { orders: number }[];
        totals: { orders: number; refunds: number };
      }>(`${base}/reports/sales?${year}&interval=month`);
      expect(months.rows).toHaveLength(13);
      expect(months.rows.filter((m) => m.orders > 0).length).toBeGreaterThanOrEqual(12);
      expect(months.totals.orders).toBeGreaterThan(result.sales.orders * 0.98);
      expect(months.totals.refunds).toBeGreaterThan(10);
      const payments = await api.get<{ rows: { method: string }[] }>(`${base}/reports/payments?${year}`);
      expect(payments.rows.map((r) => r.method)).toEqual(
        expect.arrayContaining(['cash', 'qris', 'gopay', 'ovo', 'debit_card', 'credit_card']),
      );
      const stock = await api.get<{ rows: { branchName: string; costValue: number }[] }>(
        `${base}/reports/stock-value`,
      );
      expect(new Set(stock.rows.filter((r) => r.costValue > 0).map((r) => r.branchName)).size).toBe(3);
      // The points program ran all year at the counters: members in more than one tier, points redeemed.
      const points = await api.get<{ redeemed: number; tiers: { key: string | null; customers: number }[] }>(
        `${base}/loyalty/results?from=2025-11-24T00:00:00Z&to=2026-11-24T00:00:00Z`,
      );
      expect(points.tiers.filter((t) => t.key !== null && t.customers > 0).length).toBeGreaterThan(1);
      expect(points.redeemed).toBeGreaterThan(0);
      expect(result.sales.redemptions).toBeGreaterThan(0);
      // The referral program ran too: friends converted, a refunded first order cancelled, own codes refused.
      const referrals = await api.get<{ byStatus: Record<string, number>; refusals: { reason: string }[] }>(
        `${base}/referrals/results?from=2025-11-24T00:00:00Z&to=2026-11-24T00:00:00Z`,
      );
      expect(referrals.byStatus.rewarded).toBeGreaterThan(0);
      expect(referrals.byStatus.cancelled).toBeGreaterThan(0);
      expect(referrals.refusals.map((r) => r.reason)).toContain('self_customer');
      const employees = await api.get<{ rows: { name: string }[] }>(`${base}/reports/employees?${year}`);
      expect(employees.rows.length).toBeGreaterThanOrEqual(9);

      // The demo fits the customer value models on those sales; every buyer gets a prediction.
      expect(result.customerValue?.repeatCustomers).toBeGreaterThan(100);
      const predicted = await api.get<{ total: number }>(
        `${base}/analytics/customer-value/customers?limit=1`,
      );
      expect(predicted.total).toBe(result.customerValue!.customers);
      const rfm = await api.get<{ customers: number }>(`${base}/analytics/rfm`);
      expect(rfm.customers).toBe(result.customerValue!.customers);

      // Tickets and surveys are real records, played through the experience services at their times.
      const tickets = await api.get<{ items: { status: string; targets: { state: string }[] }[] }>(
        `${base}/tickets?status=resolved`,
      );
      expect(tickets.items.length).toBeGreaterThan(10);
      expect(
        tickets.items.every((t) => t.targets.every((x) => x.state === 'met' || x.state === 'missed')),
      ).toBe(true);
      const surveys = await api.get<{ items: { id: string; kind: string }[] }>(`${base}/surveys`);
      const nps = surveys.items.find((s) => s.kind === 'nps')!;
      const results = await api.get<{ summary: { responses: number; score: number } }>(
        `${base}/surveys/${nps.id}/results?from=2025-11-01T00:00:00Z&to=2026-11-24T00:00:00Z`,
      );
      expect(results.summary.responses).toBeGreaterThan(10);
      expect(results.summary.score).toBeGreaterThan(-100);

      // Reviews, stage content and interviews are real records too, and the journey map reads them.
      const reviews = await api.get<{ items: { status: string; reply: string | null; rating: number }[] }>(
        `${base}/reviews?limit=500`,
      );
      const statuses = new Set(reviews.items.map((r) => r.status));
      expect([...statuses].sort()).toEqual(['approved', 'hidden', 'pending']);
      expect(reviews.items.some((r) => r.reply !== null)).toBe(true);
      expect(new Set(reviews.items.map((r) => r.rating)).size).toBeGreaterThanOrEqual(3);
      const ratings = await api.get<{ items: unknown[] }>(`${base}/reviews/ratings`);
      expect(ratings.items.length).toBeGreaterThan(3);
      const views = await api.get<{ byStage: { stage: string; views: number }[]; byCustomer: unknown[] }>(
        `${base}/content/views?from=2025-11-01T00:00:00Z&to=2026-11-24T00:00:00Z`,
      );
      expect(views.byStage.find((s) => s.stage === 'consideration')?.views).toBeGreaterThan(10);
      expect(views.byCustomer.length).toBeGreaterThan(5);
      const notes = await api.get<{ items: { stage: string; tags: string[] }[] }>(`${base}/interviews`);
      expect(notes.items.length).toBeGreaterThan(3);
      expect(new Set(notes.items.map((n) => n.stage))).toEqual(new Set(['experience', 'consideration']));
      const tag = notes.items[0]!.tags[0]!;
      const tagged = await api.get<{ items: { tags: string[] }[] }>(
        `${base}/interviews?tag=${encodeURIComponent(tag)}`,
      );
      expect(tagged.items.length).toBeGreaterThan(0);
      expect(tagged.items.every((n) => n.tags.includes(tag))).toBe(true);

      const map = await api.get<JourneyMap>(`${base}/journey/map?from=2025-11-24&to=2026-11-23`);
      const stage = (key: string) => map.stages.find((s) => s.key === key)!;
      // Sentiment: the experience stage hears ratings, surveys and bad experiences, with a net score.
      const experience = stage('experience').sentiment;
      expect(experience.signals).toBeGreaterThan(20);
      expect(experience.net).not.toBeNull();
      expect(experience.negative).toBeGreaterThan(0);
      expect(experience.measures.map((m) => m.measure)).toContain('rating');
      const measures = map.stages.flatMap((s) => s.sentiment.measures.map((m) => m.measure));
      expect(measures).toEqual(expect.arrayContaining(['rating', 'csat', 'nps']));
      // Pain points: customers leave between stages, bad experiences are counted by touchpoint.
      expect(map.stages.some((s) => s.pains.dropOff !== null && s.pains.dropOff.lost > 0)).toBe(true);
      const negatives = map.stages.flatMap((s) => s.pains.negatives.touchpoints.map((t) => t.name));
      expect(negatives).toEqual(
        expect.arrayContaining(['Ticket Opened', 'Survey Responded', 'Response Target Missed']),
      );
      expect(stage('consideration').content.views).toBeGreaterThan(10);
    } finally {
      await server.stop();
    }
  }, 300_000);

  it('gives the same data for the same seed, and refuses a second demo under the same slug', async () => {
    // A quarter is enough to compare; a year each would only take longer.
    const second = await demo('--customers', '1200', '--days', '90', '--slug', 'kopi-kedua');
    const first = await demo('--customers', '1200', '--days', '90', '--slug', 'kopi-ketiga');
    expect(second.events).toBe(first.events);
    expect(second.sales).toEqual(first.sales);
    await expect(demo('--customers', '10', '--slug', 'kopi-kedua')).rejects.toThrow(/already exists/);
  }, 300_000);
});
