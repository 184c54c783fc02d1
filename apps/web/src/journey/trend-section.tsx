import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTrend, type Days, type JourneyFilter, type Trend } from '../api/journey.api.ts';
import { EChart } from '../charts/echart.tsx';
import { useFormat } from '../format/use-format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { stageColor } from './stage-colors.ts';

interface Props {
  workspaceId: string;
  timeZone: string;
  days: Days;
  filter: JourneyFilter;
}

/** A week's Monday as `2 Nov`: the days are already the workspace's, so no zone applies. */
function weekLabel(start: string, language: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-ID' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(Date.parse(`${start}T00:00:00Z`));
}

/** Entries into each stage per ISO week of the period: a line per stage, and the weeks as a table. */
export function TrendSection({ workspaceId, timeZone, days, filter }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const format = useFormat(timeZone);
  const trend = useTrend(workspaceId, days, filter);
  const data = trend.data;
  const label = (week: Trend['weeks'][number]) => {
    const date = weekLabel(week.start, language);
    return week.partial ? t('trend.partial', { date }) : date;
  };
  const option = useMemo(() => {
    if (!data) return {};
    return {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => format.number(v) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.weeks.map(label), axisLabel: { hideOverlap: true } },
      yAxis: {
        type: 'value',
        name: t('trend.axis'),
        nameTextStyle: { align: 'left' },
        minInterval: 1,
        axisLabel: { formatter: format.number },
      },
      series: data.stages.map((stage, i) => ({
        type: 'line',
        name: stage.label[language],
        data: data.weeks.map((w) => w.entries[i] ?? 0),
        symbolSize: 5,
        itemStyle: { color: stageColor(i) },
        lineStyle: { width: 2 },
      })),
    };
  }, [data, t]);
  const empty = data !== undefined && data.weeks.every((w) => w.entries.every((n) => n === 0));

  return (
    <section className="card" data-testid="trend">
      <h2>{t('trend.title')}</h2>
      <p className="muted">{t('trend.hint')}</p>
      {trend.error && <ErrorNotice error={trend.error} />}
      {empty && <p className="muted">{t('trend.empty')}</p>}
      {data && !empty && (
        <div className="chart-over-table">
          <EChart option={option} height={340} label={t('trend.title')} />
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t('trend.week')}</th>
                  {data.stages.map((s) => (
                    <th key={s.key} className="num">
                      {s.label[language]}
                    </th>
                  ))}
                  <th className="num">{t('trend.total')}</th>
                </tr>
              </thead>
              <tbody>
                {data.weeks.map((w) => (
                  <tr key={w.week} data-week={w.week}>
                    <td>{label(w)}</td>
                    {w.entries.map((n, i) => (
                      <td key={data.stages[i]?.key ?? i} className="num">
                        {format.number(n)}
                      </td>
                    ))}
                    <td className="num">{format.number(w.entries.reduce((a, b) => a + b, 0))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
