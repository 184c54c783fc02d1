import type { Insertable, Selectable } from 'kysely';

/* Saved rule-based segments, their current members, and a daily count of members for the trend. */

export interface SegmentTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  /** The rules (see validateSegmentRules in @jejak/core), validated when saved. */
  rules_json: string;
  created_at: number;
  updated_at: number;
}

export interface SegmentMemberTable {
  workspace_id: string;
  segment_id: string;
  customer_id: string;
  entered_at: number;
}

/** When a customer's membership can next change by time alone (a "last N days" window): the job's index. */
export interface SegmentDueTable {
  workspace_id: string;
  customer_id: string;
  due_at: number;
}

export interface SegmentDailyCountTable {
  workspace_id: string;
  segment_id: string;
  /** The local day (workspace time zone), YYYY-MM-DD. */
  day: string;
  members: number;
}

export interface SegmentTables {
  segments: SegmentTable;
  segment_members: SegmentMemberTable;
  segment_due: SegmentDueTable;
  segment_daily_counts: SegmentDailyCountTable;
}

export type Segment = Selectable<SegmentTable>;
export type NewSegment = Insertable<SegmentTable>;
export type SegmentMember = Selectable<SegmentMemberTable>;
