import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useCustomers, type CustomerFilter } from '../api/customers.api.ts';
import { useOverview } from '../api/journey.api.ts';
import { formatPhone } from '../format/format.ts';
import { useFormat } from '../format/use-format.ts';
import { useStageLabel } from '../journey/stage-labels.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { CustomerFilters } from './customer-filters.tsx';
import { useCan, useCustomerLabels } from './customer-labels.ts';
import { StatusBadge } from './status-badge.tsx';
import './customers.css';

/** The filter in the URL (?q=siti&stage=purchase&status=at_risk), so a link or a reload shows the same list. */
export function useCustomerFilter() {
  const [params, setParams] = useSearchParams();
  const filter: CustomerFilter = {
    search: params.get('q')?.trim() || undefined,
    stage: params.get('stage') || undefined,
    status: params.get('status') || undefined,
  };
  const setFilter = (next: CustomerFilter) =>
    setParams(
      (current) => {
        for (const [param, value] of [
          ['q', next.search],
          ['stage', next.stage],
          ['status', next.status],
        ] as const) {
          if (value) current.set(param, value);
          else current.delete(param);
        }
        return current;
      },
      // Typing a search replaces the entry; choosing a filter can be gone back from.
      { replace: next.search !== filter.search },
    );
  return { filter, setFilter };
}

/** Every customer, the most recently active first: search, filter by stage and status, open one. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const canRead = useCan('customers.read');
  const format = useFormat(workspace.timezone, workspace.currency);
  const labels = useCustomerLabels();
  const { filter, setFilter } = useCustomerFilter();
  const overview = useOverview(workspace.id);
  const stageLabel = useStageLabel(overview.data?.stages);
  const customers = useCustomers(workspace.id, filter);
  if (!canRead) return <Navigate to=".." replace />;

  const rows = customers.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filter.search ?? filter.stage ?? filter.status);

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('customers.list.title')}</h1>
        <p className="lead">{t('customers.list.lead')}</p>
      </header>
      <section className="card">
        <CustomerFilters filter={filter} stages={overview.data?.stages ?? []} onChange={setFilter} />
        {customers.error ? (
          <ErrorNotice error={customers.error} />
        ) : customers.isPending ? (
          <p className="loading">{t('app.loading')}</p>
        ) : rows.length === 0 ? (
          <p className="empty" data-testid="no-customers">
            {filtered ? t('customers.list.noMatch') : t('customers.list.empty')}
          </p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="customers" data-testid="customers">
                <thead>
                  <tr>
                    <th>{t('customers.list.name')}</th>
                    <th>{t('customers.list.phone')}</th>
                    <th className="wide-only">{t('customers.list.email')}</th>
                    <th>{t('table.stage')}</th>
                    <th>{t('table.status')}</th>
                    <th>{t('customers.list.lastSeen')}</th>
                    <th className="num">{t('customers.list.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id} data-customer={c.id}>
                      <td>
                        <Link to={c.id} className={c.name ? undefined : 'unnamed'}>
                          {labels.customerName(c)}
                        </Link>
                        {c.email && <div className="narrow-only small email">{c.email}</div>}
                      </td>
                      <td className="nowrap">{c.phone ? formatPhone(c.phone) : '–'}</td>
                      <td className="email wide-only">{c.email ?? '–'}</td>
                      <td>{c.stage ? stageLabel(c.stage) : '–'}</td>
                      <td>{c.status ? <StatusBadge status={c.status} /> : '–'}</td>
                      <td className="nowrap">{format.dateTime(c.lastSeenAt)}</td>
                      <td className="num">{format.money(c.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <footer className="list-foot">
              <span className="muted" data-testid="shown">
                {t('customers.list.shown', { count: rows.length, formatted: format.number(rows.length) })}
              </span>
              {customers.hasNextPage && (
                <button
                  type="button"
                  className="secondary"
                  disabled={customers.isFetchingNextPage}
                  onClick={() => void customers.fetchNextPage()}
                >
                  {customers.isFetchingNextPage ? t('app.loading') : t('customers.list.more')}
                </button>
              )}
            </footer>
          </>
        )}
      </section>
    </div>
  );
}
