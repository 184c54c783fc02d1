import {
  checkHoldout,
  customerValue,
  expectedAverageSpend,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
  summarizePurchases,
  type BgNbdParameters,
  type GammaGammaParameters,
  type HoldoutRow,
  type Purchase,
} from '@jejak/core';
import {
  CustomerValueRepository,
  WorkspaceRepository,
  localDayOf,
  offsetAt,
  writeTransaction,
  type CustomerValueFit,
  type NewPrediction,
  type PredictionWithName,
  type Store,
} from '@jejak/storage';
import { HttpError, conflict, notFound } from '../http/http-error.ts';
import type { JourneyService } from '../journey/journey.service.ts';
import type { SalesJourney } from '../sales/sales-journey.ts';
import { sendPredictionsToJourneys } from './customer-value-status.ts';

/** Below these the models have too little to learn from, and say so rather than guess. */
export const MIN_CUSTOMERS = 30;
export const MIN_REPEAT_CUSTOMERS = 10;
const WEEK_DAYS = 7;
const WEEKS_PER_MONTH = 52 / 12;

export interface FitOptions {
  /** Weeks ahead (default 52). */
  readonly horizonWeeks?: number;
  /** Discount rate per month, e.g. 0.01 (default). */
  readonly monthlyDiscount?: number;
}

export interface HoldoutReport {
  readonly weeks: number;
  readonly calibrationEndDay: number;
  readonly customers: number;
  readonly predicted: number;
  readonly actual: number;
  readonly meanAbsoluteError: number;
  readonly byFrequency: HoldoutRow[];
}

export interface FitReport {
  readonly fittedAt: number;
  readonly calibrationEndDay: number;
  readonly horizonWeeks: number;
  readonly monthlyDiscount: number;
  readonly customers: number;
  readonly repeatCustomers: number;
  readonly purchases: BgNbdParameters & { logLikelihood: number };
  readonly spend: GammaGammaParameters & { logLikelihood: number };
  /** How the purchase model, fitted without the last weeks, predicted them; null when the history is too short. */
  readonly holdout: HoldoutReport | null;
  /** Status changes sent to the journeys by the rules' model option (0 without it). */
  readonly statusesSent?: number;
}

export interface RunReport {
  readonly ranAt: number;
  readonly outcome: 'fitted' | 'skipped' | 'failed';
  readonly reason: string | null;
  readonly statusesSent: number;
}

/** The nightly refit runs from this local hour on, once per local day of the workspace. */
export const NIGHTLY_HOUR = 2;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Predicted purchases, probability alive and customer value for every known customer who bought,
 * from the BG/NBD and Gamma-Gamma models fitted on the workspace's own orders (weeks, days cut in
 * the workspace's zone, net of refunds; voided and fully refunded orders are not purchases).
 */
export class CustomerValueService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly journey: JourneyService,
    private readonly events: SalesJourney,
  ) {}

  async fit(workspaceId: string, options: FitOptions = {}): Promise<FitReport> {
    const horizonWeeks = options.horizonWeeks ?? 52;
    const monthlyDiscount = options.monthlyDiscount ?? 0.01;
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    const rows = await new CustomerValueRepository(this.store.db).purchases(workspaceId);
    const purchases: Purchase[] = rows.map((r) => ({
      customerId: r.customer_id,
      day: localDayOf(r.completed_at, workspace.timezone),
      amount: r.amount,
    }));
    const today = localDayOf(this.now(), workspace.timezone);
    const histories = summarizePurchases(purchases, { calibrationEnd: today, unitDays: WEEK_DAYS });
    const repeatCustomers = histories.filter((h) => h.frequency > 0 && h.averageRepeatAmount > 0).length;
    if (histories.length < MIN_CUSTOMERS || repeatCustomers < MIN_REPEAT_CUSTOMERS) {
      throw conflict(
        `Not enough purchase history to fit the models: ${histories.length} customers with a purchase ` +
          `(${MIN_CUSTOMERS} needed) and ${repeatCustomers} who bought again (${MIN_REPEAT_CUSTOMERS} needed)`,
        { customers: histories.length, repeatCustomers },
        'not_enough_history',
      );
    }

    const bg = fitBgNbd(histories);
    const gg = fitGammaGamma(histories);
    if (!(gg.parameters.q > 1)) {
      throw conflict(
        'The spend model found no finite average spend in this history (q <= 1): a few very large purchases ' +
          'dominate it. Check the orders for mistakes before fitting again.',
        { q: gg.parameters.q },
        'spend_model_unstable',
      );
    }
    const holdout = this.holdout(purchases, today);
    const predictions: NewPrediction[] = histories.map((h) => {
      const expected = expectedPurchases(bg.parameters, h, horizonWeeks);
      return {
        customer_id: h.customerId,
        frequency: h.frequency,
        recency_weeks: h.recency,
        age_weeks: h.age,
        average_spend: h.averageRepeatAmount,
        probability_alive: probabilityAlive(bg.parameters, h),
        expected_purchases: expected,
        expected_spend: expectedAverageSpend(gg.parameters, h),
        value: customerValue(bg.parameters, gg.parameters, h, {
          units: horizonWeeks,
          stepUnits: WEEKS_PER_MONTH,
          discountRate: monthlyDiscount,
        }),
      };
    });
    const saved = await writeTransaction(this.store, (trx) =>
      new CustomerValueRepository(trx).saveFit(
        {
          workspace_id: workspaceId,
          fitted_at: this.now(),
          calibration_end_day: today,
          unit_days: WEEK_DAYS,
          horizon_weeks: horizonWeeks,
          discount_bp: Math.round(monthlyDiscount * 10_000),
          customers: histories.length,
          repeat_customers: repeatCustomers,
          purchases_json: JSON.stringify({ ...bg.parameters, logLikelihood: bg.logLikelihood }),
          spend_json: JSON.stringify({ ...gg.parameters, logLikelihood: gg.logLikelihood }),
          holdout_json: holdout ? JSON.stringify(holdout) : null,
        },
        predictions,
      ),
    );
    const statusesSent = await sendPredictionsToJourneys(
      this.store,
      this.journey,
      this.events,
      workspaceId,
      { id: saved.id, at: Number(saved.fitted_at) },
      predictions,
    );
    return { ...report(saved), statusesSent };
  }

  /**
   * The nightly refit: every workspace whose last run is from an earlier local day, once its local
   * time is past NIGHTLY_HOUR, is fitted again (predictions replaced, the status option applied), or
   * skipped with the reason recorded when its history is too short. Returns the runs made.
   */
  async refitDue(): Promise<{ workspaceId: string; run: RunReport }[]> {
    const done: { workspaceId: string; run: RunReport }[] = [];
    const repository = new CustomerValueRepository(this.store.db);
    for (const workspace of await new WorkspaceRepository(this.store.db).list()) {
      const now = this.now();
      const localHour = Math.floor(((now + offsetAt(now, workspace.timezone)) % DAY_MS) / HOUR_MS);
      if (localHour < NIGHTLY_HOUR) continue;
      const last = await repository.latestRun(workspace.id);
      if (last && localDayOf(last.ran_at, workspace.timezone) >= localDayOf(now, workspace.timezone))
        continue;
      let run: RunReport;
      let fitId: number | null = null;
      try {
        const fit = await this.fit(workspace.id, await this.lastOptions(workspace.id));
        fitId = (await repository.latestFit(workspace.id))?.id ?? null;
        run = { ranAt: now, outcome: 'fitted', reason: null, statusesSent: fit.statusesSent ?? 0 };
      } catch (error) {
        const expected = error instanceof HttpError && error.statusCode === 409;
        run = {
          ranAt: now,
          outcome: expected ? 'skipped' : 'failed',
          reason: error instanceof Error ? error.message : String(error),
          statusesSent: 0,
        };
      }
      await repository.recordRun({
        workspace_id: workspace.id,
        ran_at: run.ranAt,
        outcome: run.outcome,
        reason: run.reason,
        fit_id: fitId,
        statuses_sent: run.statusesSent,
      });
      done.push({ workspaceId: workspace.id, run });
    }
    return done;
  }

  async lastRun(workspaceId: string): Promise<RunReport | null> {
    const run = await new CustomerValueRepository(this.store.db).latestRun(workspaceId);
    return run
      ? { ranAt: run.ran_at, outcome: run.outcome, reason: run.reason, statusesSent: run.statuses_sent }
      : null;
  }

  /** A refit keeps the horizon and discount the owner chose last. */
  private async lastOptions(workspaceId: string): Promise<FitOptions> {
    const fit = await new CustomerValueRepository(this.store.db).latestFit(workspaceId);
    return fit ? { horizonWeeks: fit.horizon_weeks, monthlyDiscount: fit.discount_bp / 10_000 } : {};
  }

  async latest(workspaceId: string): Promise<FitReport | null> {
    const fit = await new CustomerValueRepository(this.store.db).latestFit(workspaceId);
    return fit ? report(fit) : null;
  }

  async customers(
    workspaceId: string,
    options: { limit: number; offset: number; maxProbabilityAlive?: number },
  ): Promise<{ total: number; items: PredictionWithName[] }> {
    const repository = new CustomerValueRepository(this.store.db);
    const [total, items] = await Promise.all([
      repository.count(workspaceId, options.maxProbabilityAlive),
      repository.predictions(workspaceId, options),
    ]);
    return { total, items };
  }

  forCustomer(workspaceId: string, customerId: string) {
    return new CustomerValueRepository(this.store.db).forCustomer(workspaceId, customerId);
  }

  /**
   * Fits the purchase model again without the last weeks (a third of the history, at most 26 weeks)
   * and compares what it predicts for them with what the customers did.
   */
  private holdout(purchases: readonly Purchase[], today: number): HoldoutReport | null {
    let first = today;
    for (const p of purchases) first = Math.min(first, p.day);
    const weeks = Math.min(26, Math.floor((today - first) / WEEK_DAYS / 3));
    if (weeks < 4) return null;
    const calibrationEndDay = today - weeks * WEEK_DAYS;
    const histories = summarizePurchases(purchases, {
      calibrationEnd: calibrationEndDay,
      holdoutEnd: today,
      unitDays: WEEK_DAYS,
    });
    if (
      histories.length < MIN_CUSTOMERS ||
      histories.filter((h) => h.frequency > 0).length < MIN_REPEAT_CUSTOMERS
    )
      return null;
    const check = checkHoldout(fitBgNbd(histories).parameters, histories, weeks);
    return {
      weeks,
      calibrationEndDay,
      customers: histories.length,
      ...check,
      byFrequency: [...check.byFrequency],
    };
  }
}

function report(fit: CustomerValueFit): FitReport {
  return {
    fittedAt: Number(fit.fitted_at),
    calibrationEndDay: fit.calibration_end_day,
    horizonWeeks: fit.horizon_weeks,
    monthlyDiscount: fit.discount_bp / 10_000,
    customers: fit.customers,
    repeatCustomers: fit.repeat_customers,
    purchases: JSON.parse(fit.purchases_json) as FitReport['purchases'],
    spend: JSON.parse(fit.spend_json) as FitReport['spend'],
    holdout: fit.holdout_json ? (JSON.parse(fit.holdout_json) as HoldoutReport) : null,
  };
}
