import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BranchInput } from '../../api/branches.api.ts';
import { ZoneFields } from '../zone-fields.tsx';

interface Props {
  initial: BranchInput;
  submitLabel: string;
  pending: boolean;
  onSubmit: (input: BranchInput) => void;
  onCancel?: () => void;
  testId: string;
}

/** A branch's name, address, time zone and currency: to add one, or to change one. */
export function BranchForm({ initial, submitLabel, pending, onSubmit, onCancel, testId }: Props) {
  const { t } = useTranslation('settings');
  const [name, setName] = useState(initial.name);
  const [address, setAddress] = useState(initial.address ?? '');
  const [zone, setZone] = useState({ timezone: initial.timezone, currency: initial.currency });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name: name.trim(), address: address.trim() === '' ? null : address.trim(), ...zone });
  };

  return (
    <form className="form st-branch-form" onSubmit={submit} data-testid={testId}>
      <div className="st-form-row">
        <label className="field">
          <span>{t('branches.name')}</span>
          <input
            name="name"
            required
            maxLength={200}
            value={name}
            placeholder={t('branches.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field st-grow">
          <span>{t('branches.address')}</span>
          <input
            name="address"
            maxLength={500}
            value={address}
            placeholder={t('branches.addressPlaceholder')}
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
      </div>
      <div className="st-form-row">
        <ZoneFields timezone={zone.timezone} currency={zone.currency} onChange={setZone} />
      </div>
      <div className="st-actions">
        <button type="submit" disabled={pending || name.trim() === ''}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
