import { REPORT_INTERVALS, type ReportInterval } from '@jejak/core/sales';
import { useSearchParams } from 'react-router';
import { useReport, type ReportFilter } from '../api/reports.api.ts';
import { useBranches } from '../api/sales.api.ts';
import { useFormat } from '../format/use-format.ts';
import { PeriodPicker } from '../journey/period-picker.tsx';
import { usePeriod } from '../journey/use-period.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { GoodsSection, PaymentsSection, PeopleSection } from './breakdown-sections.tsx';
import { useReportsTranslation } from './reports-i18n.ts';
import { RefundsSection, SalesSection, StockValueSection } from './time-sections.tsx';
import '../journey/overview.css';
import './reports.css';

/**
 * The business reports (issue 5 §5): sales over time, by product, category, branch, employee and
 * payment method, refunds and the stock's value, each a chart and a table with its CSV. The period,
 * branch and interval live in the URL (?from&to&branch&interval), so a link shows the same figures.
 */
export function ReportsPage() {
  const { t } = useReportsTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone, workspace.currency);
  const [params, setParams] = useSearchParams();
  const period = usePeriod(workspace.timezone);
  const branches = useBranches(workspace.id);
  const branch = params.get('branch') ?? undefined;
  const wanted = params.get('interval');
  const interval: ReportInterval = (REPORT_INTERVALS as readonly string[]).includes(wanted ?? '')
    ? (wanted as ReportInterval)
    : 'day';
  const filter: ReportFilter = {
    from: period.period.fromDay,
    to: period.period.toDay,
    interval,
    ...(branch ? { branch } : {}),
  };
  const set = (name: 'branch' | 'interval', value: string | undefined) =>
    setParams((current) => {
      if (value) current.set(name, value);
      else current.delete(name);
      return current;
    });
  const sales = useReport(workspace.id, 'sales', filter);
  const props = { workspaceId: workspace.id, timeZone: workspace.timezone, filter };
  const rest = { from: filter.from, to: filter.to, ...(branch ? { branch } : {}) };
  const restProps = { ...props, filter: rest };

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <p className="lead">
          {t('lead', {
            workspace: workspace.name,
            from: format.date(period.period.from),
            to: format.date(period.period.to - 1),
          })}
        </p>
      </header>
      <section className="card filters" data-testid="report-filters">
        <div className="filter-row">
          <label className="inline-field">
            <span>{t('col.branch')}</span>
            <select
              data-testid="filter-branch"
              value={branch ?? ''}
              onChange={(e) => set('branch', e.target.value || undefined)}
            >
              <option value="">{t('allBranches')}</option>
              {(branches.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t('interval')}</span>
            <select
              data-testid="filter-interval"
              value={interval}
              onChange={(e) => set('interval', e.target.value)}
            >
              {REPORT_INTERVALS.map((i) => (
                <option key={i} value={i}>
                  {t(`intervals.${i}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <PeriodPicker
          period={period.period}
          valid={period.valid}
          onChange={period.setPeriod}
          onLastDays={period.setLastDays}
        />
      </section>
      {period.valid && (
        <>
          <SalesSection {...props} report={sales} />
          <div className="reports-grid">
            <GoodsSection {...restProps} kind="products" />
            <GoodsSection {...restProps} kind="categories" />
            <PeopleSection {...restProps} kind="branches" />
            <PeopleSection {...restProps} kind="employees" />
            <PaymentsSection {...restProps} />
            <RefundsSection {...props} sales={sales.data} />
          </div>
          <StockValueSection {...restProps} />
        </>
      )}
    </div>
  );
}
