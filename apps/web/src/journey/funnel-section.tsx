import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFunnel, type Days, type FunnelStage, type JourneyFilter } from '../api/journey.api.ts';
import { EChart } from '../charts/echart.tsx';
import { useFormat } from '../format/use-format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { funnelOption } from './funnel-option.ts';
import { useDuration } from './use-duration.ts';

interface Props {
  workspaceId: string;
  timeZone: string;
  days: Days;
  /** The same period as instants, for the words of the hint. */
  from: number;
  to: number;
  filter: JourneyFilter;
}

/** The stage funnel of the period: a funnel of entries, and the exact numbers beside it. */
export function FunnelSection({ workspaceId, timeZone, days, from, to, filter }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const format = useFormat(timeZone);
  const duration = useDuration();
  const funnel = useFunnel(workspaceId, days, filter);
  const stages = funnel.data?.stages ?? [];
  const labelOf = (s: FunnelStage) => s.label[language];
  const option = useMemo(
    () =>
      funnelOption(stages, {
        labelOf,
        label: (s) =>
          t('funnel.label', {
            stage: labelOf(s),
            entered: t('entries.count', { count: s.entered, formatted: format.number(s.entered) }),
          }),
        tooltip: (s) =>
          s.movedOnShare !== null && s.medianToMoveOnMs !== null
            ? t('funnel.tooltip', {
                stage: labelOf(s),
                entered: format.number(s.entered),
                share: format.share(s.movedOnShare),
                time: duration(s.medianToMoveOnMs),
              })
            : t('funnel.tooltipNone', { stage: labelOf(s), entered: format.number(s.entered) }),
      }),
    // Rebuilt when the numbers or the language change.
    [funnel.data, t],
  );
  const empty = funnel.data !== undefined && stages.every((s) => s.entered === 0);

  return (
    <section className="card" data-testid="funnel">
      <h2>{t('funnel.title')}</h2>
      <p className="muted">{t('funnel.hint', { from: format.date(from), to: format.date(to - 1) })}</p>
      {funnel.error && <ErrorNotice error={funnel.error} />}
      {empty && <p className="muted">{t('funnel.empty')}</p>}
      {funnel.data && !empty && (
        <div className="chart-with-table wide-chart funnel-layout">
          <EChart option={option} height={Math.max(300, stages.length * 56)} label={t('funnel.title')} />
          <table>
            <thead>
              <tr>
                <th>{t('table.stage')}</th>
                <th className="num">{t('funnel.entered')}</th>
                <th className="num">{t('funnel.movedOn')}</th>
                <th className="num">{t('funnel.movedOnShare')}</th>
                <th className="num">{t('funnel.median')}</th>
              </tr>
            </thead>
            <tbody>
              {stages.map((s) => (
                <tr key={s.key} data-stage={s.key}>
                  <td>{labelOf(s)}</td>
                  <td className="num">{format.number(s.entered)}</td>
                  <td className="num">{format.number(s.movedOn)}</td>
                  <td className="num">
                    {s.movedOnShare === null ? t('funnel.none') : format.share(s.movedOnShare)}
                  </td>
                  <td className="num">
                    {s.medianToMoveOnMs === null ? t('funnel.none') : duration(s.medianToMoveOnMs)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
