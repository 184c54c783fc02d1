import type { SurveyResponse, Ticket, TicketMessage } from '../experience.schema.ts';
import type { InterviewNote } from '../interview.schema.ts';
import type { Executor } from './executor.ts';
import { InterviewRepository } from './interview.repository.ts';

/** What the experience module holds about a person: tickets with their messages, survey answers, interview notes. */
export interface ExperienceRecord {
  tickets: Ticket[];
  ticketMessages: TicketMessage[];
  surveyResponses: SurveyResponse[];
  interviewNotes: InterviewNote[];
}

export interface ExperienceErasure {
  ticketMessages: number;
  surveyAnswers: number;
  interviewNotes: number;
}

/** The experience module's part of a person's data rights (export and erasure). */
export class ExperiencePersonalDataRepository {
  constructor(private readonly db: Executor) {}

  async record(workspaceId: string, customerIds: string[]): Promise<ExperienceRecord> {
    const tickets = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', customerIds)
      .orderBy('created_at')
      .execute();
    const ticketIds = tickets.map((t) => t.id);
    return {
      tickets,
      ticketMessages:
        ticketIds.length === 0
          ? []
          : await this.db
              .selectFrom('ticket_messages')
              .selectAll()
              .where('workspace_id', '=', workspaceId)
              .where('ticket_id', 'in', ticketIds)
              .orderBy('created_at')
              .execute(),
      surveyResponses: await this.db
        .selectFrom('survey_responses')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', customerIds)
        .orderBy('submitted_at')
        .execute(),
      interviewNotes: await new InterviewRepository(this.db).forCustomers(workspaceId, customerIds),
    };
  }

  /**
   * Removes what the person wrote or is named by: ticket messages, ticket subjects and tags, survey
   * comments and answers, personal survey links, interview notes (about the person, so they go whole). Tickets (with their targets) and survey scores stay,
   * no longer tied to anyone, so response times and NPS keep counting them.
   */
  async erase(workspaceId: string, customerIds: string[], now: number): Promise<ExperienceErasure> {
    const tickets = this.db
      .selectFrom('tickets')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', customerIds);
    const messages = await this.db
      .deleteFrom('ticket_messages')
      .where('workspace_id', '=', workspaceId)
      .where('ticket_id', 'in', tickets)
      .executeTakeFirst();
    await this.db
      .updateTable('tickets')
      .set({ subject: '—', tags_json: '[]', conversation_key: null, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', customerIds)
      .execute();
    const answers = await this.db
      .updateTable('survey_responses')
      .set({ customer_id: null, comment: null, answers_json: '{}', link_token: null })
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', customerIds)
      .executeTakeFirst();
    await this.db
      .deleteFrom('survey_links')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', customerIds)
      .execute();
    const interviewNotes = await new InterviewRepository(this.db).eraseCustomers(workspaceId, customerIds);
    return {
      ticketMessages: Number(messages.numDeletedRows),
      surveyAnswers: Number(answers.numUpdatedRows),
      interviewNotes,
    };
  }
}
