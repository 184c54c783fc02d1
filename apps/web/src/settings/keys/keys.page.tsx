import { useTranslation } from 'react-i18next';
import { PERMISSIONS, roleCan } from '@jejak/core/roles';
import { useCreateKey, useKeys, useRevokeKey, type ApiKey } from '../../api/keys.api.ts';
import { useFormat } from '../../format/use-format.ts';
import { roleOf } from '../../layout/navigation.ts';
import { useWorkspace } from '../../layout/workspace-context.ts';
import { ErrorNotice } from '../../pages/error-notice.tsx';
import { ConfirmButton } from '../confirm-button.tsx';
import { SettingsError } from '../settings-error.tsx';
import { CreatedKeyPanel } from './created-key.tsx';
import { KeyForm } from './key-form.tsx';
import { usePermissionLabel } from './permission-label.ts';

/** Keys that send events (write keys) and that use the API (secret keys): made, listed, revoked. */
export function KeysPage() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const { workspace, membership } = useWorkspace();
  const role = roleOf(membership.role);
  const held = role ? PERMISSIONS.filter((p) => roleCan(role, p)) : [];
  const keys = useKeys(workspace.id);
  const create = useCreateKey(workspace.id);
  const revoke = useRevokeKey(workspace.id);
  if (keys.error) return <ErrorNotice error={keys.error} />;
  if (keys.isPending) return <p className="loading">{tc('app.loading')}</p>;
  const active = keys.data.filter((k) => k.revokedAt === null);
  const revoked = keys.data.filter((k) => k.revokedAt !== null);

  return (
    <div className="page">
      <header>
        <h1>{t('keys.title')}</h1>
        <p className="lead">{t('keys.lead')}</p>
      </header>
      {create.data ? (
        <CreatedKeyPanel created={create.data} onDone={() => create.reset()} />
      ) : (
        <section className="card">
          <h2>{t('keys.new')}</h2>
          <KeyForm held={held} pending={create.isPending} onCreate={(key) => create.mutate(key)} />
          {create.error && <SettingsError error={create.error} />}
        </section>
      )}
      <section className="card">
        <h2>{t('keys.active', { count: active.length })}</h2>
        {active.length === 0 ? (
          <p className="muted">{t('keys.none')}</p>
        ) : (
          <KeyTable keys={active} timeZone={workspace.timezone} onRevoke={(id) => revoke.mutate(id)} />
        )}
        {revoke.error && <SettingsError error={revoke.error} />}
      </section>
      {revoked.length > 0 && (
        <section className="card">
          <h2>{t('keys.revoked', { count: revoked.length })}</h2>
          <KeyTable keys={revoked} timeZone={workspace.timezone} />
        </section>
      )}
    </div>
  );
}

function KeyTable({
  keys,
  timeZone,
  onRevoke,
}: {
  keys: ApiKey[];
  timeZone: string;
  onRevoke?: (id: string) => void;
}) {
  const { t } = useTranslation('settings');
  const format = useFormat(timeZone);
  const permissionLabel = usePermissionLabel();
  const detail = (key: ApiKey) =>
    key.kind === 'write'
      ? key.defaultChannel
        ? t('keys.channelIs', {
            channel: t(`channels.${key.defaultChannel}` as 'channels.web'),
          })
        : t('keys.ingestOnly')
      : key.scopes.map(permissionLabel).join(', ');
  return (
    <table className="st-settings-table">
      <thead>
        <tr>
          <th>{t('keys.name')}</th>
          <th>{t('keys.kind')}</th>
          <th>{t('keys.access')}</th>
          <th>{t('keys.used')}</th>
          <th>
            <span className="st-visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} data-testid="key-row" data-name={key.name}>
            <td>
              <strong>{key.name}</strong>
              <div className="muted small st-code-inline">{key.prefix}…</div>
            </td>
            <td>{t(`keys.kinds.${key.kind}`)}</td>
            <td className="small">{detail(key)}</td>
            <td className="small">
              <div>{t('keys.createdOn', { date: format.date(key.createdAt) })}</div>
              <div className="muted">
                {key.revokedAt !== null
                  ? t('keys.revokedOn', { date: format.dateTime(key.revokedAt) })
                  : key.lastUsedAt !== null
                    ? t('keys.lastUsed', { date: format.dateTime(key.lastUsedAt) })
                    : t('keys.neverUsed')}
              </div>
            </td>
            <td className="st-row-actions">
              {onRevoke && (
                <ConfirmButton
                  testId="key-revoke"
                  label={t('keys.revoke')}
                  question={t('keys.revokeQuestion')}
                  onConfirm={() => onRevoke(key.id)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
