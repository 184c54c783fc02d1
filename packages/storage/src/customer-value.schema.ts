import type { Generated, Insertable, Selectable } from 'kysely';

/* Predicted purchases and customer value: the models fitted on a workspace's own orders. */

export interface CustomerValueFitTable {
  id: Generated<number>;
  workspace_id: string;
  fitted_at: number;
  /** The last local day of the purchases the models were fitted on. */
  calibration_end_day: number;
  unit_days: number;
  /** Weeks ahead the predictions look. */
  horizon_weeks: number;
  /** Monthly discount rate of the customer value, in basis points. */
  discount_bp: number;
  customers: number;
  repeat_customers: number;
  /** {r, alpha, a, b, logLikelihood} of the BG/NBD model. */
  purchases_json: string;
  /** {p, q, gamma, logLikelihood} of the Gamma-Gamma model, in Rupiah. */
  spend_json: string;
  /** The holdout check (null when the history is too short for one). */
  holdout_json: string | null;
}

export interface CustomerValuePredictionTable {
  workspace_id: string;
  customer_id: string;
  fit_id: number;
  frequency: number;
  recency_weeks: number;
  age_weeks: number;
  average_spend: number;
  probability_alive: number;
  expected_purchases: number;
  expected_spend: number;
  /** Predicted value over the horizon, discounted, in Rupiah. */
  value: number;
}

/** One run of the nightly refit: it fitted, or skipped (too little history) or failed, and why. */
export interface CustomerValueRunTable {
  workspace_id: string;
  ran_at: number;
  outcome: 'fitted' | 'skipped' | 'failed';
  /** Why it skipped or failed, in English words (the 409's message); null when it fitted. */
  reason: string | null;
  fit_id: number | null;
  /** Prediction events sent to the journeys for the status option (0 without it). */
  statuses_sent: Generated<number>;
}

export interface CustomerValueTables {
  customer_value_fits: CustomerValueFitTable;
  customer_value_predictions: CustomerValuePredictionTable;
  customer_value_runs: CustomerValueRunTable;
}

export type CustomerValueFit = Selectable<CustomerValueFitTable>;
export type NewCustomerValueFit = Insertable<CustomerValueFitTable>;
export type CustomerValuePrediction = Selectable<CustomerValuePredictionTable>;
export type CustomerValueRun = Selectable<CustomerValueRunTable>;
export type NewCustomerValueRun = Insertable<CustomerValueRunTable>;
