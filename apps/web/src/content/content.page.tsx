import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  CONTENT_KINDS,
  useAddContent,
  useArchiveContent,
  useContent,
  useContentViews,
  type ContentKind,
} from '../api/content.api.ts';
import { useOverview } from '../api/journey.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { formatNumber } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useStageLabel } from '../journey/stage-labels.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

/** The content library: material per stage with its tracked link, and who viewed what in 30 days. */
export function ContentPage() {
  const { t, i18n } = useTranslation();
  const { workspace } = useWorkspace();
  const language = currentLanguage(i18n.language);
  const items = useContent(workspace.id);
  const views = useContentViews(workspace.id);
  const overview = useOverview(workspace.id);
  const stageLabel = useStageLabel(overview.data?.stages);
  const archive = useArchiveContent(workspace.id);
  const canManage = useCan('content.manage');
  const viewsOf = (id: string) => views.data?.byItem.find((r) => r.itemId === id);
  const n = (value: number) => formatNumber(value, language);
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('content.title')}</h1>
        <p className="lead">{t('content.lead')}</p>
      </header>
      {canManage && (
        <AddContent stages={overview.data?.stages.map((s) => s.key) ?? []} stageLabel={stageLabel} />
      )}
      <section className="card">
        {items.error && <ErrorNotice error={items.error} />}
        {archive.error && <ErrorNotice error={archive.error} />}
        {items.data?.length === 0 && <p className="muted">{t('content.empty')}</p>}
        {items.data && items.data.length > 0 && (
          <table data-testid="content">
            <thead>
              <tr>
                <th>{t('content.item')}</th>
                <th>{t('content.stage')}</th>
                <th className="num">{t('content.views')}</th>
                <th>{t('content.link')}</th>
                {canManage && <th>{t('content.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.data.map((item) => {
                const v = viewsOf(item.id);
                const link = `${window.location.origin}${item.generalPath}`;
                return (
                  <tr key={item.id} className={item.archivedAt ? 'muted' : undefined}>
                    <td>
                      <a href={item.url} target="_blank" rel="noreferrer">
                        {item.title}
                      </a>
                      <div className="small muted">{t(`content.kindOf.${item.kind}`)}</div>
                    </td>
                    <td>{stageLabel(item.stage)}</td>
                    <td className="num">
                      {t('content.viewsOf', { views: n(v?.views ?? 0), customers: n(v?.customers ?? 0) })}
                    </td>
                    <td>
                      {item.archivedAt ? (
                        t('content.archived')
                      ) : (
                        <code className="small content-link">{link}</code>
                      )}
                    </td>
                    {canManage && (
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => archive.mutate({ id: item.id, archived: item.archivedAt === null })}
                        >
                          {item.archivedAt ? t('content.restore') : t('content.archive')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2>{t('content.byStageTitle')}</h2>
        <p className="muted small">{t('content.byStageLead')}</p>
        {views.error && <ErrorNotice error={views.error} />}
        {views.data && (
          <table data-testid="content-stages">
            <thead>
              <tr>
                <th>{t('content.stage')}</th>
                <th className="num">{t('content.views')}</th>
                <th className="num">{t('content.customers')}</th>
              </tr>
            </thead>
            <tbody>
              {views.data.byStage.map((s) => (
                <tr key={s.stage}>
                  <td>{stageLabel(s.stage)}</td>
                  <td className="num">{n(s.views)}</td>
                  <td className="num">{n(s.customers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t('content.byCustomerTitle')}</h2>
        {views.data?.byCustomer.length === 0 && <p className="muted">{t('content.noCustomerViews')}</p>}
        <ul className="plain" data-testid="content-customers">
          {views.data?.byCustomer.map((c) => (
            <li key={c.customerId} className="kv">
              <Link to={`/w/${workspace.id}/customers/${c.customerId}`}>
                {c.customerName ?? c.customerId}
              </Link>
              <span className="num">{t('content.viewCount', { count: c.views })}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function AddContent({ stages, stageLabel }: { stages: string[]; stageLabel: (key: string) => string }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const add = useAddContent(workspace.id);
  const [kind, setKind] = useState<ContentKind>('comparison');
  const [title, setTitle] = useState('');
  const [stage, setStage] = useState('consideration');
  const [url, setUrl] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { kind, title, stage, url },
      {
        onSuccess: () => {
          setTitle('');
          setUrl('');
        },
      },
    );
  }
  return (
    <section className="card">
      <h2>{t('content.addTitle')}</h2>
      <form className="filters" onSubmit={submit}>
        <label>
          {t('content.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ContentKind)}>
            {CONTENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`content.kindOf.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('content.titleLabel')}
          <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('content.stage')}
          <select value={stage} onChange={(e) => setStage(e.target.value)}>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('content.url')}
          <input
            required
            type="url"
            value={url}
            placeholder="https://"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <button type="submit" disabled={add.isPending}>
          {t('content.add')}
        </button>
      </form>
      {add.error && <ErrorNotice error={add.error} />}
    </section>
  );
}
