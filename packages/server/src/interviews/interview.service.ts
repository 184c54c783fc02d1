import { randomUUID } from 'node:crypto';
import { isChannel, prefixRange, searchTerms, CHANNELS, type Channel } from '@jejak/core';
import {
  InterviewRepository,
  PersonalDataRepository,
  type InterviewListItem,
  type InterviewNote,
  type Page,
  type Store,
  type TagCount,
} from '@jejak/storage';
import { badRequest, forbidden, notFound } from '../http/http-error.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import type { JourneyService } from '../journey/journey.service.ts';
import { messageIdsOf } from '../support/customer-contact.ts';

export interface InterviewInput {
  customerId: string;
  stage: string;
  channel?: Channel;
  title: string;
  body: string;
  tags?: readonly string[];
  /** Epoch ms; default now. */
  interviewedAt?: number;
}

export type InterviewPatch = Partial<Omit<InterviewInput, 'customerId'>>;

/** Who writes or changes a note: a person (id) or a key (null); `mayChangeAny` for manager and above. */
export interface InterviewCaller {
  id: string | null;
  label: string;
  mayChangeAny: boolean;
}

export interface InterviewQuery {
  limit: number;
  cursor?: string;
  q?: string;
  tag?: string;
  stage?: string;
  customerId?: string;
  authorId?: string;
  from?: number;
  to?: number;
}

const MAX_TAGS = 20;
const MAX_TAG = 40;
// An interview is written up afterwards, not ahead: allow a clock a few minutes fast.
const FUTURE_SLACK = 5 * 60_000;

/**
 * Notes from customer interviews. Each note is about one customer and one stage, with tags, and is
 * indexed word by word for search. Writing one is the customer's `Feedback Given` touchpoint (kind
 * interview, at the interview's time), emitted through ingestion in the note's transaction, so it
 * shows on his timeline and moves a buyer on to experience as any feedback does. Changing or deleting
 * the note leaves that touchpoint: the conversation took place.
 */
export class InterviewService {
  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly journey: JourneyService,
    private readonly now: () => number,
  ) {}

  async create(workspaceId: string, caller: InterviewCaller, input: InterviewInput): Promise<InterviewNote> {
    const now = this.now();
    const fields = await this.check(workspaceId, {
      stage: input.stage,
      channel: input.channel ?? 'other',
      title: input.title,
      body: input.body,
      tags: input.tags ?? [],
      interviewedAt: input.interviewedAt ?? now,
    });
    return this.ingest.transact(async (trx) => {
      const ids = await messageIdsOf(trx, workspaceId, input.customerId);
      const note = await new InterviewRepository(trx).create(
        {
          id: randomUUID(),
          workspace_id: workspaceId,
          customer_id: input.customerId,
          author_id: caller.id,
          author_name: caller.label,
          stage: fields.stage,
          channel: fields.channel,
          title: fields.title,
          body: fields.body,
          tags_json: JSON.stringify(fields.tags),
          interviewed_at: fields.interviewedAt,
          created_at: now,
          updated_at: now,
        },
        fields.tags,
        termsOf(fields),
      );
      await this.ingest.emit(trx, workspaceId, [
        {
          type: 'track',
          messageId: `interview-${note.id}`,
          ...ids,
          event: 'Feedback Given',
          timestamp: new Date(fields.interviewedAt).toISOString(),
          properties: { kind: 'interview', interview_id: note.id, stage: fields.stage, tags: fields.tags },
          context: { channel: fields.channel },
        },
      ]);
      return note;
    });
  }

  async update(
    workspaceId: string,
    caller: InterviewCaller,
    id: string,
    patch: InterviewPatch,
  ): Promise<InterviewNote> {
    const notes = new InterviewRepository(this.store.db);
    const note = await this.changeable(notes, workspaceId, caller, id);
    const fields = await this.check(workspaceId, {
      stage: patch.stage ?? note.stage,
      channel: patch.channel ?? (note.channel as Channel),
      title: patch.title ?? note.title,
      body: patch.body ?? note.body,
      tags: patch.tags ?? (JSON.parse(note.tags_json) as string[]),
      interviewedAt: patch.interviewedAt ?? note.interviewed_at,
    });
    return this.store.db.transaction().execute(async (trx) => {
      const changed = await new InterviewRepository(trx).update(
        workspaceId,
        id,
        {
          stage: fields.stage,
          channel: fields.channel,
          title: fields.title,
          body: fields.body,
          tags_json: JSON.stringify(fields.tags),
          interviewed_at: fields.interviewedAt,
          updated_at: this.now(),
        },
        { tags: fields.tags, terms: termsOf(fields) },
      );
      if (!changed) throw notFound(`Interview ${id}`);
      return changed;
    });
  }

  async delete(workspaceId: string, caller: InterviewCaller, id: string): Promise<void> {
    await this.changeable(new InterviewRepository(this.store.db), workspaceId, caller, id);
    await this.store.db.transaction().execute((trx) => new InterviewRepository(trx).delete(workspaceId, id));
  }

  async get(workspaceId: string, id: string): Promise<InterviewNote> {
    const note = await new InterviewRepository(this.store.db).get(workspaceId, id);
    if (!note) throw notFound(`Interview ${id}`);
    return note;
  }

  /** Notes matching every filter given: words of `q` (each a word prefix), tag, stage, customer, author, period. */
  async search(workspaceId: string, query: InterviewQuery): Promise<Page<InterviewListItem>> {
    if (query.from !== undefined && query.to !== undefined && !(query.from < query.to))
      throw badRequest('from must be before to');
    const words = query.q ? searchTerms([query.q]).slice(0, 10).map(prefixRange) : undefined;
    const customerIds = query.customerId
      ? await new PersonalDataRepository(this.store.db).profileIds(workspaceId, query.customerId)
      : undefined;
    if (customerIds?.length === 0) throw notFound(`Customer ${query.customerId}`);
    return new InterviewRepository(this.store.db).search(workspaceId, {
      limit: query.limit,
      cursor: query.cursor,
      words,
      tag: query.tag ? cleanTag(query.tag) : undefined,
      stage: query.stage,
      customerIds,
      authorId: query.authorId,
      from: query.from,
      to: query.to,
    });
  }

  tags(workspaceId: string): Promise<TagCount[]> {
    return new InterviewRepository(this.store.db).tagCounts(workspaceId);
  }

  private async changeable(
    notes: InterviewRepository,
    workspaceId: string,
    caller: InterviewCaller,
    id: string,
  ): Promise<InterviewNote> {
    const note = await notes.get(workspaceId, id);
    if (!note) throw notFound(`Interview ${id}`);
    if (!caller.mayChangeAny && (caller.id === null || caller.id !== note.author_id))
      throw forbidden('Only the author, or a manager and above, may change or delete this note');
    return note;
  }

  private async check(
    workspaceId: string,
    input: Required<Omit<InterviewInput, 'customerId'>>,
  ): Promise<Required<Omit<InterviewInput, 'customerId'>> & { tags: string[] }> {
    const title = input.title.trim();
    if (title === '') throw badRequest('title must not be empty');
    const body = input.body.trim();
    if (body === '') throw badRequest('body must not be empty');
    if (!isChannel(input.channel)) throw badRequest(`channel must be one of ${CHANNELS.join(', ')}`);
    const tags = [...new Set(input.tags.map(cleanTag).filter((t) => t !== ''))];
    if (tags.length > MAX_TAGS) throw badRequest(`tags: at most ${MAX_TAGS}`);
    const long = tags.find((t) => t.length > MAX_TAG);
    if (long) throw badRequest(`tag ${long.slice(0, 50)} is longer than ${MAX_TAG} characters`);
    if (!Number.isFinite(input.interviewedAt) || input.interviewedAt > this.now() + FUTURE_SLACK)
      throw badRequest('interviewedAt must not be in the future');
    const { rules } = await this.journey.rulesFor(this.store.db, workspaceId);
    const stages = rules.stages.map((s) => s.key);
    if (!stages.includes(input.stage)) throw badRequest(`stage must be one of ${stages.join(', ')}`);
    return { ...input, title, body, tags };
  }
}

/** Tags are kept lower case and trimmed, with inner spaces as one: "Harga  Mahal " is "harga mahal". */
function cleanTag(tag: string): string {
  return tag.trim().toLocaleLowerCase('id').replace(/\s+/g, ' ');
}

function termsOf(fields: { title: string; body: string; tags: readonly string[] }): string[] {
  return searchTerms([fields.title, fields.body, ...fields.tags]);
}
