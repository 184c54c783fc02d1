import type { Insertable, Selectable } from 'kysely';

/* Ad spend per channel and month, entered in the dashboard or imported from CSV (attribution, CAC, ROAS). */

export interface AdSpendTable {
  workspace_id: string;
  channel: string;
  /** The calendar month in the workspace's zone, `2026-11`. */
  month: string;
  /** The campaign the money went to, '' when the spend is for the channel as a whole. */
  campaign: string;
  /** In the currency's minor unit (Rupiah for IDR). */
  amount: number;
  updated_at: number;
}

export interface AdSpendTables {
  ad_spend: AdSpendTable;
}

export type AdSpend = Selectable<AdSpendTable>;
export type NewAdSpend = Insertable<AdSpendTable>;
