import type { Insertable, Selectable } from 'kysely';

/* Interviews: notes from conversations with customers, tagged and searchable. */

export interface InterviewNoteTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  /** The user who wrote it; null when a secret key did. */
  author_id: string | null;
  /** The author's name (or the key's) when written, so the list needs no join and survives a removal. */
  author_name: string;
  /** The journey stage the conversation was about (a stage key of the workspace's rules). */
  stage: string;
  /** How the conversation took place: a channel of DESIGN §2.3 (store, phone, whatsapp, ...). */
  channel: string;
  title: string;
  body: string;
  /** Lower-case tags, as a JSON array; interview_tags holds them for filtering. */
  tags_json: string;
  interviewed_at: number;
  created_at: number;
  updated_at: number;
}

/** One tag of one note: what the tag filter and the tag counts read. */
export interface InterviewTagTable {
  workspace_id: string;
  tag: string;
  note_id: string;
}

/** One folded word of a note's title, body or tags (see searchTerms in core): the search index. */
export interface InterviewTermTable {
  workspace_id: string;
  term: string;
  note_id: string;
}

export interface InterviewTables {
  interview_notes: InterviewNoteTable;
  interview_tags: InterviewTagTable;
  interview_terms: InterviewTermTable;
}

export type InterviewNote = Selectable<InterviewNoteTable>;
export type NewInterviewNote = Insertable<InterviewNoteTable>;
