import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../api/customers.api.ts';
import { formatPhone } from '../format/format.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { CampaignChips } from './campaign-chips.tsx';
import { useCustomerLabels } from './customer-labels.ts';

/** Contact details, when the customer was first and last seen, and where they first came from. */
export function Profile({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone, workspace.currency);
  const labels = useCustomerLabels();
  const touch = customer.firstTouch;
  return (
    <section className="card" data-testid="profile">
      <h2>{t('customers.customer.profile')}</h2>
      <dl className="facts">
        <dt>{t('customers.list.phone')}</dt>
        <dd>{customer.phone ? formatPhone(customer.phone) : '–'}</dd>
        <dt>{t('customers.list.email')}</dt>
        <dd className="email">{customer.email ?? '–'}</dd>
        <dt>{t('customers.list.value')}</dt>
        <dd>{format.money(customer.value)}</dd>
        <dt>{t('customers.customer.firstSeen')}</dt>
        <dd>{format.dateTime(customer.firstSeenAt)}</dd>
        <dt>{t('customers.customer.lastSeen')}</dt>
        <dd>{format.dateTime(customer.lastSeenAt)}</dd>
        {touch && (
          <>
            <dt>{t('customers.customer.firstTouch')}</dt>
            <dd data-testid="first-touch">
              {labels.channel(touch.channel)} · {labels.event(touch.name) ?? touch.name}
              {touch.campaign ? (
                <CampaignChips campaign={touch.campaign} />
              ) : (
                <span className="muted"> · {t('customers.customer.noCampaign')}</span>
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** Every key that points at this customer: ids from the website and apps, phone, email. */
export function IdentityKeys({ keys }: { keys: CustomerDetail['identityKeys'] }) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  return (
    <section className="card" data-testid="identity-keys">
      <h2>{t('customers.customer.keys')}</h2>
      <p className="muted small">{t('customers.customer.keysHint')}</p>
      <dl className="facts">
        {keys.map((key) => (
          <div key={`${key.kind}:${key.value}`} className="fact" data-kind={key.kind}>
            <dt>{labels.keyKind(key.kind)}</dt>
            <dd className="code">{key.kind === 'phone' ? formatPhone(key.value) : key.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The traits identify calls set, as they were sent. */
export function Traits({ traits }: { traits: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(traits);
  return (
    <section className="card" data-testid="traits">
      <h2>{t('customers.customer.traits')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('customers.customer.noTraits')}</p>
      ) : (
        <dl className="facts">
          {entries.map(([name, value]) => (
            <div key={name} className="fact">
              <dt className="code">{name}</dt>
              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
