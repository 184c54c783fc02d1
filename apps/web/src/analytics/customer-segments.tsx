import { Link } from 'react-router';
import { useCustomerSegments } from '../api/segments.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { formatDate } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { useSegmentsTranslation } from './segments-i18n.ts';

/** On the customer page: the saved segments he is in now, for those who may read analytics. */
export function CustomerSegments({ customerId }: { customerId: string }) {
  const { t, i18n } = useSegmentsTranslation();
  const { workspace } = useWorkspace();
  const canRead = useCan('analytics.read');
  const segments = useCustomerSegments(workspace.id, customerId, canRead);
  if (!canRead || !segments.data) return null;
  const language = currentLanguage(i18n.language);
  return (
    <section className="card" data-testid="customer-segments">
      <h2>{t('segments.onCustomer')}</h2>
      {segments.data.length === 0 && <p className="muted">{t('segments.onCustomerNone')}</p>}
      <ul className="seg-chips">
        {segments.data.map((s) => (
          <li key={s.id}>
            <Link to={`/w/${workspace.id}/segmen`} className="chip">
              {s.name}
            </Link>{' '}
            <span className="muted small">
              {t('segments.since', { date: formatDate(s.enteredAt, workspace.timezone, language) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
