import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateWorkspace } from '../../api/workspace.api.ts';
import { useWorkspace } from '../../layout/workspace-context.ts';
import { SettingsError } from '../settings-error.tsx';
import { ZoneFields } from '../zone-fields.tsx';

/** The business itself: its name, the time zone its days are cut in, the currency of its money. */
export function WorkspaceSettingsPage() {
  const { t } = useTranslation('settings');
  const { workspace } = useWorkspace();
  const update = useUpdateWorkspace(workspace.id);
  const [name, setName] = useState(workspace.name);
  const [zone, setZone] = useState({ timezone: workspace.timezone, currency: workspace.currency });
  const changed =
    name.trim() !== workspace.name ||
    zone.timezone !== workspace.timezone ||
    zone.currency !== workspace.currency;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ name: name.trim(), ...zone });
  };

  return (
    <div className="page">
      <header>
        <h1>{t('workspace.title')}</h1>
        <p className="lead">{t('workspace.lead')}</p>
      </header>
      <form className="card form st-settings-form" onSubmit={submit}>
        <label className="field">
          <span>{t('workspace.name')}</span>
          <input
            name="name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <ZoneFields timezone={zone.timezone} currency={zone.currency} onChange={setZone} />
        <p className="muted small">{t('workspace.zoneHint')}</p>
        {zone.currency !== workspace.currency && (
          <p className="st-warning small" role="note">
            {t('workspace.currencyWarning')}
          </p>
        )}
        {update.error && <SettingsError error={update.error} />}
        {update.isSuccess && !changed && (
          <p className="st-success" role="status">
            {t('common.saved')}
          </p>
        )}
        <div className="st-actions">
          <button type="submit" disabled={!changed || update.isPending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
