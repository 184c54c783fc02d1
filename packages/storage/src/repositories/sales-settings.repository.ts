import type { SalesSettingsRow } from '../sales.schema.ts';
import type { Executor } from './executor.ts';

export class SalesSettingsRepository {
  constructor(private readonly db: Executor) {}

  /** Undefined until the workspace saves its own: the defaults apply. */
  get(workspaceId: string): Promise<SalesSettingsRow | undefined> {
    return this.db
      .selectFrom('sales_settings')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
  }

  async put(row: SalesSettingsRow): Promise<SalesSettingsRow> {
    await this.db
      .insertInto('sales_settings')
      .values(row)
      .onConflict((oc) =>
        oc.column('workspace_id').doUpdateSet({
          tax_rate_bp: row.tax_rate_bp,
          tax_mode: row.tax_mode,
          allow_negative_stock: row.allow_negative_stock,
          updated_at: row.updated_at,
        }),
      )
      .execute();
    return row;
  }
}
