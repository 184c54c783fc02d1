import { DEFAULT_SALES_SETTINGS, type SalesSettings } from '@jejak/core';
import { SalesSettingsRepository, type Executor, type Store } from '@jejak/storage';
import type { SalesSettingsView } from './sales.schemas.ts';

/** Tax and stock rules of a workspace's sales; the defaults until the owner saves their own. */
export class SalesSettingsService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async get(workspaceId: string, db: Executor = this.store.db): Promise<SalesSettings> {
    const row = await new SalesSettingsRepository(db).get(workspaceId);
    if (!row) return DEFAULT_SALES_SETTINGS;
    return {
      tax: { rateBp: row.tax_rate_bp, mode: row.tax_mode },
      allowNegativeStock: row.allow_negative_stock === 1,
    };
  }

  async put(workspaceId: string, input: SalesSettingsView): Promise<SalesSettings> {
    await new SalesSettingsRepository(this.store.db).put({
      workspace_id: workspaceId,
      tax_rate_bp: input.taxRateBp,
      tax_mode: input.taxMode,
      allow_negative_stock: input.allowNegativeStock ? 1 : 0,
      updated_at: this.now(),
    });
    return this.get(workspaceId);
  }
}

export function settingsView(s: SalesSettings): SalesSettingsView {
  return { taxRateBp: s.tax.rateBp, taxMode: s.tax.mode, allowNegativeStock: s.allowNegativeStock };
}
