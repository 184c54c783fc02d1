import { useTranslation } from 'react-i18next';
import { useTimeline, type TimelineEntry } from '../api/customers.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { CampaignChips } from './campaign-chips.tsx';
import { useCustomerLabels } from './customer-labels.ts';
import { useMoveWords } from './customer-journey.tsx';
import { TouchpointDetails } from './touchpoint-details.tsx';

interface Props {
  customerId: string;
  stageLabel: (key: string | null) => string;
}

/** Every touchpoint and every move of the customer in one list, newest first, older pages on demand. */
export function CustomerTimeline({ customerId, stageLabel }: Props) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone, workspace.currency);
  const labels = useCustomerLabels();
  const words = useMoveWords(stageLabel);
  const timeline = useTimeline(workspace.id, customerId);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  const row = (entry: TimelineEntry) => {
    if (entry.kind === 'transition') {
      return (
        <li key={`t-${entry.at}-${entry.transition}-${entry.to}`} className="move" data-kind="transition">
          <time className="when">{format.dateTime(entry.at)}</time>
          <div>
            <strong>{words.move(entry)}</strong>
            <span className="muted small"> · {words.cause(entry)}</span>
          </div>
        </li>
      );
    }
    const label = labels.event(entry.name);
    return (
      <li key={`e-${entry.messageId}`} className="touch" data-kind="event" data-event={entry.name}>
        <time className="when">{format.dateTime(entry.at)}</time>
        <div>
          <strong>{label ?? entry.name}</strong>
          {label && <span className="muted small code"> {entry.name}</span>}
          <span className="chip channel">{labels.channel(entry.channel)}</span>
          <TouchpointDetails entry={entry} />
          {entry.campaign && <CampaignChips campaign={entry.campaign} />}
        </div>
      </li>
    );
  };

  return (
    <section className="card" data-testid="timeline">
      <h2>{t('customers.customer.timeline')}</h2>
      <p className="muted small">{t('customers.customer.timelineHint', { zone: workspace.timezone })}</p>
      {timeline.error ? (
        <ErrorNotice error={timeline.error} />
      ) : timeline.isPending ? (
        <p className="loading">{t('app.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{t('customers.customer.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">{entries.map(row)}</ol>
      )}
      {timeline.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {timeline.isFetchingNextPage ? t('app.loading') : t('customers.customer.older')}
        </button>
      )}
    </section>
  );
}
