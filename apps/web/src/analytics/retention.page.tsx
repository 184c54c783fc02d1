import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBranches } from '../api/branches.api.ts';
import {
  retentionCsvUrl,
  useRetention,
  type EventChoice,
  type PeriodUnit,
  type RetentionFilter,
} from '../api/retention.api.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { LifecycleSection, MatrixSection, RepeatSection, RevenueSection } from './retention-sections.tsx';
import './customer-value.css';
import './retention.css';

const INITIAL: RetentionFilter = {
  unit: 'month',
  cohortBy: 'purchase',
  cohortEvent: '',
  returnBy: 'purchase',
  returnEvent: '',
  from: '',
  to: '',
  branchId: '',
  channel: '',
  withinDays: 30,
};

/** Retention: the cohort matrix as a heat map, repeat purchase, revenue retention and the lifecycle. */
export function RetentionPage() {
  const { t, i18n } = useTranslation('retention');
  const { workspace } = useWorkspace();
  const language = currentLanguage(i18n.language);
  const [filter, setFilter] = useState<RetentionFilter>(INITIAL);
  const report = useRetention(workspace.id, filter);
  const branches = useBranches(workspace.id);
  const set = <K extends keyof RetentionFilter>(key: K, value: RetentionFilter[K]) =>
    setFilter((f) => ({ ...f, [key]: value }));
  const data = report.data;
  const csv = (table: 'cohorts' | 'repeat' | 'lifecycle') =>
    retentionCsvUrl(workspace.id, table, filter, language);
  const eventChoice = (which: 'cohort' | 'return') => {
    const by = which === 'cohort' ? 'cohortBy' : 'returnBy';
    const event = which === 'cohort' ? 'cohortEvent' : 'returnEvent';
    return (
      <>
        <label>
          {t(by)}
          <select
            value={filter[by]}
            data-testid={`retention-${by}`}
            onChange={(e) => set(by, e.target.value as EventChoice)}
          >
            <option value="purchase">{which === 'cohort' ? t('firstPurchase') : t('purchase')}</option>
            <option value="any">{t('any')}</option>
            <option value="event">{t('event')}</option>
          </select>
        </label>
        {filter[by] === 'event' && (
          <label>
            {t('chooseEvent')}
            <select value={filter[event]} onChange={(e) => set(event, e.target.value)}>
              <option value="">{t('chooseEvent')}</option>
              {(data?.eventNames ?? []).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
      </>
    );
  };

  return (
    <div className="page retention-page">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <section className="card retention-filters">
        <label>
          {t('unit')}
          <select
            value={filter.unit}
            data-testid="retention-unit"
            onChange={(e) => set('unit', e.target.value as PeriodUnit)}
          >
            <option value="month">{t('month')}</option>
            <option value="week">{t('week')}</option>
          </select>
        </label>
        {eventChoice('cohort')}
        {eventChoice('return')}
        <label>
          {t('from')}
          <input type="date" value={filter.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          {t('to')}
          <input type="date" value={filter.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label>
          {t('branch')}
          <select value={filter.branchId} onChange={(e) => set('branchId', e.target.value)}>
            <option value="">{t('all')}</option>
            {(branches.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('channel')}
          <select value={filter.channel} onChange={(e) => set('channel', e.target.value)}>
            <option value="">{t('all')}</option>
            {(data?.channels ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('withinDays')}
          <input
            type="number"
            min={1}
            max={365}
            value={filter.withinDays}
            onChange={(e) => set('withinDays', Math.min(365, Math.max(1, Number(e.target.value) || 30)))}
          />
        </label>
      </section>
      {report.error && <ErrorNotice error={report.error} />}
      {report.isFetching && !data && <p className="muted">{t('loading')}</p>}
      {data && data.cohorts.every((c) => c.size === 0) && <p className="card muted">{t('empty')}</p>}
      {data && data.cohorts.some((c) => c.size > 0) && (
        <>
          <MatrixSection report={data} csv={csv('cohorts')} />
          <RepeatSection report={data} csv={csv('repeat')} />
          <RevenueSection report={data} currency={workspace.currency} />
          <LifecycleSection report={data} csv={csv('lifecycle')} />
        </>
      )}
    </div>
  );
}
