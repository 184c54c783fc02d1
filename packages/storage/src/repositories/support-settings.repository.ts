import type { SupportSettingsRow } from '../experience.schema.ts';
import type { Executor } from './executor.ts';

/** A workspace's support settings: response targets, the inbound webhook secret, the ticket counter. */
export class SupportSettingsRepository {
  constructor(private readonly db: Executor) {}

  get(workspaceId: string): Promise<SupportSettingsRow | undefined> {
    return this.db
      .selectFrom('support_settings')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
  }

  /** The settings, created with `targetsJson` the first time they are asked for. */
  async ensure(workspaceId: string, targetsJson: string, now: number): Promise<SupportSettingsRow> {
    await this.db
      .insertInto('support_settings')
      .values({
        workspace_id: workspaceId,
        targets_json: targetsJson,
        webhook_secret: null,
        next_ticket_number: 1,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('workspace_id').doNothing())
      .execute();
    return (await this.get(workspaceId))!;
  }

  async update(
    workspaceId: string,
    changes: Partial<Pick<SupportSettingsRow, 'targets_json' | 'webhook_secret'>> & { updated_at: number },
  ): Promise<void> {
    await this.db
      .updateTable('support_settings')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .execute();
  }

  /**
   * Takes the next ticket number. The update locks the row until the transaction ends (PostgreSQL) or
   * runs under the one writer (SQLite), so two tickets never get the same number. Call `ensure` first.
   */
  async takeTicketNumber(workspaceId: string): Promise<number> {
    const row = await this.db
      .updateTable('support_settings')
      .set((eb) => ({ next_ticket_number: eb('next_ticket_number', '+', 1) }))
      .where('workspace_id', '=', workspaceId)
      .returning('next_ticket_number')
      .executeTakeFirstOrThrow();
    return row.next_ticket_number - 1;
  }
}
