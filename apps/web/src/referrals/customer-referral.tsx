import { useCustomerReferral } from '../api/referrals.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { useReferralTranslation } from './referral-i18n.ts';

/** On the customer's page: his code and link to share, who invited him, and the friends he invited. */
export function CustomerReferral({ customerId }: { customerId: string }) {
  const { t, word } = useReferralTranslation();
  const canRead = useCan('loyalty.read');
  const workspaceId = useWorkspace().workspace.id;
  const referral = useCustomerReferral(workspaceId, customerId, canRead);
  const r = referral.data;
  if (!canRead || !r) return null;
  return (
    <section className="card" data-testid="customer-referral">
      <h2>{t('customer.title')}</h2>
      <p>
        <strong>{t('customer.code', { code: r.code })}</strong> ·{' '}
        <a href={r.link} target="_blank" rel="noreferrer">
          {t('customer.link')}
        </a>{' '}
        ·{' '}
        <a href={`https://wa.me/?text=${encodeURIComponent(r.shareText)}`} target="_blank" rel="noreferrer">
          {t('customer.whatsapp')}
        </a>
      </p>
      <p>
        {r.referredBy
          ? t('customer.referredBy', {
              name: r.referredBy.referrer?.name ?? r.referredBy.affiliate?.name ?? r.referredBy.code,
              status: word('statuses', r.referredBy.status),
            })
          : t('customer.notReferred')}
      </p>
      <h3>{t('customer.referred')}</h3>
      {r.referred.length === 0 ? (
        <p className="muted">{t('customer.none')}</p>
      ) : (
        <ul className="plain">
          {r.referred.map((x) => (
            <li key={x.id}>
              <a href={`/w/${workspaceId}/customers/${x.friend.customerId}`}>{x.friend.name ?? x.code}</a> ·{' '}
              {word('statuses', x.status)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
