import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useArchiveBranch,
  useBranches,
  useCreateBranch,
  useUpdateBranch,
  type Branch,
} from '../../api/branches.api.ts';
import { useFormat } from '../../format/use-format.ts';
import { can } from '../../layout/navigation.ts';
import { useWorkspace } from '../../layout/workspace-context.ts';
import { ErrorNotice } from '../../pages/error-notice.tsx';
import { ConfirmButton } from '../confirm-button.tsx';
import { SettingsError } from '../settings-error.tsx';
import { useZoneLabel } from '../zone-fields.tsx';
import { BranchForm } from './branch-form.tsx';

/** The outlets of the business. Managers see and edit their own; owners and admins add and archive. */
export function BranchesPage() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const { workspace, membership } = useWorkspace();
  const branches = useBranches(workspace.id);
  const create = useCreateBranch(workspace.id);
  const update = useUpdateBranch(workspace.id);
  const archive = useArchiveBranch(workspace.id);
  const format = useFormat(workspace.timezone);
  const zoneLabel = useZoneLabel();
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const manage = can(membership.role, 'branches.manage');

  if (branches.error) return <ErrorNotice error={branches.error} />;
  if (branches.isPending) return <p className="loading">{tc('app.loading')}</p>;
  const open = branches.data.filter((b) => b.archivedAt === null);
  const archived = branches.data.filter((b) => b.archivedAt !== null);

  const row = (branch: Branch) =>
    editing === branch.id ? (
      <tr key={branch.id}>
        <td colSpan={5}>
          <BranchForm
            testId="branch-edit"
            initial={branch}
            submitLabel={t('common.save')}
            pending={update.isPending}
            onCancel={() => setEditing(null)}
            onSubmit={(input) =>
              update.mutate({ id: branch.id, ...input }, { onSuccess: () => setEditing(null) })
            }
          />
        </td>
      </tr>
    ) : (
      <tr key={branch.id} data-testid="branch-row">
        <td>
          <strong>{branch.name}</strong>
          {branch.archivedAt !== null && (
            <div className="muted small">
              {t('branches.archivedOn', { date: format.date(branch.archivedAt) })}
            </div>
          )}
        </td>
        <td>{branch.address ?? <span className="muted">{t('branches.noAddress')}</span>}</td>
        <td>{zoneLabel(branch.timezone)}</td>
        <td>{branch.currency}</td>
        <td className="st-row-actions">
          {branch.archivedAt === null && (
            <button type="button" className="secondary" onClick={() => setEditing(branch.id)}>
              {t('common.edit')}
            </button>
          )}
          {manage &&
            (branch.archivedAt === null ? (
              <ConfirmButton
                label={t('branches.archive')}
                question={t('branches.archiveQuestion', { name: branch.name })}
                onConfirm={() => archive.mutate({ id: branch.id, archive: true })}
              />
            ) : (
              <button
                type="button"
                className="secondary"
                onClick={() => archive.mutate({ id: branch.id, archive: false })}
              >
                {t('branches.restore')}
              </button>
            ))}
        </td>
      </tr>
    );

  return (
    <div className="page">
      <header>
        <h1>{t('branches.title')}</h1>
        <p className="lead">{manage ? t('branches.lead') : t('branches.leadManager')}</p>
      </header>
      {manage && (
        <section className="card">
          <h2>{t('branches.add')}</h2>
          <BranchForm
            key={formKey}
            testId="branch-add"
            initial={{ name: '', address: null, timezone: workspace.timezone, currency: workspace.currency }}
            submitLabel={t('branches.addSubmit')}
            pending={create.isPending}
            onSubmit={(input) => create.mutate(input, { onSuccess: () => setFormKey((k) => k + 1) })}
          />
          {create.error && <SettingsError error={create.error} />}
        </section>
      )}
      <section className="card">
        <h2>{t('branches.open', { count: open.length })}</h2>
        {open.length === 0 ? (
          <p className="muted">{t('branches.none')}</p>
        ) : (
          <BranchTable rows={open.map(row)} />
        )}
        {(update.error ?? archive.error) && <SettingsError error={update.error ?? archive.error} />}
      </section>
      {archived.length > 0 && (
        <section className="card">
          <h2>{t('branches.archived', { count: archived.length })}</h2>
          <p className="muted small">{t('branches.archivedHint')}</p>
          <BranchTable rows={archived.map(row)} />
        </section>
      )}
    </div>
  );
}

function BranchTable({ rows }: { rows: ReactNode[] }) {
  const { t } = useTranslation('settings');
  return (
    <table className="st-settings-table">
      <thead>
        <tr>
          <th>{t('branches.name')}</th>
          <th>{t('branches.address')}</th>
          <th>{t('fields.timezone')}</th>
          <th>{t('fields.currency')}</th>
          <th>
            <span className="st-visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}
