import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { BranchRepository } from '@jejak/storage';
import { HttpError } from '@jejak/server';
import { COFFEE_CHAIN, simulateBusiness, type BusinessProfile } from '../demo/index.ts';
import { EXPERIENCE_EVENTS, ExperienceReplay } from '../demo/experience.replay.ts';
import { FEEDBACK_EVENTS, FeedbackReplay } from '../demo/feedback.replay.ts';
import { seedDemoPromotions } from '../demo/promotions.demo.ts';
import { CounterSales, isCounterSale } from '../demo/counter-sales.replay.ts';
import { fail, printJson, withServices } from '../context.ts';
import { parseDate, parsePositiveInt } from './options.ts';

const DAY_MS = 86_400_000;
const JAKARTA_OFFSET_MS = 7 * 3_600_000;
const BATCH = 500;

/** Midnight in Jakarta (UTC+7, no daylight saving) of the day that contains `at`. */
function jakartaMidnight(at: number): number {
  return Math.floor((at + JAKARTA_OFFSET_MS) / DAY_MS) * DAY_MS - JAKARTA_OFFSET_MS;
}

/**
 * The coffee chain with its outlets given ids of this workspace (branch ids are unique across the
 * installation, and a second demo must not collide with the first): the sales name them by id.
 */
function withOwnBranches(business: BusinessProfile, slug: string): BusinessProfile {
  const prefix = slug.slice(0, 48);
  return {
    ...business,
    branches: business.branches.map((b) => ({ ...b, id: `${prefix}-${b.code.toLowerCase()}` })),
  };
}

function dashboardHint(owners: number): string {
  return owners > 0
    ? `Everyone who owns a workspace here (${owners}) owns this one too: sign in at http://127.0.0.1:3000 to see it.`
    : 'Open http://127.0.0.1:3000 after npm start and create the first account: this workspace will be yours.';
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Create a demo business: Kopi Nusantara, a coffee chain with outlets in Jakarta and Bandung, ' +
        'and a year of its customers (ads, visits, WhatsApp inquiries, sales, repeat buyers, referrals)',
    )
    .option('--seed <n>', 'seed of the simulation: the same seed gives the same data', parsePositiveInt, 42)
    .option('--customers <n>', 'people who come across the business over the period', parsePositiveInt, 3000)
    .option('--days <n>', 'length of the simulated period in days', parsePositiveInt, 365)
    .option(
      '--end <date>',
      'last simulated day (default: today); pass it to get byte-identical data on another day',
      parseDate,
    )
    .option('--slug <slug>', 'slug of the demo workspace', 'kopi-nusantara')
    .option('--json', 'print the result as JSON and no progress bar')
    .action(
      async (options: {
        seed: number;
        customers: number;
        days: number;
        end?: number;
        slug: string;
        json?: boolean;
      }) => {
        await withServices(async (services) => {
          if (await services.workspaces.find(options.slug)) {
            fail(`a workspace '${options.slug}' already exists; pass --slug <another> for a second demo`);
          }
          const workspace = await services.workspaces.create({ name: 'Kopi Nusantara', slug: options.slug });
          const write = await services.keys.create({
            workspaceId: workspace.id,
            kind: 'write',
            name: 'demo data',
          });
          const owners = await services.accounts.shareWithOwners(workspace.id);
          const business = withOwnBranches(COFFEE_CHAIN, workspace.slug);
          // The outlets the simulated sales happen at, so the dashboard can filter the journey by them.
          for (const branch of business.branches) {
            await new BranchRepository(services.store.db).create({
              id: branch.id,
              workspace_id: workspace.id,
              name: branch.name,
              address: branch.city,
              timezone: workspace.timezone,
              currency: workspace.currency,
              created_at: services.now(),
            });
          }
          const end = jakartaMidnight(options.end ?? services.now()) + DAY_MS;
          const start = end - options.days * DAY_MS;
          const bar = options.json
            ? undefined
            : new SingleBar(
                { format: 'Demo {bar} {value}/{total} days | {events} events' },
                Presets.shades_classic,
              );
          bar?.start(options.days, 0, { events: 0 });
          let events = 0;
          let rejected = 0;
          const days = simulateBusiness({
            seed: options.seed,
            customers: options.customers,
            start,
            days: options.days,
            business,
          });
          // Tickets and survey answers go through the experience services, which emit their own events.
          const replay = new ExperienceReplay(
            services,
            workspace.id,
            business.branches.map((b) => b.id),
          );
          await replay.setUp(start, end);
          // Reviews, stage content and interview notes go through their own modules too.
          const feedback = new FeedbackReplay(services, workspace.id, business, end);
          await feedback.setUp(start);
          // Sales at the outlets' counters go through the order service, as a till's would.
          const counter = new CounterSales(
            services,
            workspace.id,
            business,
            options.seed,
            Math.max(1, Math.round(options.customers / 600)),
          );
          await counter.setUp(start);
          const ingest = async (messages: readonly unknown[]) => {
            for (let i = 0; i < messages.length; i += BATCH) {
              const result = await services.ingest.ingest(write.row, messages.slice(i, i + BATCH), {
                endpoint: 'jejak demo',
              });
              events += result.accepted;
              rejected += result.rejected.length;
            }
          };
          for (const day of days) {
            const eventOf = (m: unknown) => String((m as { event?: unknown }).event);
            const isExperience = (m: unknown) => EXPERIENCE_EVENTS.has(eventOf(m));
            const isFeedback = (m: unknown) => FEEDBACK_EVENTS.has(eventOf(m));
            const isRefund = (m: unknown) => eventOf(m) === 'Order Refunded';
            // Purchases earn their points in the points program itself: counter sales in the order
            // service, online orders as they are ingested. The simulation's own are left out.
            const isCounterPoints = (m: unknown) =>
              eventOf(m) === 'Points Earned' &&
              (m as { properties?: { reason?: unknown } }).properties?.reason === 'purchase';
            await ingest(
              day.messages.filter(
                (m) =>
                  !isExperience(m) &&
                  !isFeedback(m) &&
                  !isCounterSale(m) &&
                  !isRefund(m) &&
                  !isCounterPoints(m),
              ),
            );
            await counter.day(day.start, day.messages.filter(isCounterSale));
            const refunds = day.messages.filter(isRefund);
            const elsewhere = [];
            for (const m of refunds) if (!(await counter.refundSimulated(m))) elsewhere.push(m);
            await ingest(elsewhere);
            for (const message of day.messages.filter(isExperience)) await replay.handle(message);
            await feedback.handleDay(day.messages);
            bar?.update(day.index + 1, { events });
          }
          await counter.finish(end);
          // After the history: the promotions are for sales from now on, not for the simulated year's.
          await seedDemoPromotions(services, workspace.id);
          const tickets = await replay.finish(Math.min(end, services.now()));
          bar?.stop();
          const advanced = await services.journey.advanceDue();
          // The year's counter sales to known customers are enough to fit the customer value models.
          const customerValue = await services.customerValue.fit(workspace.id).catch((error: unknown) => {
            if (error instanceof HttpError && error.code === 'not_enough_history') return null;
            throw error;
          });
          const secret = await services.keys.create({
            workspaceId: workspace.id,
            kind: 'secret',
            name: 'demo',
          });
          const overview = await services.journeyQueries.overview(workspace.id);
          const result = {
            workspace,
            events,
            sales: counter.counts,
            referrals: counter.referrals.counts,
            rejected,
            tickets,
            feedback: feedback.counts,
            advanced,
            customerValue: customerValue && {
              customers: customerValue.customers,
              repeatCustomers: customerValue.repeatCustomers,
              holdout: customerValue.holdout && {
                weeks: customerValue.holdout.weeks,
                predicted: customerValue.holdout.predicted,
                actual: customerValue.holdout.actual,
              },
            },
            owners,
            secretKey: secret.key,
            writeKey: write.key,
            overview,
          };
          if (options.json) return printJson(result);
          process.stdout.write(
            `\nCreated ${workspace.name} (${workspace.slug}, id ${workspace.id}) with ${events} events` +
              `${rejected ? ` (${rejected} refused, see the quarantine)` : ''}, ` +
              `${counter.counts.orders} counter sales (${counter.counts.guests} to guests), ` +
              `${counter.counts.refunds} refunds and ${counter.counts.voids} voids; ` +
              `${counter.referrals.counts.referred} friends referred (${counter.referrals.counts.rewarded} rewarded).\n` +
              (customerValue
                ? `Customer value predicted for ${customerValue.customers} buyers (${customerValue.repeatCustomers} bought again).\n\n`
                : '\n') +
              `Customers per stage now:\n` +
              overview.stages
                .map((s) => `  ${s.label.id.padEnd(14)} ${String(s.customers).padStart(7)}`)
                .join('\n') +
              `\n\n${dashboardHint(owners)}\n` +
              `\nA secret key for this workspace (shown once):\n  ${secret.key}\n\n` +
              `Start the server (npm start) and try:\n` +
              `  curl -H "Authorization: Bearer ${secret.key}" http://127.0.0.1:3000/api/v1/workspaces/${workspace.id}/journey/overview\n`,
          );
        });
      },
    );
}
