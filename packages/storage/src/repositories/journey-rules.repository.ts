import type { JourneyRulesRow } from '../schema.ts';
import type { Executor } from './executor.ts';

export class JourneyRulesRepository {
  constructor(private readonly db: Executor) {}

  /** The newest version of the workspace's rules, or undefined while it still runs on the defaults. */
  current(workspaceId: string): Promise<Pick<JourneyRulesRow, 'version' | 'rules_json'> | undefined> {
    return this.db
      .selectFrom('journey_rules')
      .select(['version', 'rules_json'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Fails on a version that already exists, so two concurrent rule changes cannot both win. */
  async insert(workspaceId: string, version: number, rulesJson: string, at: number): Promise<void> {
    await this.db
      .insertInto('journey_rules')
      .values({ workspace_id: workspaceId, version, rules_json: rulesJson, created_at: at })
      .execute();
  }

  /** Every version, newest first. */
  list(workspaceId: string): Promise<JourneyRulesRow[]> {
    return this.db
      .selectFrom('journey_rules')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('version', 'desc')
      .execute();
  }
}
