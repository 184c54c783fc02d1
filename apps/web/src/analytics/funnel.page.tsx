import { useState } from 'react';
import { Link } from 'react-router';
import {
  downloadFunnelCsv,
  downloadFunnelCustomersCsv,
  useEventCatalogue,
  useFunnel,
  useFunnelCustomers,
  type BreakdownBy,
  type FunnelDefinition,
  type FunnelOrder,
  type FunnelReport,
} from '../api/event-analysis.api.ts';
import { EChart } from '../charts/echart.tsx';
import { formatNumber, formatShare } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { useEventAnalysisTranslation } from './event-analysis-i18n.ts';
import './customer-value.css';
import './event-analysis.css';

const UNITS = { minute: 1, hour: 60, day: 1440 } as const;
type Unit = keyof typeof UNITS;
const ORDERS: FunnelOrder[] = ['sequential', 'strict', 'any'];

/** Event funnels: a step editor, then the customers per step (chart and table), breakdown, time to convert, who. */
export function FunnelPage() {
  const { t } = useEventAnalysisTranslation();
  const { workspace } = useWorkspace();
  const catalogue = useEventCatalogue(workspace.id);
  const [steps, setSteps] = useState<string[]>(['', '', '']);
  const [windowValue, setWindowValue] = useState(7);
  const [unit, setUnit] = useState<Unit>('day');
  const [order, setOrder] = useState<FunnelOrder>('sequential');
  const [by, setBy] = useState<BreakdownBy | 'none'>('none');
  const [property, setProperty] = useState('');
  const [exclusion, setExclusion] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [applied, setApplied] = useState<FunnelDefinition | null>(null);
  const funnel = useFunnel(workspace.id, applied);
  const names = catalogue.data?.events.map((e) => e.name) ?? [];
  const ready =
    steps.length >= 2 && steps.every((s) => s !== '') && (by !== 'property' || property.trim() !== '');
  const run = () => {
    setApplied({
      steps: steps.map((event) => ({ event })),
      windowMinutes: Math.max(1, Math.round(windowValue * UNITS[unit])),
      order,
      ...(by !== 'none' ? { breakdown: by === 'property' ? { by, property: property.trim() } : { by } } : {}),
      ...(exclusion ? { exclusions: [{ event: exclusion }] } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
  };
  return (
    <div className="page ea-page">
      <header className="page-head">
        <h1>{t('funnel.title')}</h1>
        <p className="lead">{t('funnel.lead')}</p>
      </header>
      {catalogue.error && <ErrorNotice error={catalogue.error} />}
      {catalogue.data && names.length === 0 && <p className="card muted">{t('funnel.empty')}</p>}
      {names.length > 0 && (
        <section className="card ea-editor">
          <fieldset className="ea-steps">
            <legend>{t('funnel.steps')}</legend>
            {steps.map((step, i) => (
              <div className="ea-step" key={i}>
                <label className="field">
                  {t('funnel.step', { n: i + 1 })}
                  <select
                    value={step}
                    data-testid={`funnel-step-${i + 1}`}
                    onChange={(e) => setSteps(steps.map((s, j) => (j === i ? e.target.value : s)))}
                  >
                    <option value="">{t('funnel.chooseEvent')}</option>
                    {names.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
                {steps.length > 2 && (
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={t('funnel.removeStep', { n: i + 1 })}
                    onClick={() => setSteps(steps.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                )}
              </div>
            ))}
            {steps.length < 10 && (
              <button type="button" className="secondary" onClick={() => setSteps([...steps, ''])}>
                {t('funnel.addStep')}
              </button>
            )}
          </fieldset>
          <div className="ea-options">
            <label className="field">
              {t('funnel.windowValue')}
              <span className="ea-window">
                <input
                  type="number"
                  min={1}
                  value={windowValue}
                  aria-label={t('funnel.window')}
                  onChange={(e) => setWindowValue(Math.max(1, Number(e.target.value) || 1))}
                />
                <select
                  value={unit}
                  onChange={(e) => setUnit(e.target.value as Unit)}
                  aria-label={t('funnel.window')}
                >
                  {(Object.keys(UNITS) as Unit[]).map((u) => (
                    <option key={u} value={u}>
                      {t(`funnel.unit.${u}`)}
                    </option>
                  ))}
                </select>
              </span>
            </label>
            <label className="field">
              {t('funnel.order')}
              <select value={order} onChange={(e) => setOrder(e.target.value as FunnelOrder)}>
                {ORDERS.map((o) => (
                  <option key={o} value={o}>
                    {t(`funnel.orders.${o}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('funnel.breakdown')}
              <select
                value={by}
                data-testid="funnel-breakdown"
                onChange={(e) => setBy(e.target.value as BreakdownBy | 'none')}
              >
                {(['none', 'channel', 'branch', 'property'] as const).map((b) => (
                  <option key={b} value={b}>
                    {t(`funnel.breakdowns.${b}`)}
                  </option>
                ))}
              </select>
            </label>
            {by === 'property' && (
              <label className="field">
                {t('funnel.property')}
                <input value={property} onChange={(e) => setProperty(e.target.value)} />
              </label>
            )}
            <label className="field">
              {t('funnel.exclusion')}
              <select value={exclusion} onChange={(e) => setExclusion(e.target.value)}>
                <option value="">{t('funnel.noExclusion')}</option>
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('funnel.from')}
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label className="field">
              {t('funnel.to')}
              <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </div>
          <div className="ea-run">
            <button
              type="button"
              className="primary"
              disabled={!ready}
              onClick={run}
              data-testid="funnel-run"
            >
              {t('funnel.run')}
            </button>
            {!ready && <span className="muted small">{t('funnel.needSteps')}</span>}
          </div>
        </section>
      )}
      {funnel.error && <ErrorNotice error={funnel.error} />}
      {applied && funnel.data && <FunnelResult definition={applied} report={funnel.data} />}
    </div>
  );
}

function FunnelResult({ definition, report }: { definition: FunnelDefinition; report: FunnelReport }) {
  const { t, channel, duration, i18n } = useEventAnalysisTranslation();
  const language = currentLanguage(i18n.language);
  const { workspace } = useWorkspace();
  const [pick, setPick] = useState<{ step: number; outcome: 'reached' | 'dropped'; group?: string } | null>(
    null,
  );
  const customers = useFunnelCustomers(workspace.id, definition, pick);
  const n = (v: number) => formatNumber(v, language);
  const groupLabel = (g: { value: string; label: string }) =>
    g.value === '' ? t('funnel.none') : definition.breakdown?.by === 'channel' ? channel(g.value) : g.label;
  const stepLabels = report.steps.map((s, i) => `${i + 1}. ${s.event}`);
  const option = {
    animation: false,
    grid: { left: 180, right: 60, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: stepLabels },
    series: [
      {
        type: 'bar',
        name: t('funnel.customers'),
        data: report.steps.map((s) => s.customers),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => n(p.value) },
        itemStyle: { color: '#3f73b5' },
      },
    ],
  };
  const bucketLabel = (b: { fromMs: number; toMs: number | null }) =>
    b.toMs === null
      ? t('duration.open', { from: duration(b.fromMs) })
      : b.fromMs === 0
        ? t('duration.under', { to: duration(b.toMs) })
        : t('duration.range', { from: duration(b.fromMs), to: duration(b.toMs) });
  const time = report.timeToConvert;
  const timeOption = {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 64 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: time.buckets.map(bucketLabel), axisLabel: { rotate: 30, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('funnel.customers'), data: time.buckets.map((b) => b.customers) }],
  };
  return (
    <>
      <section className="card">
        <div className="cv-list-head">
          <p className="muted small">{t('funnel.scanned', { events: n(report.events) })}</p>
          <button
            type="button"
            className="secondary small"
            data-testid="funnel-csv"
            onClick={() => void downloadFunnelCsv(workspace.id, definition)}
          >
            {t('funnel.csv')}
          </button>
        </div>
        <EChart option={option} height={Math.max(160, 48 * report.steps.length)} label={t('funnel.chart')} />
        <div className="cv-table-wrap">
          <table data-testid="funnel-table">
            <thead>
              <tr>
                <th>{t('funnel.event')}</th>
                <th className="num">{t('funnel.customers')}</th>
                <th className="num">{t('funnel.fromPrevious')}</th>
                <th className="num">{t('funnel.fromFirst')}</th>
                <th className="num">{t('funnel.dropped')}</th>
              </tr>
            </thead>
            <tbody>
              {report.steps.map((s, i) => (
                <tr key={i}>
                  <td>{stepLabels[i]}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('funnel.showReached')}
                      title={t('funnel.showReached')}
                      onClick={() => setPick({ step: i + 1, outcome: 'reached' })}
                    >
                      {n(s.customers)}
                    </button>
                  </td>
                  <td className="num">{formatShare(s.fromPrevious, language)}</td>
                  <td className="num">{formatShare(s.fromFirst, language)}</td>
                  <td className="num">
                    {i < report.steps.length - 1 ? (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('funnel.showDropped')}
                        title={t('funnel.showDropped')}
                        onClick={() => setPick({ step: i + 1, outcome: 'dropped' })}
                      >
                        {n(s.dropped)}
                      </button>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {report.groups.length > 0 && definition.breakdown && (
        <section className="card">
          <h2>{t('funnel.byGroup', { by: t(`funnel.breakdowns.${definition.breakdown.by}`) })}</h2>
          <div className="cv-table-wrap">
            <table data-testid="funnel-groups">
              <thead>
                <tr>
                  <th>{t(`funnel.breakdowns.${definition.breakdown.by}`)}</th>
                  {report.steps.map((_, i) => (
                    <th key={i} className="num">
                      {t('funnel.step', { n: i + 1 })}
                    </th>
                  ))}
                  <th className="num">{t('funnel.converted')}</th>
                </tr>
              </thead>
              <tbody>
                {report.groups.map((g) => (
                  <tr key={g.value}>
                    <td>{groupLabel(g)}</td>
                    {g.steps.map((s, i) => (
                      <td key={i} className="num">
                        {n(s.customers)}
                      </td>
                    ))}
                    <td className="num">{formatShare(g.steps.at(-1)!.fromFirst, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section className="card">
        <h2>{t('funnel.timeTitle')}</h2>
        <p data-testid="funnel-median">
          {time.medianMs === null
            ? t('funnel.noConversion')
            : t('funnel.medianTime', { time: duration(time.medianMs), customers: n(time.customers) })}
        </p>
        {time.customers > 0 && <EChart option={timeOption} height={240} label={t('funnel.timeChart')} />}
      </section>
      {pick && (
        <section className="card">
          <div className="cv-list-head">
            <h2>
              {pick.outcome === 'reached'
                ? t('funnel.listReached', { n: pick.step })
                : t('funnel.listDropped', { n: pick.step })}
            </h2>
            <button
              type="button"
              className="secondary small"
              onClick={() => void downloadFunnelCustomersCsv(workspace.id, definition, pick)}
            >
              {t('funnel.customersCsv')}
            </button>
          </div>
          {customers.error && <ErrorNotice error={customers.error} />}
          {customers.data && (
            <>
              <p className="muted small">{t('funnel.total', { count: customers.data.total })}</p>
              {customers.data.items.length === 0 ? (
                <p className="muted">{t('funnel.noCustomers')}</p>
              ) : (
                <table data-testid="funnel-customers">
                  <thead>
                    <tr>
                      <th>{t('funnel.name')}</th>
                      <th className="num">{t('funnel.furthest')}</th>
                      <th className="num">{t('funnel.convertTime')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {customers.data.items.map((c) => (
                      <tr key={c.customerId}>
                        <td>
                          <Link to={`../customers/${c.customerId}`}>{c.customerName ?? c.customerId}</Link>
                        </td>
                        <td className="num">{c.step}</td>
                        <td className="num">{c.convertMs === null ? '–' : duration(c.convertMs)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
