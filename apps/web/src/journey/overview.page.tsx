import { useTranslation } from 'react-i18next';
import { useOverview } from '../api/journey.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { FilterBar } from './filter-bar.tsx';
import { FunnelSection } from './funnel-section.tsx';
import { StageSection } from './stage-section.tsx';
import { StatusSection } from './status-section.tsx';
import { TransitionsSection } from './transitions-section.tsx';
import { TrendSection } from './trend-section.tsx';
import { useJourneyFilter } from './use-journey-filter.ts';
import { usePeriod } from './use-period.ts';
import './overview.css';

/**
 * Where the customers are now, and how they moved in a period: every section answers for the branch,
 * first channel and period of the URL, so a link shows the same page to whoever opens it.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone, workspace.currency);
  const { filter, setFilter, clear } = useJourneyFilter();
  const period = usePeriod(workspace.timezone);
  const overview = useOverview(workspace.id, filter);
  if (overview.error) return <ErrorNotice error={overview.error} />;
  if (overview.isPending) return <p className="loading">{t('app.loading')}</p>;
  const data = overview.data;
  const filtered = filter.channel !== undefined || filter.branch !== undefined;
  const days = { fromDay: period.period.fromDay, toDay: period.period.toDay };

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('overview.title')}</h1>
        <p className="lead" data-testid="total">
          {workspace.name} ·{' '}
          {t('overview.total', { count: data.customers, formatted: format.number(data.customers) })}
        </p>
      </header>
      <FilterBar
        workspaceId={workspace.id}
        filter={filter}
        setFilter={setFilter}
        clear={clear}
        period={period}
      />
      {data.customers === 0 && !filtered ? (
        <section className="card">
          <p>{t('overview.empty')}</p>
        </section>
      ) : (
        <>
          <div className="stack">
            <StageSection overview={data} timeZone={workspace.timezone} />
            <StatusSection overview={data} timeZone={workspace.timezone} />
          </div>
          {period.valid && (
            <>
              <FunnelSection
                workspaceId={workspace.id}
                timeZone={workspace.timezone}
                days={days}
                from={period.period.from}
                to={period.period.to}
                filter={filter}
              />
              <TrendSection
                workspaceId={workspace.id}
                timeZone={workspace.timezone}
                days={days}
                filter={filter}
              />
            </>
          )}
          <TransitionsSection
            workspaceId={workspace.id}
            timeZone={workspace.timezone}
            stages={data.stages}
            period={period.period}
            valid={period.valid}
            filter={filter}
          />
        </>
      )}
    </div>
  );
}
