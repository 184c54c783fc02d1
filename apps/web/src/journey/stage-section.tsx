import { useTranslation } from 'react-i18next';
import type { Overview } from '../api/journey.api.ts';
import { useFormat } from '../format/use-format.ts';
import { CountBars } from './count-bars.tsx';
import { useStageLabel } from './stage-labels.ts';

const STAGE_COLOR = '#2f6f5e';

/** Customers per stage now: bars in journey order, and the exact numbers beside them. */
export function StageSection({ overview, timeZone }: { overview: Overview; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat(timeZone);
  const labelOf = useStageLabel(overview.stages);
  const total = overview.customers;
  const rows = overview.stages.map((s) => ({
    key: s.key,
    label: labelOf(s.key),
    customers: s.customers,
    share: total > 0 ? s.customers / total : 0,
  }));
  const bars = rows.map((r) => ({
    label: r.label,
    value: r.customers,
    text: t('units.customers', { count: r.customers, formatted: format.number(r.customers) }),
  }));

  return (
    <section className="card" data-testid="stages">
      <h2>{t('overview.now')}</h2>
      <p className="muted">{t('overview.nowHint')}</p>
      <div className="chart-with-table">
        <CountBars
          bars={bars}
          unit={t('table.customers')}
          label={t('overview.now')}
          color={STAGE_COLOR}
          formatNumber={format.number}
        />
        <table>
          <thead>
            <tr>
              <th>{t('table.stage')}</th>
              <th className="num">{t('table.customers')}</th>
              <th className="num">{t('table.share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-stage={r.key}>
                <td>{r.label}</td>
                <td className="num">{format.number(r.customers)}</td>
                <td className="num">{format.share(r.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {overview.withoutStage > 0 && (
        <p className="muted small">
          {t('overview.withoutStage', {
            count: overview.withoutStage,
            formatted: format.number(overview.withoutStage),
          })}
        </p>
      )}
    </section>
  );
}
