import { useState } from 'react';
import {
  downloadPathsCsv,
  useEventCatalogue,
  usePaths,
  type PathsDefinition,
} from '../api/event-analysis.api.ts';
import { EChart } from '../charts/echart.tsx';
import { formatNumber } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { useEventAnalysisTranslation } from './event-analysis-i18n.ts';
import './customer-value.css';
import './event-analysis.css';

/** Paths: what customers did after (or before) an event, as a Sankey of the top transitions and a table. */
export function PathsPage() {
  const { t, i18n } = useEventAnalysisTranslation();
  const language = currentLanguage(i18n.language);
  const { workspace } = useWorkspace();
  const catalogue = useEventCatalogue(workspace.id);
  const [event, setEvent] = useState('');
  const [direction, setDirection] = useState<'after' | 'before'>('after');
  const [steps, setSteps] = useState(4);
  const [top, setTop] = useState(8);
  const [applied, setApplied] = useState<PathsDefinition | null>(null);
  const paths = usePaths(workspace.id, applied);
  const names = catalogue.data?.events.map((e) => e.name) ?? [];
  const n = (v: number) => formatNumber(v, language);
  const data = paths.data;
  const label = (id: string) => {
    const colon = id.indexOf(':');
    return `${id.slice(0, colon)}. ${id.slice(colon + 1)}`;
  };
  const option = data && {
    animation: false,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 160,
        top: 8,
        bottom: 8,
        nodeGap: 10,
        orient: 'horizontal',
        data: data.nodes.map((node) => ({ name: node.id })),
        links: data.links.map((l) => ({ source: l.source, target: l.target, value: l.customers })),
        label: { formatter: (p: { name: string }) => label(p.name), fontSize: 11 },
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', curveness: 0.5 },
      },
    ],
  };
  return (
    <div className="page ea-page">
      <header className="page-head">
        <h1>{t('paths.title')}</h1>
        <p className="lead">{t('paths.lead')}</p>
      </header>
      {catalogue.error && <ErrorNotice error={catalogue.error} />}
      {catalogue.data && names.length === 0 && <p className="card muted">{t('funnel.empty')}</p>}
      {names.length > 0 && (
        <section className="card ea-options">
          <label className="field">
            {t('paths.event')}
            <select value={event} data-testid="paths-event" onChange={(e) => setEvent(e.target.value)}>
              <option value="">{t('funnel.chooseEvent')}</option>
              {names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('paths.direction')}
            <select value={direction} onChange={(e) => setDirection(e.target.value as 'after' | 'before')}>
              <option value="after">{t('paths.after')}</option>
              <option value="before">{t('paths.before')}</option>
            </select>
          </label>
          <label className="field">
            {t('paths.steps')}
            <input
              type="number"
              min={1}
              max={10}
              value={steps}
              onChange={(e) => setSteps(Math.min(10, Math.max(1, Number(e.target.value) || 1)))}
            />
          </label>
          <label className="field">
            {t('paths.top')}
            <input
              type="number"
              min={1}
              max={100}
              value={top}
              onChange={(e) => setTop(Math.min(100, Math.max(1, Number(e.target.value) || 1)))}
            />
          </label>
          <div className="ea-run">
            <button
              type="button"
              className="primary"
              disabled={event === ''}
              data-testid="paths-run"
              onClick={() => setApplied({ event, direction, steps, topPerStep: top })}
            >
              {t('paths.run')}
            </button>
          </div>
        </section>
      )}
      {paths.error && <ErrorNotice error={paths.error} />}
      {applied && data && data.customers === 0 && <p className="card muted">{t('paths.noPaths')}</p>}
      {applied && data && data.customers > 0 && option && (
        <>
          <section className="card">
            <div className="cv-list-head">
              <p data-testid="paths-customers">{t('paths.customers', { count: data.customers })}</p>
              <button
                type="button"
                className="secondary small"
                data-testid="paths-csv"
                onClick={() => void downloadPathsCsv(workspace.id, applied)}
              >
                {t('paths.csv')}
              </button>
            </div>
            <EChart option={option} height={Math.max(320, 26 * data.nodes.length)} label={t('paths.chart')} />
          </section>
          <section className="card">
            <div className="cv-table-wrap">
              <table data-testid="paths-table">
                <thead>
                  <tr>
                    <th className="num">{t('paths.step')}</th>
                    <th>{t('paths.from')}</th>
                    <th>{t('paths.to')}</th>
                    <th className="num">{t('paths.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.transitions.map((tr) => (
                    <tr key={`${tr.step}:${tr.from}:${tr.to}`}>
                      <td className="num">{applied.direction === 'after' ? tr.step : -tr.step}</td>
                      <td>{tr.from}</td>
                      <td>{tr.to}</td>
                      <td className="num">{n(tr.customers)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ul className="muted small">
              {data.ended.map((count, i) =>
                count > 0 ? <li key={i}>{t('paths.ended', { n: i + 1, count: n(count) })}</li> : null,
              )}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
