import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useCustomers } from '../api/customers.api.ts';
import {
  useAdjustPoints,
  useLoyaltyEntries,
  useLoyaltyStanding,
  type LoyaltyEntry,
} from '../api/loyalty.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

type Format = ReturnType<typeof useFormat>;

const KIND_KEYS = {
  earn: 'loyalty.ledger.kinds.earn',
  bonus: 'loyalty.ledger.kinds.bonus',
  adjust: 'loyalty.ledger.kinds.adjust',
  restore: 'loyalty.ledger.kinds.restore',
  redeem: 'loyalty.ledger.kinds.redeem',
  expire: 'loyalty.ledger.kinds.expire',
  cancel: 'loyalty.ledger.kinds.cancel',
} as const satisfies Record<LoyaltyEntry['kind'], string>;

/**
 * A manager's look at one customer's points: found by name or phone, the balance explained (what can
 * be spent, what is pending, any debt), every entry of the ledger, and the form to give or take
 * points by hand with a reason.
 */
export function CustomerLedger() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const matches = useCustomers(workspace.id, { search }, { pageSize: 6, enabled: search.trim().length >= 2 });
  const found = matches.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card loyalty-ledger" data-testid="loyalty-ledger">
      <h2>{t('loyalty.ledger.title')}</h2>
      <p className="muted">{t('loyalty.ledger.lead')}</p>
      <input
        type="search"
        aria-label={t('loyalty.ledger.search')}
        placeholder={t('loyalty.ledger.search')}
        data-testid="ledger-search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {search.trim().length >= 2 && (
        <ul className="ledger-matches">
          {found.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="secondary"
                aria-pressed={chosen?.id === c.id}
                onClick={() => setChosen({ id: c.id, name: c.name ?? c.phone ?? c.email ?? c.id })}
              >
                {c.name ?? t('loyalty.ledger.unnamed')}
                {c.phone && <span> · {c.phone}</span>}
              </button>
            </li>
          ))}
          {matches.isSuccess && found.length === 0 && <li className="muted">{t('loyalty.ledger.none')}</li>}
        </ul>
      )}
      {chosen && <Ledger customerId={chosen.id} name={chosen.name} />}
    </section>
  );
}

function Ledger({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone);
  const standing = useLoyaltyStanding(workspace.id, customerId);
  const entries = useLoyaltyEntries(workspace.id, customerId);
  const canAdjust = useCan('loyalty.adjust');
  const s = standing.data;
  return (
    <div className="ledger-customer">
      <h3>
        <Link to={`/w/${workspace.id}/customers/${customerId}`}>{name}</Link>
      </h3>
      {standing.error && <ErrorNotice error={standing.error} />}
      {s && (
        <p data-testid="ledger-balance">
          <strong>{t('loyalty.ledger.balance', { points: format.number(s.balance) })}</strong>{' '}
          <span className="muted">
            {t('loyalty.ledger.explained', {
              spendable: format.number(s.spendable),
              pending: format.number(s.pending),
              debt: format.number(s.debt),
              worth: format.money(s.worth),
            })}
          </span>
          {s.tier && <span> · {t('loyalty.ledger.tier', { name: s.tier.name })}</span>}
        </p>
      )}
      {canAdjust && <AdjustForm customerId={customerId} />}
      {entries.error && <ErrorNotice error={entries.error} />}
      {entries.data && (
        <div className="table-scroll" tabIndex={0} aria-label={t('loyalty.ledger.title')}>
          <table data-testid="ledger-entries">
            <thead>
              <tr>
                <th>{t('loyalty.ledger.at')}</th>
                <th>{t('loyalty.ledger.kind')}</th>
                <th className="num">{t('loyalty.ledger.points')}</th>
                <th className="num">{t('loyalty.ledger.remaining')}</th>
                <th>{t('loyalty.ledger.expires')}</th>
                <th>{t('loyalty.ledger.order')}</th>
                <th>{t('loyalty.ledger.reason')}</th>
                <th>{t('loyalty.ledger.who')}</th>
                <th className="num">{t('loyalty.ledger.after')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.items.map((e) => (
                <EntryRow key={e.id} entry={e} format={format} workspaceId={workspace.id} />
              ))}
              {entries.data.items.length === 0 && (
                <tr>
                  <td colSpan={9} className="muted">
                    {t('loyalty.ledger.empty')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function EntryRow({
  entry: e,
  format,
  workspaceId,
}: {
  entry: LoyaltyEntry;
  format: Format;
  workspaceId: string;
}) {
  const { t } = useTranslation();
  const credit = e.points > 0 || ['earn', 'bonus', 'restore'].includes(e.kind);
  return (
    <tr data-kind={e.kind}>
      <td>{format.dateTime(e.at)}</td>
      <td>{t(KIND_KEYS[e.kind])}</td>
      <td className="num">{(e.points > 0 ? '+' : '') + format.number(e.points)}</td>
      <td className="num">{credit ? format.number(e.remaining) : '—'}</td>
      <td>
        {credit && e.expiresAt !== null ? format.date(e.expiresAt) : credit ? t('loyalty.ledger.never') : '—'}
      </td>
      <td>
        {e.orderId?.startsWith('online:') ? (
          t('loyalty.ledger.onlineOrder', { id: e.orderId.slice('online:'.length) })
        ) : e.orderId ? (
          <Link to={`/w/${workspaceId}/penjualan/${e.orderId}`}>{t('loyalty.ledger.openOrder')}</Link>
        ) : (
          '—'
        )}
      </td>
      <td>
        {e.reason === 'sign-up'
          ? t('loyalty.ledger.reasons.signup')
          : e.reason === 'birthday'
            ? t('loyalty.ledger.reasons.birthday')
            : e.reason === 'unmerge-out'
              ? t('loyalty.ledger.reasons.unmergeOut')
              : e.reason === 'unmerge-in'
                ? t('loyalty.ledger.reasons.unmergeIn')
                : (e.reason ?? '—')}
      </td>
      <td>{e.actorName}</td>
      <td className="num">{format.number(e.balanceAfter)}</td>
    </tr>
  );
}

function AdjustForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const adjust = useAdjustPoints(workspace.id, customerId);
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  // One key per intended adjustment: a double click or a retry after a lost answer writes it once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    adjust.mutate(
      { points: Number(points), reason: reason.trim(), idempotencyKey: key },
      {
        onSuccess: () => {
          setPoints('');
          setReason('');
          setKey(crypto.randomUUID());
          setDone(true);
        },
      },
    );
  };
  return (
    <form className="ledger-adjust" onSubmit={submit} data-testid="ledger-adjust">
      <label className="field">
        <span>{t('loyalty.ledger.adjustPoints')}</span>
        <input
          type="number"
          required
          step={1}
          value={points}
          data-testid="adjust-points"
          onChange={(e) => setPoints(e.target.value)}
        />
      </label>
      <label className="field grow">
        <span>{t('loyalty.ledger.adjustReason')}</span>
        <input
          required
          minLength={3}
          maxLength={500}
          value={reason}
          data-testid="adjust-reason"
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button
        type="submit"
        disabled={adjust.isPending || points === '' || Number(points) === 0}
        data-testid="adjust-submit"
      >
        {t('loyalty.ledger.adjust')}
      </button>
      {adjust.error && (
        <p role="alert" className="error">
          {t('loyalty.ledger.adjustFailed', {
            message: adjust.error instanceof ApiError ? adjust.error.message : String(adjust.error),
          })}
        </p>
      )}
      {done && (
        <p role="status" className="muted" data-testid="adjust-done">
          {t('loyalty.ledger.adjusted')}
        </p>
      )}
    </form>
  );
}
