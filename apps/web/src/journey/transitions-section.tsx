import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransitions, type JourneyFilter, type StageCount } from '../api/journey.api.ts';
import { EChart } from '../charts/echart.tsx';
import { useFormat } from '../format/use-format.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { sankeyOption } from './sankey-option.ts';
import { useStageLabel } from './stage-labels.ts';
import type { Period } from './use-period.ts';

interface Props {
  workspaceId: string;
  timeZone: string;
  stages: StageCount[];
  period: Period;
  valid: boolean;
  filter: JourneyFilter;
}

/** Moves between stages in the period of the URL: a Sankey, and the moves as a table, largest first. */
export function TransitionsSection({ workspaceId, timeZone, stages, period, valid, filter }: Props) {
  const { t } = useTranslation();
  const format = useFormat(timeZone);
  const labelOf = useStageLabel(stages);
  const transitions = useTransitions(workspaceId, period.from, valid ? period.to : period.from + 1, filter);
  const items = useMemo(
    () => [...(transitions.data?.items ?? [])].sort((a, b) => b.count - a.count),
    [transitions.data],
  );
  const moves = (count: number) => t('units.moves', { count, formatted: format.number(count) });
  // The chart is rebuilt only when the numbers or the language change.
  const option = useMemo(() => sankeyOption(items, { labelOf, moves }), [items, t]);
  const nodes = Math.max(new Set(items.map((i) => i.to)).size, new Set(items.map((i) => i.from)).size);
  const height = Math.max(360, nodes * 72);

  return (
    <section className="card" data-testid="transitions">
      <h2>{t('overview.transitions')}</h2>
      <p className="muted">
        {t('overview.transitionsHint', { from: format.date(period.from), to: format.date(period.to - 1) })}
      </p>
      {transitions.error && <ErrorNotice error={transitions.error} />}
      {valid && items.length === 0 && !transitions.isPending && (
        <p className="muted">{t('overview.noTransitions')}</p>
      )}
      {items.length > 0 && (
        <div className="chart-with-table wide-chart">
          <EChart option={option} height={height} label={t('overview.transitions')} />
          <table>
            <thead>
              <tr>
                <th>{t('table.from')}</th>
                <th>{t('table.to')}</th>
                <th className="num">{t('table.moves')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.from ?? ''}>${item.to}`}>
                  <td>{labelOf(item.from)}</td>
                  <td>{labelOf(item.to)}</td>
                  <td className="num">{format.number(item.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
