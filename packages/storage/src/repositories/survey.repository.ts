import type {
  NewSurvey,
  NewSurveyLink,
  NewSurveyResponse,
  Survey,
  SurveyLink,
  SurveyResponse,
} from '../experience.schema.ts';
import type { Executor } from './executor.ts';
import { decodeCursor, toPage, type Page, type PageOptions } from './page.ts';

type SurveyChanges = Partial<Pick<Survey, 'name' | 'status' | 'questions_json' | 'intro_json'>> & {
  updated_at: number;
};

/** How far a survey reached: personal links sent, viewed and answered; general views and answers by way in. */
export interface SurveyReach {
  linksSent: number;
  linksViewed: number;
  views: { via: string; count: number }[];
  responses: { via: string; count: number }[];
}

/** A comment as the results page lists it, with who wrote it when the answer came through a personal link. */
export type SurveyComment = Pick<
  SurveyResponse,
  'id' | 'score' | 'comment' | 'via' | 'submitted_at' | 'customer_id'
> & {
  customer_name: string | null;
};

export class SurveyRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewSurvey): Promise<Survey> {
    return this.db.insertInto('surveys').values(row).returningAll().executeTakeFirstOrThrow();
  }

  get(workspaceId: string, id: string): Promise<Survey | undefined> {
    return this.db
      .selectFrom('surveys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** By the token of its general link: a public page's lookup, across workspaces. */
  byGeneralToken(token: string): Promise<Survey | undefined> {
    return this.db.selectFrom('surveys').selectAll().where('general_token', '=', token).executeTakeFirst();
  }

  byPurpose(workspaceId: string, purpose: string): Promise<Survey | undefined> {
    return this.db
      .selectFrom('surveys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
  }

  /** Newest first. */
  list(workspaceId: string): Promise<Survey[]> {
    return this.db
      .selectFrom('surveys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  update(workspaceId: string, id: string, changes: SurveyChanges): Promise<Survey | undefined> {
    return this.db
      .updateTable('surveys')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  createLink(row: NewSurveyLink): Promise<SurveyLink> {
    return this.db.insertInto('survey_links').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** By its token: a public page's lookup, across workspaces. */
  link(token: string): Promise<SurveyLink | undefined> {
    return this.db.selectFrom('survey_links').selectAll().where('token', '=', token).executeTakeFirst();
  }

  /** The personal links of a ticket (its CSAT question), newest first. */
  linksOfTicket(workspaceId: string, ticketId: string): Promise<SurveyLink[]> {
    return this.db
      .selectFrom('survey_links')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('ticket_id', '=', ticketId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async markViewed(token: string, at: number): Promise<void> {
    await this.db
      .updateTable('survey_links')
      .set({ viewed_at: at })
      .where('token', '=', token)
      .where('viewed_at', 'is', null)
      .execute();
  }

  /**
   * Marks a personal link answered; false when it already was. The update takes the row's lock
   * (PostgreSQL) or the one writer (SQLite), so of two racing answers exactly one sees true.
   */
  async markAnswered(token: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('survey_links')
      .set({ answered_at: at })
      .where('token', '=', token)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async addView(workspaceId: string, surveyId: string, via: string, at: number): Promise<void> {
    await this.db
      .insertInto('survey_views')
      .values({ workspace_id: workspaceId, survey_id: surveyId, via, at })
      .execute();
  }

  addResponse(row: NewSurveyResponse): Promise<SurveyResponse> {
    return this.db.insertInto('survey_responses').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Scores of a survey's answers in [from, to), oldest first. */
  scores(
    workspaceId: string,
    surveyId: string,
    from: number,
    to: number,
  ): Promise<{ score: number | null; submitted_at: number }[]> {
    return this.db
      .selectFrom('survey_responses')
      .select(['score', 'submitted_at'])
      .where('workspace_id', '=', workspaceId)
      .where('survey_id', '=', surveyId)
      .where('submitted_at', '>=', from)
      .where('submitted_at', '<', to)
      .orderBy('submitted_at')
      .execute();
  }

  /** Answers with a comment, newest first. */
  async comments(workspaceId: string, surveyId: string, page: PageOptions): Promise<Page<SurveyComment>> {
    let query = this.db
      .selectFrom('survey_responses as r')
      .leftJoin('customers as c', (join) =>
        join.onRef('c.workspace_id', '=', 'r.workspace_id').onRef('c.id', '=', 'r.customer_id'),
      )
      .select([
        'r.id',
        'r.score',
        'r.comment',
        'r.via',
        'r.submitted_at',
        'r.customer_id',
        'c.name as customer_name',
      ])
      .where('r.workspace_id', '=', workspaceId)
      .where('r.survey_id', '=', surveyId)
      .where('r.comment', 'is not', null);
    if (page.cursor) {
      const after = decodeCursor(page.cursor, 'string');
      query = query.where((eb) =>
        eb(eb.refTuple('r.submitted_at', 'r.id'), '<', eb.tuple(after.at, after.id)),
      );
    }
    const rows = await query
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows, page.limit, (row) => ({ at: row.submitted_at, id: row.id }));
  }

  /** The answers of a survey, for counting choices: answers only, newest first, at most `limit`. */
  answers(workspaceId: string, surveyId: string, limit: number): Promise<{ answers_json: string }[]> {
    return this.db
      .selectFrom('survey_responses')
      .select('answers_json')
      .where('workspace_id', '=', workspaceId)
      .where('survey_id', '=', surveyId)
      .orderBy('submitted_at', 'desc')
      .limit(limit)
      .execute();
  }

  async reach(workspaceId: string, surveyId: string): Promise<SurveyReach> {
    const links = await this.db
      .selectFrom('survey_links')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('sent'),
        eb.fn.count<number | string>('viewed_at').as('viewed'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    const views = await this.db
      .selectFrom('survey_views')
      .select((eb) => ['via', eb.fn.countAll<number | string>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('survey_id', '=', surveyId)
      .groupBy('via')
      .orderBy('via')
      .execute();
    const responses = await this.db
      .selectFrom('survey_responses')
      .select((eb) => ['via', eb.fn.countAll<number | string>().as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('survey_id', '=', surveyId)
      .groupBy('via')
      .orderBy('via')
      .execute();
    return {
      linksSent: Number(links.sent),
      linksViewed: Number(links.viewed),
      views: views.map((v) => ({ via: v.via, count: Number(v.count) })),
      responses: responses.map((r) => ({ via: r.via, count: Number(r.count) })),
    };
  }
}
