import { randomBytes, randomUUID } from 'node:crypto';
import {
  SURVEY_KINDS,
  checkAnswers,
  checkQuestions,
  commentOf,
  scoreOf,
  type AnswerValue,
  type Localized,
  type SurveyKind,
  type SurveyQuestion,
} from '@jejak/core';
import {
  SurveyRepository,
  TicketRepository,
  WorkspaceRepository,
  type Executor,
  type Store,
  type Survey,
  type SurveyLink,
} from '@jejak/storage';
import { HttpError, badRequest, notFound } from '../http/http-error.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import { messageIdsOf } from '../support/customer-contact.ts';
import { surveyResponded } from '../support/journey-events.ts';

export const TICKET_CSAT = 'ticket_csat';
/** Ways into a survey without a personal link. */
export const GENERAL_VIAS = ['general', 'qr', 'receipt'] as const;
export type GeneralVia = (typeof GENERAL_VIAS)[number];

export interface SurveyInput {
  name: string;
  kind: SurveyKind;
  questions: SurveyQuestion[];
  intro?: Localized | null;
}

/** What the public page needs, and nothing about the workspace beyond it. */
export interface PublicSurvey {
  /** The business asking, shown at the top of the page. */
  business: string;
  name: string;
  kind: SurveyKind;
  intro: Localized | null;
  questions: SurveyQuestion[];
  personal: boolean;
  answered: boolean;
  closed: boolean;
}

/** A link token: 128 random bits, URL-safe; it lets its holder answer once, nothing more. */
const newToken = () => randomBytes(16).toString('base64url');

const TICKET_CSAT_QUESTIONS: SurveyQuestion[] = [
  {
    key: 'csat',
    type: 'csat',
    required: true,
    label: { id: 'Seberapa puas Anda dengan bantuan kami?', en: 'How satisfied are you with our help?' },
  },
  {
    key: 'comment',
    type: 'text',
    required: false,
    label: { id: 'Ada yang ingin Anda sampaikan?', en: 'Anything you would like to tell us?' },
  },
];

/**
 * Surveys: the owner's NPS, CSAT, CES and custom surveys, the CSAT question sent when a ticket is
 * resolved, personal and general links, and answers. An answer is stored and emitted as a
 * `Survey Responded` event in one transaction; a personal link takes one answer.
 */
export class SurveyService {
  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly now: () => number,
  ) {}

  list(workspaceId: string): Promise<Survey[]> {
    return new SurveyRepository(this.store.db).list(workspaceId);
  }

  async get(workspaceId: string, id: string): Promise<Survey> {
    const survey = await new SurveyRepository(this.store.db).get(workspaceId, id);
    if (!survey) throw notFound(`Survey ${id}`);
    return survey;
  }

  create(workspaceId: string, input: SurveyInput): Promise<Survey> {
    checkSurvey(input);
    const now = this.now();
    return new SurveyRepository(this.store.db).create({
      id: randomUUID(),
      workspace_id: workspaceId,
      name: input.name.trim(),
      kind: input.kind,
      status: 'active',
      questions_json: JSON.stringify(input.questions),
      intro_json: input.intro ? JSON.stringify(input.intro) : null,
      general_token: newToken(),
      purpose: null,
      created_at: now,
      updated_at: now,
    });
  }

  /** Name, questions and intro can change; the kind cannot (the scores before and after would not compare). */
  async update(
    workspaceId: string,
    id: string,
    input: Partial<Omit<SurveyInput, 'kind'>> & { status?: 'active' | 'closed' },
  ): Promise<Survey> {
    const survey = await this.get(workspaceId, id);
    const merged: SurveyInput = {
      name: input.name ?? survey.name,
      kind: survey.kind as SurveyKind,
      questions: input.questions ?? (JSON.parse(survey.questions_json) as SurveyQuestion[]),
      intro:
        input.intro !== undefined
          ? input.intro
          : survey.intro_json
            ? (JSON.parse(survey.intro_json) as Localized)
            : null,
    };
    checkSurvey(merged);
    const updated = await new SurveyRepository(this.store.db).update(workspaceId, id, {
      name: merged.name.trim(),
      questions_json: JSON.stringify(merged.questions),
      intro_json: merged.intro ? JSON.stringify(merged.intro) : null,
      ...(input.status ? { status: input.status } : {}),
      updated_at: this.now(),
    });
    if (!updated) throw notFound(`Survey ${id}`);
    return updated;
  }

  /** A personal link for one customer: it counts as sent, and takes one answer. */
  async sendTo(workspaceId: string, surveyId: string, customerId: string): Promise<SurveyLink> {
    const survey = await this.get(workspaceId, surveyId);
    if (survey.status !== 'active') throw badRequest('This survey is closed; open it again to send it');
    await messageIdsOf(this.store.db, workspaceId, customerId);
    return this.createLink(this.store.db, survey, customerId, null);
  }

  /** The CSAT question of a resolved ticket, as a personal link for its customer (inside the caller's transaction). */
  async ticketCsatLink(
    db: Executor,
    workspaceId: string,
    customerId: string,
    ticketId: string,
  ): Promise<SurveyLink> {
    return this.createLink(db, await this.ticketCsatSurvey(db, workspaceId), customerId, ticketId);
  }

  /** The workspace's survey for ticket CSAT, made the first time a ticket is resolved. */
  async ticketCsatSurvey(db: Executor, workspaceId: string): Promise<Survey> {
    const surveys = new SurveyRepository(db);
    const existing = await surveys.byPurpose(workspaceId, TICKET_CSAT);
    if (existing) return existing;
    const now = this.now();
    return surveys.create({
      id: randomUUID(),
      workspace_id: workspaceId,
      name: 'Kepuasan layanan (CSAT tiket)',
      kind: 'csat',
      status: 'active',
      questions_json: JSON.stringify(TICKET_CSAT_QUESTIONS),
      intro_json: null,
      general_token: newToken(),
      purpose: TICKET_CSAT,
      created_at: now,
      updated_at: now,
    });
  }

  private createLink(
    db: Executor,
    survey: Survey,
    customerId: string,
    ticketId: string | null,
  ): Promise<SurveyLink> {
    return new SurveyRepository(db).createLink({
      token: newToken(),
      workspace_id: survey.workspace_id,
      survey_id: survey.id,
      customer_id: customerId,
      ticket_id: ticketId,
      created_at: this.now(),
      viewed_at: null,
      answered_at: null,
    });
  }

  /** The public page's view of a token, recording the view (a personal link's first, every general one). */
  async open(token: string, via: GeneralVia = 'general'): Promise<PublicSurvey> {
    const found = await this.find(token);
    const surveys = new SurveyRepository(this.store.db);
    if (found.link) await surveys.markViewed(found.link.token, this.now());
    else await surveys.addView(found.survey.workspace_id, found.survey.id, via, this.now());
    const workspace = await new WorkspaceRepository(this.store.db).get(found.survey.workspace_id);
    return {
      business: workspace?.name ?? '',
      name: found.survey.name,
      kind: found.survey.kind as SurveyKind,
      intro: found.survey.intro_json ? (JSON.parse(found.survey.intro_json) as Localized) : null,
      questions: JSON.parse(found.survey.questions_json) as SurveyQuestion[],
      personal: found.link !== undefined,
      answered: found.link?.answered_at != null,
      closed: found.survey.status !== 'active',
    };
  }

  /**
   * Records an answer and emits `Survey Responded` for its customer in one transaction. Through a
   * personal link only once: the second answer is refused with 409 `already_answered`.
   */
  async answer(
    token: string,
    input: { answers: Record<string, AnswerValue>; language: 'id' | 'en'; via?: GeneralVia },
  ): Promise<void> {
    const { survey, link } = await this.find(token);
    if (survey.status !== 'active')
      throw new HttpError(410, 'survey_closed', 'This survey is closed and takes no more answers');
    const questions = JSON.parse(survey.questions_json) as SurveyQuestion[];
    const checked = checkAnswers(questions, input.answers);
    if (!checked.ok) {
      const first = checked.problems[0]!;
      throw badRequest(`answers.${first.question} ${first.message}`, checked.problems);
    }
    const kind = survey.kind as SurveyKind;
    const scored = scoreOf(kind, questions, checked.answers);
    const at = this.now();
    const via = link ? 'personal' : (input.via ?? 'general');
    await this.ingest.transact(async (trx) => {
      const surveys = new SurveyRepository(trx);
      if (link && !(await surveys.markAnswered(link.token, at))) throw alreadyAnswered();
      const ticket = link?.ticket_id
        ? await new TicketRepository(trx).get(survey.workspace_id, link.ticket_id)
        : undefined;
      const id = randomUUID();
      await surveys
        .addResponse({
          id,
          workspace_id: survey.workspace_id,
          survey_id: survey.id,
          link_token: link?.token ?? null,
          customer_id: link?.customer_id ?? null,
          via,
          score: scored?.score ?? null,
          answers_json: JSON.stringify(checked.answers),
          comment: commentOf(questions, checked.answers),
          language: input.language,
          ticket_id: ticket?.id ?? null,
          branch_id: ticket?.branch_id ?? null,
          agent_id: ticket?.assignee_id ?? null,
          submitted_at: at,
        })
        .catch((error: unknown) => {
          // The unique link_token: another answer through this link committed first.
          throw link ? alreadyAnswered() : error;
        });
      if (ticket && scored) {
        await new TicketRepository(trx).update(survey.workspace_id, ticket.id, {
          csat_score: scored.score,
          updated_at: at,
        });
      }
      if (link) {
        const ids = await messageIdsOf(trx, survey.workspace_id, link.customer_id);
        await this.ingest.emit(trx, survey.workspace_id, [
          surveyResponded(ids, {
            id,
            surveyId: survey.id,
            kind,
            score: scored?.score ?? null,
            ticketId: ticket?.id ?? null,
            at,
            via,
          }),
        ]);
      }
    });
  }

  private async find(token: string): Promise<{ survey: Survey; link?: SurveyLink }> {
    const surveys = new SurveyRepository(this.store.db);
    const link = await surveys.link(token);
    if (link) {
      const survey = await surveys.get(link.workspace_id, link.survey_id);
      if (survey) return { survey, link };
    }
    const survey = await surveys.byGeneralToken(token);
    if (!survey) throw notFound('This survey link');
    return { survey };
  }
}

function alreadyAnswered() {
  return new HttpError(
    409,
    'already_answered',
    'This link has already been used to answer the survey; each personal link takes one answer',
  );
}

function checkSurvey(input: SurveyInput): void {
  if (input.name.trim() === '') throw badRequest('name must not be empty');
  if (!SURVEY_KINDS.includes(input.kind)) throw badRequest(`kind must be one of ${SURVEY_KINDS.join(', ')}`);
  const problems = checkQuestions(input.kind, input.questions);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw badRequest(`questions${first.question ? `.${first.question}` : ''}: ${first.message}`, problems);
  }
}
