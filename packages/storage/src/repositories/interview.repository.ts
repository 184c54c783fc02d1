import type { InterviewNote, NewInterviewNote } from '../interview.schema.ts';
import { chunks, type Executor } from './executor.ts';
import { decodeCursor, toPage, type Page, type PageOptions } from './page.ts';

/** A note as the list shows it: with its customer's name. */
export type InterviewListItem = InterviewNote & { customer_name: string | null };

/** A query word as the term range it matches (see prefixRange in core). */
export interface TermRange {
  from: string;
  to: string;
}

export interface InterviewSearch extends PageOptions {
  /** Every range must match a term of the note (words are ANDed). */
  words?: readonly TermRange[];
  tag?: string;
  stage?: string;
  /** The customer's profile ids (his own and those merged into him). */
  customerIds?: readonly string[];
  authorId?: string;
  /** Interviewed in [from, to). */
  from?: number;
  to?: number;
}

export interface TagCount {
  tag: string;
  notes: number;
}

type NoteChanges = Partial<
  Pick<InterviewNote, 'stage' | 'channel' | 'title' | 'body' | 'tags_json' | 'interviewed_at'>
> & { updated_at: number };

/** Interview notes, their tags and their search terms, kept together by the caller's transaction. */
export class InterviewRepository {
  constructor(private readonly db: Executor) {}

  async create(
    row: NewInterviewNote,
    tags: readonly string[],
    terms: readonly string[],
  ): Promise<InterviewNote> {
    const note = await this.db
      .insertInto('interview_notes')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.index(row.workspace_id, note.id, tags, terms);
    return note;
  }

  get(workspaceId: string, id: string): Promise<InterviewNote | undefined> {
    return this.db
      .selectFrom('interview_notes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Changes a note; with `index`, its tags and terms are replaced too. */
  async update(
    workspaceId: string,
    id: string,
    changes: NoteChanges,
    index?: { tags: readonly string[]; terms: readonly string[] },
  ): Promise<InterviewNote | undefined> {
    const note = await this.db
      .updateTable('interview_notes')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (note && index) {
      await this.unindex(workspaceId, [id]);
      await this.index(workspaceId, id, index.tags, index.terms);
    }
    return note;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    await this.unindex(workspaceId, [id]);
    const result = await this.db
      .deleteFrom('interview_notes')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The notes matching every filter, the most recent interview first. */
  async search(workspaceId: string, o: InterviewSearch): Promise<Page<InterviewListItem>> {
    let query = this.db
      .selectFrom('interview_notes as n')
      .leftJoin('customers as c', (join) =>
        join.onRef('c.workspace_id', '=', 'n.workspace_id').onRef('c.id', '=', 'n.customer_id'),
      )
      .selectAll('n')
      .select('c.name as customer_name')
      .where('n.workspace_id', '=', workspaceId);
    for (const word of o.words ?? []) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('interview_terms as w')
            .select('w.note_id')
            .where('w.workspace_id', '=', workspaceId)
            .where('w.term', '>=', word.from)
            .where('w.term', '<', word.to)
            .whereRef('w.note_id', '=', 'n.id'),
        ),
      );
    }
    if (o.tag !== undefined) {
      const tag = o.tag;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('interview_tags as g')
            .select('g.note_id')
            .where('g.workspace_id', '=', workspaceId)
            .where('g.tag', '=', tag)
            .whereRef('g.note_id', '=', 'n.id'),
        ),
      );
    }
    if (o.stage !== undefined) query = query.where('n.stage', '=', o.stage);
    if (o.customerIds !== undefined) {
      if (o.customerIds.length === 0) return { items: [], nextCursor: null };
      query = query.where('n.customer_id', 'in', [...o.customerIds]);
    }
    if (o.authorId !== undefined) query = query.where('n.author_id', '=', o.authorId);
    if (o.from !== undefined) query = query.where('n.interviewed_at', '>=', o.from);
    if (o.to !== undefined) query = query.where('n.interviewed_at', '<', o.to);
    if (o.cursor) {
      const after = decodeCursor(o.cursor, 'string');
      query = query.where((eb) =>
        eb(eb.refTuple('n.interviewed_at', 'n.id'), '<', eb.tuple(after.at, after.id)),
      );
    }
    const rows = await query
      .orderBy('n.interviewed_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(o.limit + 1)
      .execute();
    const items = rows;
    return toPage(items, o.limit, (row) => ({ at: row.interviewed_at, id: row.id }));
  }

  /** Every tag in use with how many notes carry it, the most used first. */
  async tagCounts(workspaceId: string): Promise<TagCount[]> {
    const rows = await this.db
      .selectFrom('interview_tags')
      .select((eb) => ['tag', eb.fn.countAll<number | string>().as('notes')])
      .where('workspace_id', '=', workspaceId)
      .groupBy('tag')
      .orderBy('notes', 'desc')
      .orderBy('tag')
      .execute();
    return rows.map((r) => ({ tag: r.tag, notes: Number(r.notes) }));
  }

  /** All notes about these profiles, oldest first (a person's data export). */
  forCustomers(workspaceId: string, customerIds: readonly string[]): Promise<InterviewNote[]> {
    if (customerIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('interview_notes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', [...customerIds])
      .orderBy('interviewed_at')
      .execute();
  }

  /** Deletes every note about these profiles (a person's erasure); answers how many. */
  async eraseCustomers(workspaceId: string, customerIds: readonly string[]): Promise<number> {
    const notes = await this.forCustomers(workspaceId, customerIds);
    for (const ids of chunks(notes.map((n) => n.id))) {
      await this.unindex(workspaceId, ids);
      await this.db
        .deleteFrom('interview_notes')
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids)
        .execute();
    }
    return notes.length;
  }

  private async index(
    workspaceId: string,
    noteId: string,
    tags: readonly string[],
    terms: readonly string[],
  ): Promise<void> {
    for (const part of chunks(tags.map((tag) => ({ workspace_id: workspaceId, tag, note_id: noteId })))) {
      await this.db.insertInto('interview_tags').values(part).execute();
    }
    for (const part of chunks(terms.map((term) => ({ workspace_id: workspaceId, term, note_id: noteId })))) {
      await this.db.insertInto('interview_terms').values(part).execute();
    }
  }

  private async unindex(workspaceId: string, noteIds: string[]): Promise<void> {
    await this.db
      .deleteFrom('interview_tags')
      .where('workspace_id', '=', workspaceId)
      .where('note_id', 'in', noteIds)
      .execute();
    await this.db
      .deleteFrom('interview_terms')
      .where('workspace_id', '=', workspaceId)
      .where('note_id', 'in', noteIds)
      .execute();
  }
}
