import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  usePromotionResults,
  usePromotions,
  useSetPromotionActive,
  type Promotion,
} from '../api/promotions.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { PromotionCodes } from './promotion-codes.tsx';
import { PromotionForm } from './promotion-form.tsx';
import { PromotionResultsChart } from './promotion-results-chart.tsx';
import './promotions.css';

/**
 * Vouchers and promotions for owners, admins and managers (analysts read): each campaign with what it
 * gave (uses, given back by voids and refunds, discount, revenue of its orders, customers), switched
 * on and off here; a new one created below; a code campaign's codes added one by one or in a batch,
 * and downloaded as CSV.
 */
export function PromotionsPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone);
  const canManage = useCan('promotions.manage');
  const promotions = usePromotions(workspace.id);
  const results = usePromotionResults(workspace.id);
  const setActive = useSetPromotionActive(workspace.id);
  const [open, setOpen] = useState<Promotion | null>(null);
  const byId = new Map((results.data ?? []).map((r) => [r.promotionId, r]));
  const error = promotions.error ?? results.error;
  return (
    <div className="page promotions">
      <header className="page-head">
        <h1>{t('promotions.title')}</h1>
        <p className="lead">{t('promotions.lead')}</p>
      </header>
      <section className="card">
        <h2>{t('promotions.results')}</h2>
        {error && <ErrorNotice error={error} />}
        {promotions.data?.length === 0 && <p className="muted">{t('promotions.empty')}</p>}
        {promotions.data && promotions.data.length > 0 && results.data && (
          <PromotionResultsChart promotions={promotions.data} results={results.data} money={format.money} />
        )}
        {promotions.data && promotions.data.length > 0 && (
          <div className="table-scroll">
            <table data-testid="promotion-results">
              <thead>
                <tr>
                  <th scope="col">{t('promotions.col.name')}</th>
                  <th scope="col">{t('promotions.col.kind')}</th>
                  <th scope="col">{t('promotions.col.reward')}</th>
                  <th scope="col">{t('promotions.col.status')}</th>
                  <th scope="col" className="num">
                    {t('promotions.col.redemptions')}
                  </th>
                  <th scope="col" className="num">
                    {t('promotions.col.reversed')}
                  </th>
                  <th scope="col" className="num">
                    {t('promotions.col.discount')}
                  </th>
                  <th scope="col" className="num">
                    {t('promotions.col.revenue')}
                  </th>
                  <th scope="col" className="num">
                    {t('promotions.col.customers')}
                  </th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {promotions.data.map((p) => {
                  const r = byId.get(p.id);
                  return (
                    <tr key={p.id} data-testid={`promotion-${p.name}`}>
                      <th scope="row">{p.name}</th>
                      <td>
                        {t(`promotions.kinds.${p.trigger}`)}
                        {p.trigger === 'code' && (
                          <span className="muted small">
                            {' '}
                            · {t('promotions.codes.count', { count: p.codes })}
                          </span>
                        )}
                      </td>
                      <td>{rewardText(p, t, format.money)}</td>
                      <td>{p.active ? t('promotions.active') : t('promotions.inactive')}</td>
                      <td className="num">{format.number(r?.redemptions ?? 0)}</td>
                      <td className="num">{format.number(r?.reversed ?? 0)}</td>
                      <td className="num" data-testid="result-discount">
                        {format.money(r?.discount ?? 0)}
                      </td>
                      <td className="num">{format.money(r?.revenue ?? 0)}</td>
                      <td className="num">{format.number(r?.customers ?? 0)}</td>
                      <td className="actions">
                        {canManage && (
                          <button
                            type="button"
                            className="link"
                            onClick={() => setActive.mutate({ id: p.id, active: !p.active })}
                          >
                            {p.active ? t('promotions.switchOff') : t('promotions.switchOn')}
                          </button>
                        )}
                        {canManage && p.trigger === 'code' && (
                          <button type="button" className="link" onClick={() => setOpen(p)}>
                            {t('promotions.codes.manage')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {open && <PromotionCodes promotion={open} onClose={() => setOpen(null)} />}
      {canManage && <PromotionForm onCreated={(p) => p.trigger === 'code' && setOpen(p)} />}
    </div>
  );
}

export function rewardText(p: Promotion, t: TFunction<'translation'>, money: (n: number) => string): string {
  const r = p.reward;
  switch (r.type) {
    case 'percent':
      return r.maxDiscount === null
        ? t('promotions.reward.percent', { percent: r.percent })
        : t('promotions.reward.percentCap', { percent: r.percent, cap: money(r.maxDiscount) });
    case 'amount':
      return t('promotions.reward.amount', { amount: money(r.amount) });
    case 'free_item':
      return t('promotions.reward.freeItem', { quantity: r.quantity });
  }
}
