import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleCan } from '@jejak/core/roles';
import { useProductList, useStock } from '../api/sales.api.ts';
import { useFormat } from '../format/use-format.ts';
import { roleOf } from '../layout/navigation.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { BranchPicker } from './branch-picker.tsx';
import { AddProductForm, CsvImport } from './catalogue-forms.tsx';
import { ReceiveStock } from './receive-stock.tsx';
import { AdjustStockForm, TransferStockForm } from './stock-move-forms.tsx';
import { useBranchChoice } from './use-branch.ts';
import './sales.css';

/** The catalogue with each product's stock at a branch; goods received; products added or imported. */
export function ProductsPage() {
  const { t } = useTranslation();
  const { workspace, membership } = useWorkspace();
  const role = roleOf(membership.role);
  const canManage = role !== undefined && roleCan(role, 'sales.manage');
  const choice = useBranchChoice(workspace.id);
  const branchId = choice.branch?.id ?? '';
  const products = useProductList(workspace.id);
  const stock = useStock(workspace.id, branchId);
  const format = useFormat(workspace.timezone);
  const [notice, setNotice] = useState<string | null>(null);
  if (choice.error || products.error) return <ErrorNotice error={choice.error ?? products.error} />;
  if (choice.loading || products.isPending) return <p className="loading">{t('app.loading')}</p>;
  if (!choice.branch) return <p className="card">{t('sales.noBranch')}</p>;
  const levels = new Map((stock.data ?? []).map((l) => [l.productId, l]));
  return (
    <div className="page">
      <section className="card">
        <header className="till-head">
          <h1>{t('sales.catalogue.title')}</h1>
          <BranchPicker branches={choice.branches} branch={choice.branch} choose={choice.choose} />
        </header>
        {notice && (
          <p className="muted" role="status" data-testid="catalogue-notice">
            {notice}
          </p>
        )}
        {products.data.length === 0 ? (
          <p className="muted">{t('sales.catalogue.empty')}</p>
        ) : (
          <table data-testid="catalogue">
            <thead>
              <tr>
                <th>{t('sales.catalogue.sku')}</th>
                <th>{t('sales.catalogue.name')}</th>
                <th>{t('sales.catalogue.category')}</th>
                <th className="num">{t('sales.counter.price')}</th>
                <th className="num">{t('sales.catalogue.stockAt')}</th>
                <th>{t('sales.catalogue.receive')}</th>
              </tr>
            </thead>
            <tbody>
              {products.data.map((p) => {
                const level = levels.get(p.id);
                return (
                  <tr key={p.id}>
                    <td>{p.sku}</td>
                    <td>{p.name}</td>
                    <td>{p.category ?? ''}</td>
                    <td className="num">{format.money(p.price)}</td>
                    <td className="num" data-testid={`stock-${p.sku}`}>
                      {level ? t('sales.catalogue.units', { count: level.onHand, unit: p.unit }) : '—'}
                      {level?.low && <span className="status refunded"> {t('sales.catalogue.low')}</span>}
                    </td>
                    <td>
                      {level && (
                        <ReceiveStock
                          workspaceId={workspace.id}
                          branchId={branchId}
                          product={p}
                          onDone={(quantity) =>
                            setNotice(
                              t('sales.catalogue.received', { count: quantity, unit: p.unit, name: p.name }),
                            )
                          }
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <div className="catalogue-forms">
        <AdjustStockForm
          workspaceId={workspace.id}
          branchId={branchId}
          products={products.data.filter((p) => p.trackStock)}
          onDone={setNotice}
        />
        <TransferStockForm
          workspaceId={workspace.id}
          branchId={branchId}
          products={products.data.filter((p) => p.trackStock)}
          onDone={setNotice}
        />
      </div>
      {canManage && (
        <div className="catalogue-forms">
          <AddProductForm workspaceId={workspace.id} branchId={branchId} onDone={setNotice} />
          <CsvImport workspaceId={workspace.id} branchId={branchId} />
        </div>
      )}
    </div>
  );
}
