import { useState } from 'react';
import {
  attributionCsvUrl,
  attributionCustomersCsvUrl,
  useAttribution,
  type AttributionModel,
  type AttributionQuery,
  type AttributionReport,
  type ChannelReturnRow,
} from '../api/attribution.api.ts';
import { EChart } from '../charts/echart.tsx';
import { formatMoney, formatNumber } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { can } from '../layout/navigation.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { AdSpendPanel } from './ad-spend.panel.tsx';
import { useAttributionTranslation } from './attribution-i18n.ts';
import { monthLabel } from './month-label.ts';
import './customer-value.css';

const REVENUE_WINDOWS = [0, 30, 90] as const;

/** First/last-touch attribution of first purchases, with CAC and ROAS per channel, and the ad spend behind them. */
export function AttributionPage() {
  const { t, i18n } = useAttributionTranslation();
  const { workspace, membership } = useWorkspace();
  const language = currentLanguage(i18n.language);
  const [model, setModel] = useState<AttributionModel>('last');
  const [lookbackDays, setLookbackDays] = useState(30);
  const [revenueDays, setRevenueDays] = useState(0);
  const query: AttributionQuery = { model, lookbackDays, revenueDays };
  const report = useAttribution(workspace.id, query);
  const data = report.data;
  return (
    <div className="page attr-page">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <section className="card attr-controls">
        <fieldset className="attr-model">
          <legend>{t('model')}</legend>
          {(['first', 'last'] as const).map((m) => (
            <label key={m} className="inline-field">
              <input
                type="radio"
                name="attr-model"
                value={m}
                checked={model === m}
                onChange={() => setModel(m)}
              />
              {t(m)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          {t('lookback')}
          <input
            type="number"
            min={1}
            max={365}
            value={lookbackDays}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 1 && v <= 365) setLookbackDays(v);
            }}
          />
        </label>
        <label className="field">
          {t('revenueWindow')}
          <select value={revenueDays} onChange={(e) => setRevenueDays(Number(e.target.value))}>
            {REVENUE_WINDOWS.map((d) => (
              <option key={d} value={d}>
                {d === 0 ? t('revenueFirst') : t('revenueDays', { count: d })}
              </option>
            ))}
          </select>
        </label>
      </section>
      {report.error && <ErrorNotice error={report.error} />}
      {data && data.customers === 0 && data.channels.length === 0 && (
        <p className="card muted">{t('empty')}</p>
      )}
      {data && (data.customers > 0 || data.channels.length > 0) && (
        <Report data={data} query={query} language={language} />
      )}
      {can(membership.role, 'analytics.manage') && <AdSpendPanel />}
    </div>
  );
}

function Report({
  data,
  query,
  language,
}: {
  data: AttributionReport;
  query: AttributionQuery;
  language: 'id' | 'en';
}) {
  const { t, channel } = useAttributionTranslation();
  const { workspace } = useWorkspace();
  const money = (v: number) => formatMoney(v, data.currency, language);
  const option = {
    grid: { left: 110, right: 24, top: 36, bottom: 28 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => money(v),
    },
    xAxis: { type: 'category', data: data.channels.map((r) => channel(r.channel)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
    series: [
      {
        name: t('spend'),
        type: 'bar',
        data: data.channels.map((r) => r.spend),
        itemStyle: { color: '#e07a5f' },
      },
      {
        name: t('revenue'),
        type: 'bar',
        data: data.channels.map((r) => r.revenue),
        itemStyle: { color: '#1f4e8c' },
      },
    ],
  };
  return (
    <>
      <section className="card">
        <p data-testid="attr-summary">
          {t('summary', {
            customers: formatNumber(data.customers, language),
            withoutTouch: formatNumber(data.withoutTouch, language),
          })}
        </p>
        <div className="attr-links">
          <a href={attributionCsvUrl(workspace.id, query)} download data-testid="attr-csv">
            {t('csv')}
          </a>
          <a href={attributionCustomersCsvUrl(workspace.id, query)} download>
            {t('customersCsv')}
          </a>
        </div>
        <EChart option={option} height={300} label={t('chart')} />
        <h2>{t('byChannel')}</h2>
        <ReturnTable
          rows={data.channels}
          withMonth={false}
          testId="attr-channels"
          language={language}
          currency={data.currency}
        />
      </section>
      <section className="card">
        <h2>{t('byMonth')}</h2>
        <ReturnTable
          rows={data.months}
          withMonth
          testId="attr-months"
          language={language}
          currency={data.currency}
        />
      </section>
      <section className="card">
        <h2>{t('byCampaign')}</h2>
        <div className="cv-table-wrap">
          <table data-testid="attr-campaigns">
            <thead>
              <tr>
                <th>{t('channel')}</th>
                <th>{t('campaign')}</th>
                <th className="num">{t('customers')}</th>
                <th className="num">{t('revenue')}</th>
                <th className="num">{t('spend')}</th>
              </tr>
            </thead>
            <tbody>
              {data.campaigns.map((c) => (
                <tr key={`${c.channel}|${c.campaign}`}>
                  <td>{channel(c.channel)}</td>
                  <td>{c.campaign || <span className="muted">{t('noCampaign')}</span>}</td>
                  <td className="num">{formatNumber(c.customers, language)}</td>
                  <td className="num">{money(c.revenue)}</td>
                  <td className="num">{money(c.spend)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function ReturnTable({
  rows,
  withMonth,
  testId,
  language,
  currency,
}: {
  rows: ChannelReturnRow[];
  withMonth: boolean;
  testId: string;
  language: 'id' | 'en';
  currency: string;
}) {
  const { t, channel } = useAttributionTranslation();
  const money = (v: number) => formatMoney(v, currency, language);
  const roas = (v: number) =>
    t('roasValue', {
      value: new Intl.NumberFormat(language === 'en' ? 'en-ID' : 'id-ID', {
        maximumFractionDigits: 2,
      }).format(v),
    });
  return (
    <div className="cv-table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            {withMonth && <th>{t('month')}</th>}
            <th>{t('channel')}</th>
            <th className="num">{t('customers')}</th>
            <th className="num">{t('revenue')}</th>
            <th className="num">{t('spend')}</th>
            <th className="num">{t('cac')}</th>
            <th className="num">{t('roas')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.month}|${r.channel}`} data-channel={r.channel}>
              {withMonth && <td>{monthLabel(r.month, language)}</td>}
              <td>{channel(r.channel)}</td>
              <td className="num">{formatNumber(r.customers, language)}</td>
              <td className="num">{money(r.revenue)}</td>
              <td className="num">{money(r.spend)}</td>
              <td className="num">{r.cac === null ? t('none') : money(r.cac)}</td>
              <td className="num">{r.roas === null ? t('none') : roas(r.roas)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
