import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole } from '@jejak/core/roles';
import { useBranches } from '../../api/branches.api.ts';
import { useKeys } from '../../api/keys.api.ts';
import { useAuditLog, type AuditFilter } from '../../api/logs.api.ts';
import { useInvitations, useMembers } from '../../api/members.api.ts';
import { useFormat } from '../../format/use-format.ts';
import { useWorkspace } from '../../layout/workspace-context.ts';
import { ErrorNotice } from '../../pages/error-notice.tsx';
import { LoadMore } from '../load-more.tsx';
import { AUDIT_AREAS, useActionLabel, useTargetLabel } from './audit-labels.ts';

/** Who changed what, when: owners', admins' and managers' changes and every key's, newest first. */
export function AuditPage() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone);
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(workspace.id, filter);
  const members = useMembers(workspace.id);
  const keys = useKeys(workspace.id);
  const branches = useBranches(workspace.id);
  const invitations = useInvitations(workspace.id, true);
  const actionLabel = useActionLabel();
  const targetLabel = useTargetLabel({
    branches: branches.data ?? [],
    members: members.data ?? [],
    keys: keys.data ?? [],
    invitations: invitations.data ?? [],
    workspaceName: workspace.name,
  });
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="page">
      <header>
        <h1>{t('audit.title')}</h1>
        <p className="lead">{t('audit.lead')}</p>
      </header>
      <section className="card">
        <div className="st-filters">
          <label className="inline-field">
            <span>{t('audit.actor')}</span>
            <select
              data-testid="audit-actor"
              value={filter.actorId ?? ''}
              onChange={(e) => setFilter({ ...filter, actorId: e.target.value || undefined })}
            >
              <option value="">{t('audit.everyone')}</option>
              {(members.data ?? []).map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name} · {m.email}
                </option>
              ))}
              {(keys.data ?? []).map((k) => (
                <option key={k.id} value={k.id}>
                  {t('audit.keyActor', { name: k.name })}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t('audit.action')}</span>
            <select
              data-testid="audit-action"
              value={filter.action ?? ''}
              onChange={(e) => setFilter({ ...filter, action: e.target.value || undefined })}
            >
              <option value="">{t('audit.allActions')}</option>
              {AUDIT_AREAS.map((area) => (
                <option key={area} value={`${area}.`}>
                  {t(`audit.areas.${area}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {log.error && <ErrorNotice error={log.error} />}
        {log.isPending ? (
          <p className="loading">{tc('app.loading')}</p>
        ) : items.length === 0 ? (
          <p className="muted">{t('audit.empty')}</p>
        ) : (
          <table className="st-settings-table">
            <thead>
              <tr>
                <th>{t('audit.when')}</th>
                <th>{t('audit.actor')}</th>
                <th>{t('audit.action')}</th>
                <th>{t('audit.target')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td className="st-nowrap small">{format.dateTime(entry.at)}</td>
                  <td>
                    {entry.actorLabel}
                    <div className="muted small">
                      {entry.actorKind === 'key'
                        ? t('audit.byKey')
                        : entry.role && isRole(entry.role)
                          ? tc(`roles.${entry.role}`)
                          : entry.role}
                      {entry.ip && ` · ${entry.ip}`}
                    </div>
                  </td>
                  <td data-testid="audit-action-label">{actionLabel(entry.action)}</td>
                  <td className="small">{targetLabel(entry.target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {log.data && <LoadMore query={log} shown={items.length} />}
      </section>
    </div>
  );
}
