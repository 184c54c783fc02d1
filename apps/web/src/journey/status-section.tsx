import { useTranslation } from 'react-i18next';
import type { Overview } from '../api/journey.api.ts';
import { useFormat } from '../format/use-format.ts';
import { CountBars } from './count-bars.tsx';

const STATUS_COLOR = '#c07a2c';
const KNOWN = ['new', 'active', 'at_risk', 'churned', 'won_back'] as const;
type Status = (typeof KNOWN)[number];

function isKnown(status: string): status is Status {
  return (KNOWN as readonly string[]).includes(status);
}

/** Customers per health status now, beside the stage. */
export function StatusSection({ overview, timeZone }: { overview: Overview; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat(timeZone);
  const total = overview.customers;
  const rows = overview.statuses.map((s) => ({
    status: s.status,
    label: isKnown(s.status) ? t(`statuses.${s.status}`) : s.status,
    customers: s.customers,
    share: total > 0 ? s.customers / total : 0,
  }));
  const bars = rows.map((r) => ({
    label: r.label,
    value: r.customers,
    text: t('units.customers', { count: r.customers, formatted: format.number(r.customers) }),
  }));

  return (
    <section className="card" data-testid="statuses">
      <h2>{t('overview.statuses')}</h2>
      <p className="muted">{t('overview.statusesHint')}</p>
      <div className="chart-with-table">
        <CountBars
          bars={bars}
          unit={t('table.customers')}
          label={t('overview.statuses')}
          color={STATUS_COLOR}
          formatNumber={format.number}
        />
        <table>
          <thead>
            <tr>
              <th>{t('table.status')}</th>
              <th className="num">{t('table.customers')}</th>
              <th className="num">{t('table.share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.status}>
                <td>{r.label}</td>
                <td className="num">{format.number(r.customers)}</td>
                <td className="num">{format.share(r.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
