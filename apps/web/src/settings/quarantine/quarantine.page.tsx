import { useTranslation } from 'react-i18next';
import { useQuarantine } from '../../api/logs.api.ts';
import { useFormat } from '../../format/use-format.ts';
import { useWorkspace } from '../../layout/workspace-context.ts';
import { ErrorNotice } from '../../pages/error-notice.tsx';
import { LoadMore } from '../load-more.tsx';

/**
 * Events refused at ingestion, newest first: why each was refused and the event as it came, so the
 * developer of the sending side can fix it. Nothing is silently dropped.
 */
export function QuarantinePage() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone);
  const quarantine = useQuarantine(workspace.id);
  if (quarantine.error) return <ErrorNotice error={quarantine.error} />;
  if (quarantine.isPending) return <p className="loading">{tc('app.loading')}</p>;
  const items = quarantine.data.pages.flatMap((page) => page.items);

  return (
    <div className="page">
      <header>
        <h1>{t('quarantine.title')}</h1>
        <p className="lead">{t('quarantine.lead')}</p>
      </header>
      <section className="card">
        {items.length === 0 ? (
          <p className="muted" data-testid="quarantine-empty">
            {t('quarantine.empty')}
          </p>
        ) : (
          <table className="st-settings-table">
            <thead>
              <tr>
                <th>{t('quarantine.received')}</th>
                <th>{t('quarantine.reason')}</th>
                <th>{t('quarantine.event')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="quarantine-row">
                  <td className="st-nowrap small">
                    {format.dateTime(item.receivedAt)}
                    <div className="muted">
                      {item.endpoint}
                      {item.batchIndex !== null &&
                        ` · ${t('quarantine.index', { index: format.number(item.batchIndex) })}`}
                    </div>
                  </td>
                  <td className="st-reason" data-testid="quarantine-reason">
                    {item.reason}
                    {item.messageId && <div className="muted small st-code-inline">{item.messageId}</div>}
                  </td>
                  <td className="st-payload">
                    <details>
                      <summary>{t('quarantine.show')}</summary>
                      <pre className="st-code">{JSON.stringify(item.payload, null, 2)}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LoadMore query={quarantine} shown={items.length} />
      </section>
    </div>
  );
}
