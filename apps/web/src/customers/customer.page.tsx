import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useCustomer } from '../api/customers.api.ts';
import { useOverview } from '../api/journey.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useStageLabel } from '../journey/stage-labels.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { useCan, useCustomerLabels } from './customer-labels.ts';
import { CustomerJourney } from './customer-journey.tsx';
import { CustomerMerges } from './customer-merges.tsx';
import { IdentityKeys, Profile, Traits } from './customer-profile.tsx';
import { CustomerTimeline } from './customer-timeline.tsx';
import { CustomerReferral } from '../referrals/customer-referral.tsx';
import { CustomerInterviews } from '../interviews/customer-interviews.tsx';
import { CustomerPrediction } from '../analytics/customer-prediction.tsx';
import { CustomerSegments } from '../analytics/customer-segments.tsx';
import { StatusBadge } from './status-badge.tsx';
import './customers.css';

/** One customer: who they are, where they are in the journey and how they got there, every touchpoint. */
export function CustomerPage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const { workspace } = useWorkspace();
  const canRead = useCan('customers.read');
  const format = useFormat(workspace.timezone, workspace.currency);
  const labels = useCustomerLabels();
  const customer = useCustomer(workspace.id, customerId);
  const overview = useOverview(workspace.id);
  const stageLabel = useStageLabel(overview.data?.stages);
  if (!canRead) return <Navigate to=".." replace />;

  const back = (
    <Link to=".." relative="path" className="back">
      {t('customers.customer.back')}
    </Link>
  );
  if (customer.error) {
    const missing = customer.error instanceof ApiError && customer.error.status === 404;
    return (
      <div className="page">
        {back}
        {missing ? (
          <p role="alert">{t('customers.customer.notFound')}</p>
        ) : (
          <ErrorNotice error={customer.error} />
        )}
      </div>
    );
  }
  if (customer.isPending) return <p className="loading">{t('app.loading')}</p>;
  const c = customer.data;
  const orders = c.journey?.orderCount ?? 0;

  return (
    <div className="page" data-testid="customer">
      {back}
      <header className="page-head customer-head">
        <div>
          <h1 data-testid="customer-name">{labels.customerName(c)}</h1>
          <p className="lead">
            {c.journey?.stage && <span className="chip">{stageLabel(c.journey.stage)}</span>}
            {c.journey && <StatusBadge status={c.journey.status} />}
            <span data-testid="customer-value">
              {orders > 0
                ? t('customers.customer.valueLine', {
                    value: format.money(c.value),
                    count: orders,
                    formatted: format.number(orders),
                  })
                : t('customers.customer.noOrders')}
            </span>
          </p>
        </div>
      </header>
      <div className="customer-grid">
        <div className="stack">
          <Profile customer={c} />
          <CustomerPrediction customerId={c.id} />
          <CustomerSegments customerId={c.id} />
          <IdentityKeys keys={c.identityKeys} />
          <Traits traits={c.traits} />
          <CustomerMerges customer={c} />
          <CustomerReferral customerId={c.id} />
        </div>
        <div className="stack">
          <CustomerJourney customer={c} stageLabel={stageLabel} />
          <CustomerInterviews
            customerId={c.id}
            stages={overview.data?.stages.map((s) => s.key) ?? []}
            stageLabel={stageLabel}
          />
          <CustomerTimeline customerId={c.id} stageLabel={stageLabel} />
        </div>
      </div>
    </div>
  );
}
