import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOrders } from '../api/sales.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { BranchPicker } from './branch-picker.tsx';
import { OrderDetail } from './order-detail.tsx';
import { useBranchChoice } from './use-branch.ts';
import './sales.css';

/** The sales of a branch, newest first; one opened beside the list with its refunds and voids. */
export function OrdersPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const { orderId } = useParams();
  const choice = useBranchChoice(workspace.id);
  const branchId = choice.branch?.id ?? '';
  const orders = useOrders(workspace.id, branchId);
  const format = useFormat(choice.branch?.timezone ?? workspace.timezone);
  if (choice.error) return <ErrorNotice error={choice.error} />;
  if (choice.loading) return <p className="loading">{t('app.loading')}</p>;
  if (!choice.branch) return <p className="card">{t('sales.noBranch')}</p>;
  const search = `?cabang=${branchId}`;
  return (
    <div className="orders-page">
      <section className="card">
        <header className="till-head">
          <h1>{t('sales.orders.title')}</h1>
          <BranchPicker branches={choice.branches} branch={choice.branch} choose={choice.choose} />
        </header>
        <h2>{t('sales.orders.recent')}</h2>
        {orders.error && <ErrorNotice error={orders.error} />}
        {orders.data?.length === 0 && <p className="muted">{t('sales.orders.empty')}</p>}
        {orders.data && orders.data.length > 0 && (
          <table className="orders" data-testid="orders">
            <thead>
              <tr>
                <th>{t('sales.orders.number')}</th>
                <th>{t('sales.orders.time')}</th>
                <th>{t('sales.orders.cashier')}</th>
                <th className="num">{t('sales.orders.total')}</th>
                <th>{t('sales.orders.status')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.map((o) => (
                <tr key={o.id} className={o.id === orderId ? 'selected' : ''}>
                  <td>
                    <Link
                      to={`../penjualan/${o.id}${search}`}
                      relative="path"
                      data-testid={`order-${o.receiptNo}`}
                    >
                      {o.receiptNo}
                    </Link>
                  </td>
                  <td>{format.dateTime(o.completedAt)}</td>
                  <td>{o.employeeName}</td>
                  <td className="num">{format.money(o.total)}</td>
                  <td>
                    <span className={`status ${o.status}`}>{t(`sales.orders.statuses.${o.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        {orderId ? (
          <OrderDetail
            key={orderId}
            workspaceId={workspace.id}
            branchId={branchId}
            orderId={orderId}
            format={format}
          />
        ) : (
          <p className="muted">{t('sales.orders.choose')}</p>
        )}
      </section>
    </div>
  );
}
