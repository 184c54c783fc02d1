import { useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useCustomer,
  useMerges,
  useUndoMerge,
  type CustomerDetail,
  type Merge,
} from '../api/customers.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { useCan, useCustomerLabels } from './customer-labels.ts';
import { MergeErrorNotice } from './merge-error.tsx';
import { MergePanel } from './merge-panel.tsx';

type Notice = { kind: 'undone' } | { kind: 'merged'; merged: string; survivor: string };

/**
 * The merges this customer took part in, each with a way back; and, for a role that may, merging
 * another customer into this one. A customer merged away says where their data went.
 */
export function CustomerMerges({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const canMerge = useCan('customers.write');
  const merges = useMerges(workspace.id, customer.id);
  const undo = useUndoMerge(workspace.id);
  // Kept as what happened, not as words, so the notice follows a change of language.
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const active = (m: Merge) => m.undoneAt === null;
  const mergedAway = merges.data?.find((m) => m.mergedId === customer.id && active(m));

  const undoMerge = (merge: Merge) =>
    undo.mutate(merge.id, {
      onSuccess: () => {
        setConfirming(null);
        setNotice({ kind: 'undone' });
      },
    });

  const undoControls = (merge: Merge) =>
    !canMerge || !active(merge) ? null : confirming === merge.id ? (
      <div className="confirm" role="group">
        <span>{t('customers.merge.undoConfirm')}</span>
        <button
          type="button"
          disabled={undo.isPending}
          onClick={() => undoMerge(merge)}
          data-testid="undo-yes"
        >
          {t('customers.merge.undoYes')}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(null)}>
          {t('customers.merge.cancel')}
        </button>
      </div>
    ) : (
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setNotice(null);
          setConfirming(merge.id);
        }}
        data-testid="undo-merge"
      >
        {t('customers.merge.undo')}
      </button>
    );

  return (
    <section className="card" data-testid="merges">
      <h2>{t('customers.merge.title')}</h2>
      {mergedAway ? (
        <div className="banner" role="status">
          <p data-testid="merged-banner">
            <Trans
              i18nKey="customers.merge.mergedBanner"
              components={{ who: <CustomerLink id={mergedAway.survivorId} /> }}
            />
          </p>
          {undoControls(mergedAway)}
        </div>
      ) : (
        <p className="muted small">{t('customers.merge.hint')}</p>
      )}
      {notice && (
        <p className="notice" role="status" data-testid="merge-notice">
          {notice.kind === 'undone'
            ? t('customers.merge.undoDone')
            : t('customers.merge.done', { merged: notice.merged, survivor: notice.survivor })}
        </p>
      )}
      {undo.error && <MergeErrorNotice error={undo.error} />}
      {merges.error ? (
        <ErrorNotice error={merges.error} />
      ) : merges.data?.length === 0 ? (
        <p className="muted">{t('customers.merge.none')}</p>
      ) : (
        <ul className="merges">
          {merges.data?.map((merge) => (
            <MergeItem key={merge.id} merge={merge} customerId={customer.id}>
              {merge !== mergedAway && undoControls(merge)}
            </MergeItem>
          ))}
        </ul>
      )}
      {canMerge && customer.mergedInto === null && (
        <MergePanel
          survivor={customer}
          onMerged={(names) => {
            setNotice({ kind: 'merged', ...names });
            setConfirming(null);
          }}
        />
      )}
    </section>
  );
}

function MergeItem({
  merge,
  customerId,
  children,
}: {
  merge: Merge;
  customerId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone, workspace.currency);
  const intoThis = merge.survivorId === customerId;
  return (
    <li className="merge" data-merge={merge.id} data-undone={merge.undoneAt !== null}>
      <div>
        <Trans
          i18nKey={intoThis ? 'customers.merge.intoThis' : 'customers.merge.thisInto'}
          components={{ who: <CustomerLink id={intoThis ? merge.mergedId : merge.survivorId} /> }}
        />
      </div>
      <div className="muted small">
        {format.dateTime(merge.createdAt)} ·{' '}
        {merge.causeMessageId ? t('customers.merge.automatic') : t('customers.merge.manual')} ·{' '}
        {t('customers.merge.keysMoved', {
          count: merge.keys.length,
          formatted: format.number(merge.keys.length),
        })}
        {merge.undoneAt !== null && (
          <> · {t('customers.merge.undone', { date: format.dateTime(merge.undoneAt) })}</>
        )}
      </div>
      {children}
    </li>
  );
}

/** Another customer by name, linked to their page. */
function CustomerLink({ id }: { id: string }) {
  const { workspace } = useWorkspace();
  const labels = useCustomerLabels();
  const other = useCustomer(workspace.id, id);
  return (
    <Link to={`/w/${workspace.id}/customers/${id}`} className="strong">
      {other.data ? labels.customerName(other.data) : id.slice(0, 8)}
    </Link>
  );
}
