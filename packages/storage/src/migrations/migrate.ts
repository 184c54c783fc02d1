import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './2026-11-24T0000-initial.ts';
import * as accounts from './2026-11-24T0100-accounts.ts';
import * as transitionSummary from './2026-11-24T0300-transition-summary-index.ts';
import * as sales from './2026-11-24T1910-sales.ts';
import * as experience from './2026-11-24T1930-experience.ts';
import * as customerRecency from './2026-11-24T1931-customer-recency-index.ts';
import * as journeyMap from './2026-11-24T1935-journey-map.ts';
import * as customerErasure from './2026-11-25T0001-customer-erasure.ts';
import * as branchArchive from './2026-11-24T1941-branch-archive.ts';
import * as journeyOverview from './2026-11-24T1952-journey-overview.ts';
import * as reviews from './2026-11-24T2040-reviews.ts';
import * as stageContent from './2026-11-24T2100-stage-content.ts';
import * as interviews from './2026-11-25T0400-interviews.ts';
import * as customerValue from './2026-11-25T0700-customer-value.ts';
import * as journeySignalAttribution from './2026-11-24T2050-journey-signal-attribution.ts';
import * as journeyNowCounts from './2026-11-24T2052-journey-now-counts.ts';
import * as importRefs from './2026-11-25T0300-import-refs.ts';
import * as loyalty from './2026-11-25T0500-loyalty.ts';
import * as promotions from './2026-11-25T0600-promotions.ts';
import * as journeyDailyEntries from './2026-11-25T0100-journey-daily-entries.ts';
import * as loyaltyPending from './2026-11-25T1100-loyalty-pending.ts';
import * as loyaltyMerges from './2026-11-25T1101-loyalty-merges.ts';
import * as loyaltyTierChanges from './2026-11-25T1102-loyalty-tier-changes.ts';
import * as loyaltyOrderTotal from './2026-11-25T1103-loyalty-order-total.ts';
import * as adSpend from './2026-11-25T1500-ad-spend.ts';
import * as segments from './2026-11-25T1400-segments.ts';
import * as referrals from './2026-11-25T1000-referrals.ts';
import * as journeyMonthlyMovesSignals from './2026-11-25T1600-journey-monthly-moves-signals.ts';
import * as customerValueRuns from './2026-11-25T1510-customer-value-runs.ts';
import * as journeyWeeklyEntries from './2026-11-25T1601-journey-weekly-entries.ts';

// Listed by hand rather than read from the folder, so migrations load the same under tsx, vitest and a bundler.
// Names sort in the order they run; add new ones at the end with a later timestamp.
const migrations: Record<string, Migration> = {
  '2026-11-24T0000-initial': initial,
  '2026-11-24T0100-accounts': accounts,
  '2026-11-24T0300-transition-summary-index': transitionSummary,
  '2026-11-24T1910-sales': sales,
  '2026-11-24T1930-experience': experience,
  '2026-11-24T1931-customer-recency-index': customerRecency,
  '2026-11-24T1935-journey-map': journeyMap,
  '2026-11-24T1941-branch-archive': branchArchive,
  '2026-11-24T1952-journey-overview': journeyOverview,
  '2026-11-24T2040-reviews': reviews,
  '2026-11-24T2050-journey-signal-attribution': journeySignalAttribution,
  '2026-11-24T2052-journey-now-counts': journeyNowCounts,
  '2026-11-24T2100-stage-content': stageContent,
  '2026-11-25T0001-customer-erasure': customerErasure,
  '2026-11-25T0100-journey-daily-entries': journeyDailyEntries,
  '2026-11-25T0300-import-refs': importRefs,
  '2026-11-25T0400-interviews': interviews,
  '2026-11-25T0500-loyalty': loyalty,
  '2026-11-25T0600-promotions': promotions,
  '2026-11-25T0700-customer-value': customerValue,
  '2026-11-25T1100-loyalty-pending': loyaltyPending,
  '2026-11-25T1101-loyalty-merges': loyaltyMerges,
  '2026-11-25T1102-loyalty-tier-changes': loyaltyTierChanges,
  '2026-11-25T1103-loyalty-order-total': loyaltyOrderTotal,
  '2026-11-25T1500-ad-spend': adSpend,
  '2026-11-25T1400-segments': segments,
  '2026-11-25T1000-referrals': referrals,
  '2026-11-25T1600-journey-monthly-moves-signals': journeyMonthlyMovesSignals,
  '2026-11-25T1510-customer-value-runs': customerValueRuns,
  '2026-11-25T1601-journey-weekly-entries': journeyWeeklyEntries,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Applies every migration not yet applied; a no-op when the schema is current. Throws the first failure. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  // Engineers work in parallel, each in a reserved range of names: a migration may land after one whose
  // name sorts later and is already applied somewhere. Each runs once either way.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
}
