import { useTranslation } from 'react-i18next';
import { useCustomerPrediction, useCustomerValueFit } from '../api/customer-value.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { formatMoney, formatShare } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';

/** On the customer page: his prediction from the latest customer-value fit, for those who may read it. */
export function CustomerPrediction({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('analytics');
  const { workspace } = useWorkspace();
  const canRead = useCan('analytics.read');
  const fit = useCustomerValueFit(workspace.id);
  const enabled = canRead && Boolean(fit.data);
  const prediction = useCustomerPrediction(workspace.id, customerId, enabled);
  if (!canRead || !fit.data) return null;
  const language = currentLanguage(i18n.language);
  const weeks = fit.data.horizonWeeks;
  const p = prediction.data;
  return (
    <section className="card" data-testid="customer-prediction">
      <h2>{t('prediction.title')}</h2>
      {p === null && <p className="muted">{t('prediction.none')}</p>}
      {p && (
        <dl className="facts">
          <dt>{t('prediction.alive')}</dt>
          <dd>{formatShare(p.probabilityAlive, language)}</dd>
          <dt>{t('prediction.purchases', { weeks })}</dt>
          <dd>
            {new Intl.NumberFormat(language === 'en' ? 'en-ID' : 'id-ID', {
              maximumFractionDigits: 1,
            }).format(p.expectedPurchases)}
          </dd>
          <dt>{t('prediction.spend')}</dt>
          <dd>{formatMoney(p.expectedSpend, workspace.currency, language)}</dd>
          <dt>{t('prediction.value', { weeks })}</dt>
          <dd>{formatMoney(p.value, workspace.currency, language)}</dd>
        </dl>
      )}
    </section>
  );
}
