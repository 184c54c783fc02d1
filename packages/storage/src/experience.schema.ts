import type { Generated, Insertable, Selectable } from 'kysely';

/*
 * The tables of the experience module: support tickets with their messages and response targets,
 * opening hours and holidays, signed inbound deliveries, and surveys with their links and answers.
 * Lists and objects the database never filters on live in `*_json` text columns.
 */

export interface SupportSettingsTable {
  workspace_id: string;
  /** Response targets per priority (core's TargetPolicies). */
  targets_json: string;
  /** The HMAC-SHA256 secret inbound webhooks sign with; null until the owner creates one. */
  webhook_secret: string | null;
  /** The next ticket number, taken under the row's lock so numbers never repeat. */
  next_ticket_number: number;
  updated_at: number;
}

/** Opening hours of a branch, or of the whole business under branch_id `*` (used where a branch has none). */
export interface BusinessHoursTable {
  workspace_id: string;
  branch_id: string;
  /** core's WeekHours: per weekday open, close and an optional break. */
  week_json: string;
  updated_at: number;
}

export interface HolidayTable {
  id: string;
  workspace_id: string;
  /** Null: closed at every branch. */
  branch_id: string | null;
  /** Local date YYYY-MM-DD in the branch's time zone. */
  date: string;
  name: string;
  created_at: number;
}

export interface TicketTable {
  id: string;
  workspace_id: string;
  /** Per workspace, from 1: what staff say to each other ("tiket 42"). */
  number: number;
  subject: string;
  customer_id: string;
  branch_id: string | null;
  /** A user id. */
  assignee_id: string | null;
  priority: string;
  status: string;
  category: string;
  /** Where it came in: whatsapp, phone, email, chat, store, web. */
  channel: string;
  tags_json: string;
  /** The provider's conversation id, so later messages of the same chat join the open ticket. */
  conversation_key: string | null;
  created_at: number;
  updated_at: number;
  first_response_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  csat_score: number | null;
}

export interface TicketMessageTable {
  id: string;
  workspace_id: string;
  ticket_id: string;
  /** customer: from the customer; reply: to the customer; note: staff only. */
  kind: 'customer' | 'reply' | 'note';
  author_id: string | null;
  author_label: string;
  body: string;
  created_at: number;
}

/** One response target of one ticket (core's TargetClockState). */
export interface TicketTargetTable {
  workspace_id: string;
  ticket_id: string;
  kind: string;
  clock: string;
  budget_ms: number;
  state: string;
  running_since: number;
  used_ms: number;
  /** Set while running: the target job reads (state, due_at). */
  due_at: number | null;
  ended_at: number | null;
}

/** Delivery ids of accepted inbound webhooks: a second delivery with the same id is a replay. */
export interface InboundDeliveryTable {
  workspace_id: string;
  delivery_id: string;
  ticket_id: string;
  received_at: number;
}

export interface SurveyTable {
  id: string;
  workspace_id: string;
  name: string;
  kind: string;
  status: 'active' | 'closed';
  /** core's SurveyQuestion[]. */
  questions_json: string;
  /** `{id, en}` shown above the questions, or null. */
  intro_json: string | null;
  /** The token of the general link (and of its QR code and receipt link). */
  general_token: string;
  /** `ticket_csat` for the survey sent when a ticket is resolved; null for the owner's own. */
  purpose: string | null;
  created_at: number;
  updated_at: number;
}

/** A personal link: one customer, one answer. */
export interface SurveyLinkTable {
  token: string;
  workspace_id: string;
  survey_id: string;
  customer_id: string;
  ticket_id: string | null;
  created_at: number;
  viewed_at: number | null;
  answered_at: number | null;
}

export interface SurveyViewTable {
  id: Generated<number>;
  workspace_id: string;
  survey_id: string;
  /** general, qr or receipt. */
  via: string;
  at: number;
}

export interface SurveyResponseTable {
  id: string;
  workspace_id: string;
  survey_id: string;
  /** Unique: the database refuses a second answer through one personal link, even in a race. */
  link_token: string | null;
  customer_id: string | null;
  /** personal, general, qr or receipt. */
  via: string;
  score: number | null;
  answers_json: string;
  comment: string | null;
  language: string;
  ticket_id: string | null;
  branch_id: string | null;
  agent_id: string | null;
  submitted_at: number;
}

export interface ExperienceTables {
  support_settings: SupportSettingsTable;
  business_hours: BusinessHoursTable;
  holidays: HolidayTable;
  tickets: TicketTable;
  ticket_messages: TicketMessageTable;
  ticket_targets: TicketTargetTable;
  inbound_deliveries: InboundDeliveryTable;
  surveys: SurveyTable;
  survey_links: SurveyLinkTable;
  survey_views: SurveyViewTable;
  survey_responses: SurveyResponseTable;
}

export type SupportSettingsRow = Selectable<SupportSettingsTable>;
export type BusinessHoursRow = Selectable<BusinessHoursTable>;
export type Holiday = Selectable<HolidayTable>;
export type NewHoliday = Insertable<HolidayTable>;
export type Ticket = Selectable<TicketTable>;
export type NewTicket = Insertable<TicketTable>;
export type TicketMessage = Selectable<TicketMessageTable>;
export type NewTicketMessage = Insertable<TicketMessageTable>;
export type TicketTarget = Selectable<TicketTargetTable>;
export type Survey = Selectable<SurveyTable>;
export type NewSurvey = Insertable<SurveyTable>;
export type SurveyLink = Selectable<SurveyLinkTable>;
export type NewSurveyLink = Insertable<SurveyLinkTable>;
export type SurveyResponse = Selectable<SurveyResponseTable>;
export type NewSurveyResponse = Insertable<SurveyResponseTable>;
