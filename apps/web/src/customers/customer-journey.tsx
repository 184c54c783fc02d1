import { useTranslation } from 'react-i18next';
import type { CustomerDetail, TransitionEntry } from '../api/customers.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { useCustomerLabels } from './customer-labels.ts';
import { StatusBadge } from './status-badge.tsx';

interface Props {
  customer: CustomerDetail;
  stageLabel: (key: string | null) => string;
}

/** Where the customer is now, stage and status, and every move that brought them there, with its cause. */
export function CustomerJourney({ customer, stageLabel }: Props) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone, workspace.currency);
  const journey = customer.journey;
  const describe = useMoveWords(stageLabel);
  return (
    <section className="card" data-testid="journey">
      <h2>{t('customers.customer.journey')}</h2>
      {journey === null || journey.stage === null ? (
        <p className="muted">{t('customers.customer.noJourney')}</p>
      ) : (
        <dl className="facts now">
          <dt>{t('customers.customer.stage')}</dt>
          <dd data-testid="journey-stage">
            <strong>{stageLabel(journey.stage)}</strong>
            {journey.stageEnteredAt !== null && (
              <span className="muted">
                {' '}
                {t('customers.customer.since', { date: format.dateTime(journey.stageEnteredAt) })}
              </span>
            )}
          </dd>
          <dt>{t('customers.customer.status')}</dt>
          <dd>
            <StatusBadge status={journey.status} />
            {journey.statusSince !== null && (
              <span className="muted">
                {' '}
                {t('customers.customer.since', { date: format.dateTime(journey.statusSince) })}
              </span>
            )}
          </dd>
          <dt>{t('customers.customer.risk')}</dt>
          <dd>{t(`customers.risk.${journey.risk}`)}</dd>
        </dl>
      )}
      <h3>{t('customers.customer.history')}</h3>
      {customer.transitions.length === 0 ? (
        <p className="muted">{t('customers.customer.historyEmpty')}</p>
      ) : (
        <table data-testid="history">
          <thead>
            <tr>
              <th>{t('customers.customer.when')}</th>
              <th>{t('customers.customer.move')}</th>
              <th>{t('customers.customer.cause')}</th>
            </tr>
          </thead>
          <tbody>
            {customer.transitions.map((move) => (
              <tr key={`${move.at}-${move.transition}-${move.to}-${move.cause}`}>
                <td className="nowrap">{format.dateTime(move.at)}</td>
                <td>{describe.move(move)}</td>
                <td>{describe.cause(move)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A move and its cause in words: "Tahap: Pertimbangan → Pembelian", "Pesanan selesai". */
export function useMoveWords(stageLabel: (key: string | null) => string) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  const statusOrEntry = (status: string | null) =>
    status === null ? t('stages.entry') : labels.status(status);
  return {
    move: (move: TransitionEntry) =>
      move.transition === 'stage'
        ? t('customers.customer.stageMove', { from: stageLabel(move.from), to: stageLabel(move.to) })
        : t('customers.customer.statusMove', { from: statusOrEntry(move.from), to: labels.status(move.to) }),
    cause: (move: TransitionEntry) => {
      if (move.cause === 'clock') return t('customers.customer.causeClock');
      if (move.causeName === null)
        return t('customers.customer.causeUnknown', { id: move.cause.slice(0, 12) });
      return labels.event(move.causeName) ?? move.causeName;
    },
  };
}
