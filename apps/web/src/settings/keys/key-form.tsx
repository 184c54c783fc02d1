import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '@jejak/core/channel';
import { PERMISSIONS, type Permission } from '@jejak/core/roles';
import type { KeyKind, NewKey } from '../../api/keys.api.ts';
import { usePermissionLabel } from './permission-label.ts';

interface Props {
  /** The permissions the person holds: a key can carry no other (the API refuses them). */
  held: readonly Permission[];
  pending: boolean;
  onCreate: (key: NewKey) => void;
}

/** A new key: a write key for a website, app or till, or a secret key for the API with its scopes. */
export function KeyForm({ held, pending, onCreate }: Props) {
  const { t } = useTranslation('settings');
  const permissionLabel = usePermissionLabel();
  const [kind, setKind] = useState<KeyKind>('write');
  const [name, setName] = useState('');
  const [channel, setChannel] = useState('');
  const [allScopes, setAllScopes] = useState(true);
  const [scopes, setScopes] = useState<string[]>(['journey.read']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key: NewKey = { kind, name: name.trim() };
    if (kind === 'write' && channel) key.defaultChannel = channel;
    const holdsAll = held.length === PERMISSIONS.length;
    if (kind === 'secret') key.scopes = allScopes ? (holdsAll ? ['*'] : [...held]) : scopes;
    onCreate(key);
  };

  return (
    <form className="form" onSubmit={submit} data-testid="key-form">
      <fieldset className="st-choice">
        <legend>{t('keys.kind')}</legend>
        {(['write', 'secret'] as const).map((k) => (
          <label key={k} className="st-check">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>
              <strong>{t(`keys.kinds.${k}`)}</strong>
              <span className="muted small st-block">{t(`keys.kindHints.${k}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="st-form-row">
        <label className="field st-grow">
          <span>{t('keys.name')}</span>
          <input
            name="name"
            required
            maxLength={100}
            value={name}
            placeholder={t(kind === 'write' ? 'keys.namePlaceholder' : 'keys.secretPlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {kind === 'write' && (
          <label className="field">
            <span>{t('keys.defaultChannel')}</span>
            <select name="defaultChannel" value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value="">{t('keys.noChannel')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {kind === 'write' && <p className="muted small">{t('keys.channelHint')}</p>}
      {kind === 'secret' && (
        <fieldset className="st-choice">
          <legend>{t('keys.scopes')}</legend>
          <label className="st-check">
            <input type="radio" checked={allScopes} onChange={() => setAllScopes(true)} />
            {t('keys.allScopes')}
          </label>
          <label className="st-check">
            <input type="radio" checked={!allScopes} onChange={() => setAllScopes(false)} />
            {t('keys.someScopes')}
          </label>
          {!allScopes && (
            <div className="st-scope-grid">
              {held.map((p) => (
                <label key={p} className="st-check small">
                  <input
                    type="checkbox"
                    checked={scopes.includes(p)}
                    onChange={(e) =>
                      setScopes(e.target.checked ? [...scopes, p] : scopes.filter((s) => s !== p))
                    }
                  />
                  {permissionLabel(p)}
                </label>
              ))}
            </div>
          )}
        </fieldset>
      )}
      <div className="st-actions">
        <button
          type="submit"
          disabled={pending || name.trim() === '' || (kind === 'secret' && !allScopes && scopes.length === 0)}
        >
          {t('keys.create')}
        </button>
      </div>
    </form>
  );
}
