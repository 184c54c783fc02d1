import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesPreview } from '../../api/rules.api.ts';
import { EChart } from '../../charts/echart.tsx';
import { useFormat } from '../../format/use-format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

interface Props {
  preview: RulesPreview;
  timeZone: string;
}

const STATUSES = ['new', 'active', 'at_risk', 'churned', 'won_back'] as const;
const NOW_COLOR = '#9bb8ad';
const AFTER_COLOR = '#2f6f5e';

/**
 * What the edited rules would do: customers per stage and status now and under the new rules, and
 * the largest moves. On a sample, counts are scaled to the whole workspace and marked as estimates.
 */
export function RulesPreviewPanel({ preview, timeZone }: Props) {
  const { t, i18n } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const language = currentLanguage(i18n.language);
  const format = useFormat(timeZone);
  const { sample } = preview;
  const scale = sample.sampled && sample.customers > 0 ? sample.totalCustomers / sample.customers : 1;
  const count = (n: number) => {
    const value = Math.round(n * scale);
    return sample.sampled ? `≈ ${format.number(value)}` : format.number(value);
  };
  const delta = (now: number, after: number) => {
    const d = Math.round(after * scale) - Math.round(now * scale);
    return d === 0 ? '0' : `${d > 0 ? '+' : '−'}${format.number(Math.abs(d))}`;
  };
  const stageName = (key: string | null) =>
    key === null
      ? t('rules.preview.noStage')
      : (preview.stages.find((s) => s.key === key)?.label[language] ?? key);
  const statusName = (status: string) =>
    (STATUSES as readonly string[]).includes(status)
      ? tc(`statuses.${status as (typeof STATUSES)[number]}`)
      : status;

  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      animationDuration: 300,
      xAxis: {
        type: 'category',
        data: preview.stages.map((s) => s.label[language]),
        axisLabel: { interval: 0, hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: format.number } },
      series: [
        {
          name: t('rules.preview.now'),
          type: 'bar',
          data: preview.stages.map((s) => Math.round(s.now * scale)),
          itemStyle: { color: NOW_COLOR },
        },
        {
          name: t('rules.preview.after'),
          type: 'bar',
          data: preview.stages.map((s) => Math.round(s.after * scale)),
          itemStyle: { color: AFTER_COLOR },
        },
      ],
    }),
    [preview, scale, language, t, format],
  );

  return (
    <section className="card st-preview" data-testid="rules-preview" aria-live="polite">
      <h2>{t('rules.preview.title')}</h2>
      <p className={sample.sampled ? 'st-warning' : 'muted'} data-testid="preview-sample">
        {sample.sampled
          ? t('rules.preview.sampled', {
              customers: format.number(sample.customers),
              total: format.number(sample.totalCustomers),
              share: format.share(sample.customers / Math.max(1, sample.totalCustomers)),
            })
          : t('rules.preview.everyone', { total: format.number(sample.totalCustomers) })}
      </p>
      <p className="lead" data-testid="preview-changed">
        {preview.changed === 0
          ? t('rules.preview.noChange')
          : t('rules.preview.changed', {
              count: Math.round(preview.changed * scale),
              formatted: count(preview.changed),
            })}
      </p>
      <div className="chart-with-table">
        <div>
          <p className="st-legend small" aria-hidden>
            <span className="st-swatch" style={{ background: NOW_COLOR }} /> {t('rules.preview.now')}
            <span className="st-swatch" style={{ background: AFTER_COLOR }} /> {t('rules.preview.after')}
          </p>
          <EChart option={option} height={260} label={t('rules.preview.title')} />
        </div>
        <table>
          <thead>
            <tr>
              <th>{tc('table.stage')}</th>
              <th className="num">{t('rules.preview.now')}</th>
              <th className="num">{t('rules.preview.after')}</th>
              <th className="num">{t('rules.preview.delta')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.stages.map((s) => (
              <tr key={s.key} data-testid="preview-stage" data-key={s.key}>
                <td>
                  {s.label[language]}
                  {s.in !== 'both' && <span className="st-badge">{t(`rules.preview.${s.in}`)}</span>}
                </td>
                <td className="num" data-testid="preview-now">
                  {count(s.now)}
                </td>
                <td className="num" data-testid="preview-after">
                  {count(s.after)}
                </td>
                <td className="num">{delta(s.now, s.after)}</td>
              </tr>
            ))}
            {(preview.withoutStage.now > 0 || preview.withoutStage.after > 0) && (
              <tr>
                <td>{t('rules.preview.noStage')}</td>
                <td className="num">{count(preview.withoutStage.now)}</td>
                <td className="num">{count(preview.withoutStage.after)}</td>
                <td className="num">{delta(preview.withoutStage.now, preview.withoutStage.after)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="st-preview-extra">
        <table>
          <thead>
            <tr>
              <th>{tc('table.status')}</th>
              <th className="num">{t('rules.preview.now')}</th>
              <th className="num">{t('rules.preview.after')}</th>
              <th className="num">{t('rules.preview.delta')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.statuses.map((s) => (
              <tr key={s.status}>
                <td>{statusName(s.status)}</td>
                <td className="num">{count(s.now)}</td>
                <td className="num">{count(s.after)}</td>
                <td className="num">{delta(s.now, s.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <h3>{t('rules.preview.moves')}</h3>
          {preview.moves.length === 0 ? (
            <p className="muted small">{t('rules.preview.noMoves')}</p>
          ) : (
            <ul className="st-moves">
              {preview.moves.slice(0, 8).map((m) => (
                <li key={`${m.from}-${m.to}`}>
                  {t('rules.preview.move', {
                    count: Math.round(m.customers * scale),
                    formatted: count(m.customers),
                    from: stageName(m.from),
                    to: stageName(m.to),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
