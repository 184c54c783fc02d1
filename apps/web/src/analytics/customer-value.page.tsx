import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  customerValueCsvUrl,
  useCustomerValueFit,
  useCustomerValueLastRun,
  useCustomerValues,
  useFitCustomerValue,
  type CustomerValueFit,
} from '../api/customer-value.api.ts';
import { ApiError } from '../api/client.ts';
import { EChart } from '../charts/echart.tsx';
import { useCan } from '../customers/customer-labels.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatShare } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import './customer-value.css';

const PAGE = 50;
const DAY_MS = 86_400_000;
const HORIZONS = [13, 26, 52] as const;

/** Customer value: the fitted models, how well they predicted a held-out period, and every buyer's prediction. */
export function CustomerValuePage() {
  const { t, i18n } = useTranslation('analytics');
  const { workspace } = useWorkspace();
  const language = currentLanguage(i18n.language);
  const fit = useCustomerValueFit(workspace.id);
  const lastRun = useCustomerValueLastRun(workspace.id).data;
  const refit = useFitCustomerValue(workspace.id);
  const canFit = useCan('analytics.manage');
  const [horizon, setHorizon] = useState<number>(52);
  const current = fit.data;
  const notEnough =
    refit.error instanceof ApiError && refit.error.code === 'not_enough_history'
      ? (refit.error.details as { customers: number; repeatCustomers: number })
      : undefined;

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('value.title')}</h1>
        <p className="lead">{t('value.lead')}</p>
      </header>
      <section className="card cv-fit">
        {fit.error && <ErrorNotice error={fit.error} />}
        {fit.isSuccess && !current && <p>{t('value.never')}</p>}
        <p className="muted small" data-testid="cv-nightly">
          {lastRun
            ? t(`value.nightly.${lastRun.outcome}`, {
                when: formatDateTime(lastRun.ranAt, workspace.timezone, language),
                count: lastRun.statusesSent,
                reason: lastRun.reason ?? '',
              })
            : t('value.nightly.none')}
        </p>
        {current && (
          <>
            <p data-testid="cv-fitted">
              {t('value.fittedAt', {
                when: formatDateTime(current.fittedAt, workspace.timezone, language),
                until: formatDate(current.calibrationEndDay * DAY_MS, 'UTC', language),
              })}{' '}
              {t('value.buyers', {
                customers: formatNumber(current.customers, language),
                repeat: formatNumber(current.repeatCustomers, language),
              })}{' '}
              {t('value.discount', { rate: formatShare(current.monthlyDiscount, language) })}
            </p>
          </>
        )}
        {canFit && (
          <form
            className="cv-refit"
            onSubmit={(event) => {
              event.preventDefault();
              refit.mutate({ horizonWeeks: horizon });
            }}
          >
            <label>
              {t('value.horizon')}{' '}
              <select value={horizon} onChange={(e) => setHorizon(Number(e.target.value))}>
                {HORIZONS.map((w) => (
                  <option key={w} value={w}>
                    {t('value.weeks', { count: w })}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={refit.isPending}>
              {refit.isPending ? t('value.fitting') : t('value.fit')}
            </button>
          </form>
        )}
        {notEnough ? (
          <p role="alert" className="error">
            {t('value.notEnough', {
              customers: formatNumber(notEnough.customers, language),
              repeat: formatNumber(notEnough.repeatCustomers, language),
            })}
          </p>
        ) : (
          refit.error && <ErrorNotice error={refit.error} />
        )}
      </section>
      {current && <Quality fit={current} />}
      {current && <Customers fit={current} />}
    </div>
  );
}

function Quality({ fit }: { fit: CustomerValueFit }) {
  const { t, i18n } = useTranslation('analytics');
  const language = currentLanguage(i18n.language);
  const n = (v: number, digits = 0) =>
    new Intl.NumberFormat(language === 'en' ? 'en-ID' : 'id-ID', { maximumFractionDigits: digits }).format(v);
  const holdout = fit.holdout;
  const rows = holdout?.byFrequency ?? [];
  const last = rows.at(-1)?.frequency;
  const label = (f: number) => (f === last && rows.length > 1 ? t('value.orMore', { count: f }) : String(f));
  const option = {
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      name: t('value.repeatBefore'),
      nameLocation: 'middle',
      nameGap: 28,
      data: rows.map((r) => label(r.frequency)),
    },
    yAxis: { type: 'value' },
    series: [
      {
        name: t('value.predicted'),
        type: 'bar',
        data: rows.map((r) => Number(r.predicted.toFixed(2))),
        itemStyle: { color: '#8aa4c8' },
      },
      {
        name: t('value.actual'),
        type: 'bar',
        data: rows.map((r) => Number(r.actual.toFixed(2))),
        itemStyle: { color: '#1f4e8c' },
      },
    ],
  };
  return (
    <section className="card">
      <h2>{t('value.qualityTitle')}</h2>
      {!holdout && <p className="muted">{t('value.qualityNone')}</p>}
      {holdout && (
        <>
          <p className="muted small">{t('value.qualityLead', { weeks: holdout.weeks })}</p>
          <p data-testid="cv-quality">
            {t('value.qualitySummary', {
              predicted: n(holdout.predicted),
              actual: n(holdout.actual),
              customers: n(holdout.customers),
              gap: formatShare(
                holdout.actual > 0 ? (holdout.predicted - holdout.actual) / holdout.actual : 0,
                language,
              ),
            })}
          </p>
          <div className="cv-quality">
            <EChart option={option} height={260} label={t('value.qualityChart')} />
            <table>
              <thead>
                <tr>
                  <th>{t('value.repeatBefore')}</th>
                  <th className="num">{t('value.customersCol')}</th>
                  <th className="num">{t('value.predicted')}</th>
                  <th className="num">{t('value.actual')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.frequency}>
                    <td>{label(r.frequency)}</td>
                    <td className="num">{n(r.customers)}</td>
                    <td className="num">{n(r.predicted, 2)}</td>
                    <td className="num">{n(r.actual, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <details className="small muted">
        <summary>{t('value.parameters')}</summary>
        {t('value.parametersText', {
          r: n(fit.purchases.r, 3),
          alpha: n(fit.purchases.alpha, 3),
          a: n(fit.purchases.a, 3),
          b: n(fit.purchases.b, 3),
          ll: n(fit.purchases.logLikelihood, 1),
          p: n(fit.spend.p, 3),
          q: n(fit.spend.q, 3),
          gamma: n(fit.spend.gamma, 0),
        })}
      </details>
    </section>
  );
}

function Customers({ fit }: { fit: CustomerValueFit }) {
  const { t, i18n } = useTranslation('analytics');
  const { workspace } = useWorkspace();
  const language = currentLanguage(i18n.language);
  const [offset, setOffset] = useState(0);
  const [atRiskOnly, setAtRiskOnly] = useState(false);
  const list = useCustomerValues(workspace.id, { limit: PAGE, offset, atRiskOnly });
  const money = (v: number) => formatMoney(v, workspace.currency, language);
  const decimal = (v: number) =>
    new Intl.NumberFormat(language === 'en' ? 'en-ID' : 'id-ID', { maximumFractionDigits: 1 }).format(v);
  const total = list.data?.total ?? 0;
  return (
    <section className="card">
      <div className="cv-list-head">
        <h2>{t('value.listTitle')}</h2>
        <a href={customerValueCsvUrl(workspace.id, atRiskOnly)} download data-testid="cv-csv">
          {t('value.csv')}
        </a>
      </div>
      <label className="cv-filter">
        <input
          type="checkbox"
          checked={atRiskOnly}
          onChange={(e) => {
            setAtRiskOnly(e.target.checked);
            setOffset(0);
          }}
        />{' '}
        {t('value.atRiskOnly')}
      </label>
      {list.error && <ErrorNotice error={list.error} />}
      {list.data?.items.length === 0 && <p className="muted">{t('value.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="cv-table-wrap">
          <table data-testid="cv-customers">
            <thead>
              <tr>
                <th>{t('value.customer')}</th>
                <th className="num">{t('value.repeat')}</th>
                <th className="num">{t('value.lastPurchase')}</th>
                <th className="num">{t('value.alive')}</th>
                <th className="num">{t('value.expectedPurchases')}</th>
                <th className="num">{t('value.expectedSpend')}</th>
                <th className="num">{t('value.valueCol', { weeks: fit.horizonWeeks })}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.customerId}>
                  <td>
                    <Link to={`/w/${workspace.id}/customers/${c.customerId}`}>
                      {c.customerName ?? t('value.unnamed')}
                    </Link>
                  </td>
                  <td className="num">{formatNumber(c.repeatPurchases, language)}</td>
                  <td className="num">{t('value.weeksAgo', { weeks: decimal(c.weeksSinceLast) })}</td>
                  <td className="num">{formatShare(c.probabilityAlive, language)}</td>
                  <td className="num">{decimal(c.expectedPurchases)}</td>
                  <td className="num">{money(c.expectedSpend)}</td>
                  <td className="num">{money(c.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > PAGE && (
        <nav className="cv-pager">
          <button
            type="button"
            className="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t('value.previous')}
          </button>
          <span>
            {t('value.pageOf', {
              from: formatNumber(offset + 1, language),
              to: formatNumber(Math.min(offset + PAGE, total), language),
              total: formatNumber(total, language),
            })}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('value.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
