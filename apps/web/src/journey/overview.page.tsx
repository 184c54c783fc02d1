import { useTranslation } from 'react-i18next';
import { useOverview } from '../api/journey.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { StageSection } from './stage-section.tsx';
import { StatusSection } from './status-section.tsx';
import { TransitionsSection } from './transitions-section.tsx';

/** Where the customers are now, and how they moved in a period. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone, workspace.currency);
  const overview = useOverview(workspace.id);
  if (overview.error) return <ErrorNotice error={overview.error} />;
  if (overview.isPending) return <p className="loading">{t('app.loading')}</p>;
  const data = overview.data;

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('overview.title')}</h1>
        <p className="lead" data-testid="total">
          {workspace.name} ·{' '}
          {t('overview.total', { count: data.customers, formatted: format.number(data.customers) })}
        </p>
      </header>
      {data.customers === 0 ? (
        <section className="card">
          <p>{t('overview.empty')}</p>
        </section>
      ) : (
        <>
          <div className="stack">
            <StageSection overview={data} timeZone={workspace.timezone} />
            <StatusSection overview={data} timeZone={workspace.timezone} />
          </div>
          <TransitionsSection workspaceId={workspace.id} timeZone={workspace.timezone} stages={data.stages} />
        </>
      )}
    </div>
  );
}
