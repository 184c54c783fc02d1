import { useTranslation } from 'react-i18next';
import { campaignEntries, useCustomerLabels } from './customer-labels.ts';

/** A campaign (the UTM parameters a visit came with) as labelled chips: "Sumber: instagram". */
export function CampaignChips({ campaign }: { campaign: Record<string, string> }) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  return (
    <span className="campaign" data-testid="campaign" aria-label={t('customers.customer.campaign')}>
      {campaignEntries(campaign).map(([field, value]) => (
        <span key={field} className="chip">
          {labels.campaignField(field)}: {value}
        </span>
      ))}
    </span>
  );
}
