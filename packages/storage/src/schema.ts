import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AccountTables } from './accounts.schema.ts';
import type { SalesTables } from './sales.schema.ts';
import type { ExperienceTables } from './experience.schema.ts';
import type { ReviewTables } from './review.schema.ts';
import type { ContentTables } from './content.schema.ts';
import type { InterviewTables } from './interview.schema.ts';
import type { CustomerValueTables } from './customer-value.schema.ts';
import type { AdSpendTables } from './ad-spend.schema.ts';
import type { LoyaltyTables } from './loyalty.schema.ts';
import type { PromotionTables } from './promotion.schema.ts';
import type { SegmentTables } from './segment.schema.ts';
import type { ReferralTables } from './referral.schema.ts';

/*
 * The tables, as Kysely sees them. Times are epoch milliseconds (UTC) in an integer column on both
 * dialects (bigint on PostgreSQL, parsed back to number), so the same code reads both.
 * JSON lives in text columns (`*_json`) on both dialects: it is stored and handed back whole, never queried.
 */

export interface WorkspaceTable {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  currency: string;
  created_at: number;
}

export interface ApiKeyTable {
  id: string;
  /** Null for an installation-wide admin key. */
  workspace_id: string | null;
  kind: 'write' | 'secret';
  name: string;
  /** The first characters of the key, shown in lists so a person can tell keys apart. */
  prefix: string;
  /** sha256 hex of the whole key; keys are 32 random bytes, so a plain digest is enough to look them up. */
  key_hash: string;
  /** For write keys: the channel of events that name none (a POS key says `store`). */
  default_channel: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  /** JSON array of the permissions a secret key holds (`["*"]`: all); write keys only ingest. */
  scopes_json: Generated<string>;
}

export interface CustomerTable {
  id: string;
  workspace_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  traits_json: string;
  first_seen_at: number;
  last_seen_at: number;
  /** Set when this customer was merged into another; such a row is kept so the merge can be undone. */
  merged_into: string | null;
  created_at: number;
  updated_at: number;
  /** When the person's data was erased (their rights under the personal data law); null otherwise. */
  erased_at: number | null;
}

export interface IdentityKeyTable {
  workspace_id: string;
  kind: string;
  value: string;
  customer_id: string;
  created_at: number;
}

export interface MergeTable {
  id: string;
  workspace_id: string;
  survivor_id: string;
  merged_id: string;
  /** JSON array of the identity keys that moved from the merged customer to the survivor. */
  keys_json: string;
  /** JSON of the merged customer's traits, restored on undo. */
  merged_traits_json: string;
  /** The message that revealed the two were one person. */
  cause_message_id: string | null;
  created_at: number;
  undone_at: number | null;
}

export interface EventTable {
  seq: Generated<number>;
  workspace_id: string;
  message_id: string;
  customer_id: string;
  type: string;
  name: string;
  channel: string;
  at: number;
  received_at: number;
  /** `kind:value` of the identity key that resolved the customer; lets a merge be undone event by event. */
  identity_key: string;
  properties_json: string;
  /** The outlet it happened at (`properties.branch_id` as sent), null when it names none. */
  branch_id: string | null;
  /** The rest of the message (context, traits, ids) as received, for export and replay. */
  payload_json: string;
}

export interface JourneyStateTable {
  workspace_id: string;
  customer_id: string;
  stage: string | null;
  status: string;
  /** Next time a time-driven rule may change this customer; the clock job reads this index. */
  due_at: number | null;
  /** Time and message id of the newest event applied: an older arrival replays the customer. */
  last_event_at: number;
  last_message_id: string;
  /** Since when the customer is in `stage` (null without a stage): who is stuck is a range of this index. */
  stage_entered_at: number | null;
  rules_version: number;
  state_json: string;
  updated_at: number;
  /** The channel of the customer's first touchpoint ('' until he has one): the journey pages filter on it. */
  first_channel: Generated<string>;
  /** The outlet of his latest event that named one ('' for none): the journey pages filter on it. */
  home_branch_id: Generated<string>;
}

export interface TransitionTable {
  id: Generated<number>;
  workspace_id: string;
  customer_id: string;
  kind: 'stage' | 'status';
  from_value: string | null;
  to_value: string;
  at: number;
  /** The message id that caused it, or `clock` for a time-driven change. */
  cause: string;
  /** Name, channel and outlet of the event that caused it; null for a time-driven change. */
  cause_name: string | null;
  channel: string | null;
  branch_id: string | null;
  /** When the customer entered `from_value` (null for a first entry): `at - since` is the time spent there. */
  since: number | null;
  /** The customer's first channel and branch at the move (see core's Transition); null when unknown. */
  first_channel: string | null;
  home_branch_id: string | null;
  /** For a stage move, the branch he had when he entered `from_value`: the visit's branch. */
  since_home_branch_id: string | null;
}

/**
 * A piece of feedback (a rating or a survey answer) or a negative experience, with the stage the
 * customer was in once the event was applied. One per event; replaced with the customer's transitions.
 */
export interface JourneySignalTable {
  workspace_id: string;
  customer_id: string;
  /** The event's message id. */
  cause: string;
  at: number;
  stage: string | null;
  name: string;
  channel: string;
  branch_id: string | null;
  /** `rating`, `nps`, `csat` or `ces` with its score; null for a negative experience without one. */
  measure: string | null;
  score: number | null;
  sentiment: 'positive' | 'neutral' | 'negative';
  /** 1 when the rules count the event as a negative experience (DESIGN §2.2), else 0. */
  negative: number;
  /** The customer's attribution once the event is applied, as on transitions ('' for none). */
  first_channel: string;
  home_branch_id: string;
}

/**
 * Moves per local day (the workspace's time zone), kept in step with `transitions` by TransitionRepository
 * in the same transaction: the journey pages sum a period's days instead of counting its transitions.
 * '' stands for none in the key columns (a first entry's from, an unknown channel, no branch).
 */
export interface JourneyDailyMovesTable {
  workspace_id: string;
  kind: 'stage' | 'status';
  /** Days since 1970-01-01 of the local date the move happened on. */
  day: number;
  from_value: string;
  to_value: string;
  first_channel: string;
  home_branch_id: string;
  moves: number;
}

/**
 * Stage visits that ended, per local day the visit began, with where the customer went and how long he
 * stayed (a bucket of `wait-histogram.ts`): the share that moved on and the median time it took.
 */
export interface JourneyDailyExitsTable {
  workspace_id: string;
  /** Days since 1970-01-01 of the local date the customer entered `stage`. */
  entry_day: number;
  stage: string;
  next_stage: string;
  first_channel: string;
  /** The branch the visit began at (`since_home_branch_id`). */
  home_branch_id: string;
  wait_bucket: number;
  exits: number;
}

/**
 * journey_daily_exits summed per calendar month the visits began in (`month`: the day number of its
 * first day), its key in the order a period's funnel groups by, so SQLite sums a year of it in one pass
 * without sorting. A long period reads its whole months here and the days at its ends from the daily table.
 */
export interface JourneyMonthlyExitsTable {
  workspace_id: string;
  stage: string;
  next_stage: string;
  wait_bucket: number;
  month: number;
  first_channel: string;
  home_branch_id: string;
  exits: number;
}

/** journey_daily_entries summed per calendar month, in group order (see JourneyMonthlyExitsTable). */
export interface JourneyMonthlyEntriesTable {
  workspace_id: string;
  dimension: EntryDimension;
  stage: string;
  value: string;
  month: number;
  first_channel: string;
  home_branch_id: string;
  entries: number;
}

/** journey_daily_moves per calendar month, in group order: the Sankey of a long period (see JourneyMonthlyExitsTable). */
export interface JourneyMonthlyMovesTable {
  workspace_id: string;
  kind: 'stage' | 'status';
  from_value: string;
  to_value: string;
  month: number;
  first_channel: string;
  home_branch_id: string;
  moves: number;
}

/**
 * Entries into each stage per ISO week (`week`: the day number of its Monday, local days), keyed in the
 * order the overview's weekly trend groups by: a period reads its whole weeks here and the days at its
 * ends from journey_daily_moves. Kept in step with `transitions` like the daily summaries.
 */
export interface JourneyWeeklyEntriesTable {
  workspace_id: string;
  week: number;
  stage: string;
  first_channel: string;
  home_branch_id: string;
  entries: number;
}

/**
 * The journey map's sentiment: journey signals per calendar month of their local day, stage ('' for
 * none), measure ('' for a negative experience without a score) and sentiment, with their scores added
 * up. Kept in step with journey_signals by JourneySignalRepository; a period reads its whole months here
 * and the signals of the days at its ends.
 */
export interface JourneyMonthlySignalsTable {
  workspace_id: string;
  stage: string;
  measure: string;
  sentiment: 'positive' | 'neutral' | 'negative';
  month: number;
  first_channel: string;
  home_branch_id: string;
  signals: number;
  score_sum: number;
}

/** The journey map's pain points: negative experiences per month, stage, touchpoint and branch. */
export interface JourneyMonthlyNegativesTable {
  workspace_id: string;
  stage: string;
  name: string;
  home_branch_id: string;
  month: number;
  first_channel: string;
  negatives: number;
}

/** What an entry into a stage is counted by in journey_daily_entries. */
export type EntryDimension = 'touchpoint' | 'channel';

/**
 * Entries into a stage per local day, by the touchpoint (the cause's event name) and, apart, by the
 * channel that caused them; '' for a move the clock made. Kept in step with `transitions` like the moves:
 * the journey map's "what brought them" rows sum a period's days.
 */
export interface JourneyDailyEntriesTable {
  workspace_id: string;
  dimension: EntryDimension;
  /** Days since 1970-01-01 of the local date of the entry. */
  day: number;
  stage: string;
  /** The touchpoint's name or the channel, by `dimension`. */
  value: string;
  first_channel: string;
  home_branch_id: string;
  entries: number;
}

/**
 * Customers per stage, status and attribution now, kept in step with journey_states by
 * JourneyStateRepository in the same transaction. '' stands for no stage.
 */
export interface JourneyNowCountsTable {
  workspace_id: string;
  first_channel: string;
  home_branch_id: string;
  stage: string;
  status: string;
  customers: number;
}

/** Workspaces whose journeys were stored before transitions carried attribution: rebuilt at start. */
export interface JourneyRebuildPendingTable {
  workspace_id: string;
}

export interface JourneyRulesTable {
  workspace_id: string;
  version: number;
  rules_json: string;
  created_at: number;
}

export interface QuarantineTable {
  id: Generated<number>;
  workspace_id: string;
  received_at: number;
  endpoint: string;
  batch_index: number | null;
  message_id: string | null;
  reason: string;
  payload_json: string;
}

export interface Database
  extends
    AccountTables,
    SalesTables,
    ExperienceTables,
    ReviewTables,
    ContentTables,
    InterviewTables,
    CustomerValueTables,
    AdSpendTables,
    LoyaltyTables,
    PromotionTables,
    SegmentTables,
    ReferralTables {
  workspaces: WorkspaceTable;
  api_keys: ApiKeyTable;
  customers: CustomerTable;
  identity_keys: IdentityKeyTable;
  merges: MergeTable;
  events: EventTable;
  journey_states: JourneyStateTable;
  transitions: TransitionTable;
  journey_signals: JourneySignalTable;
  journey_daily_moves: JourneyDailyMovesTable;
  journey_daily_exits: JourneyDailyExitsTable;
  journey_daily_entries: JourneyDailyEntriesTable;
  journey_monthly_exits: JourneyMonthlyExitsTable;
  journey_monthly_entries: JourneyMonthlyEntriesTable;
  journey_monthly_moves: JourneyMonthlyMovesTable;
  journey_weekly_entries: JourneyWeeklyEntriesTable;
  journey_monthly_signals: JourneyMonthlySignalsTable;
  journey_monthly_negatives: JourneyMonthlyNegativesTable;
  journey_rebuild_pending: JourneyRebuildPendingTable;
  journey_now_counts: JourneyNowCountsTable;
  journey_rules: JourneyRulesTable;
  quarantine: QuarantineTable;
}

export type Workspace = Selectable<WorkspaceTable>;
export type NewWorkspace = Insertable<WorkspaceTable>;
export type ApiKey = Selectable<ApiKeyTable>;
export type Customer = Selectable<CustomerTable>;
export type CustomerUpdate = Updateable<CustomerTable>;
export type StoredEvent = Selectable<EventTable>;
export type NewEvent = Insertable<EventTable>;
export type JourneyStateRow = Selectable<JourneyStateTable>;
export type TransitionRow = Selectable<TransitionTable>;
export type NewTransition = Insertable<TransitionTable>;
export type JourneySignalRow = Selectable<JourneySignalTable>;
export type NewJourneySignal = Insertable<JourneySignalTable>;
export type MergeRow = Selectable<MergeTable>;
export type QuarantineRow = Selectable<QuarantineTable>;
export type NewApiKey = Insertable<ApiKeyTable>;
export type NewCustomer = Insertable<CustomerTable>;
export type IdentityKeyRow = Selectable<IdentityKeyTable>;
export type NewIdentityKey = Insertable<IdentityKeyTable>;
export type NewJourneyState = Insertable<JourneyStateTable>;
export type NewMerge = Insertable<MergeTable>;
export type NewQuarantine = Insertable<QuarantineTable>;
export type JourneyRulesRow = Selectable<JourneyRulesTable>;
