import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCustomers,
  useMergeCustomers,
  type CustomerDetail,
  type CustomerListItem,
} from '../api/customers.api.ts';
import { formatPhone } from '../format/format.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { MergeErrorNotice } from './merge-error.tsx';
import { useCustomerLabels } from './customer-labels.ts';

const RESULTS = 8;

interface Props {
  survivor: CustomerDetail;
  onMerged: (names: { merged: string; survivor: string }) => void;
}

/**
 * Merging another customer into this one, in three steps a person can follow: find the other one by
 * search, read what will happen and confirm, see the result on this page.
 */
export function MergePanel({ survivor, onMerged }: Props) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone, workspace.currency);
  const labels = useCustomerLabels();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<CustomerListItem | null>(null);
  const search = text.trim();
  const results = useCustomers(
    workspace.id,
    { search },
    { pageSize: RESULTS + 1, enabled: open && search !== '' },
  );
  const merge = useMergeCustomers(workspace.id);
  const candidates = (results.data?.pages[0]?.items ?? [])
    .filter((c) => c.id !== survivor.id)
    .slice(0, RESULTS);
  const names = {
    survivor: labels.customerName(survivor),
    merged: picked ? labels.customerName(picked) : '',
  };

  const close = () => {
    setOpen(false);
    setText('');
    setPicked(null);
    merge.reset();
  };

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)} data-testid="merge-start">
        {t('customers.merge.start')}
      </button>
    );
  }

  if (picked) {
    return (
      <div className="merge-panel" data-testid="merge-confirm">
        <h3>{t('customers.merge.confirmTitle', names)}</h3>
        <p>{t('customers.merge.confirmBody', names)}</p>
        {merge.error && <MergeErrorNotice error={merge.error} />}
        <div className="actions">
          <button
            type="button"
            disabled={merge.isPending}
            data-testid="merge-confirm-yes"
            onClick={() =>
              merge.mutate(
                { survivorId: survivor.id, mergedId: picked.id },
                {
                  onSuccess: () => {
                    onMerged(names);
                    close();
                  },
                },
              )
            }
          >
            {merge.isPending ? t('app.loading') : t('customers.merge.confirm')}
          </button>
          <button type="button" className="secondary" onClick={close}>
            {t('customers.merge.cancel')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="merge-panel" data-testid="merge-search">
      <label className="field">
        <span>{t('customers.merge.searchLabel', { name: names.survivor })}</span>
        <input
          type="search"
          autoFocus
          value={text}
          placeholder={t('customers.list.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="merge-search-input"
        />
      </label>
      {search !== '' && !results.isPending && candidates.length === 0 && (
        <p className="muted">{t('customers.merge.noResults')}</p>
      )}
      {candidates.length > 0 && (
        <ul className="candidates">
          {candidates.map((c) => (
            <li key={c.id} data-candidate={c.id}>
              <div>
                <strong>{labels.customerName(c)}</strong>
                <div className="muted small">
                  {[c.phone ? formatPhone(c.phone) : null, c.email, format.dateTime(c.lastSeenAt)]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </div>
              <button type="button" className="secondary" onClick={() => setPicked(c)}>
                {t('customers.merge.pick')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={close}>
        {t('customers.merge.cancel')}
      </button>
    </div>
  );
}
