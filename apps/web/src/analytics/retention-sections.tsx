import { useTranslation } from 'react-i18next';
import type { RetentionReport } from '../api/retention.api.ts';
import { EChart } from '../charts/echart.tsx';
import { formatDate, formatMoney, formatNumber, formatShare } from '../format/format.ts';
import { currentLanguage, type Language } from '../i18n/i18n.ts';

const COLOURS = { new: '#3f73b5', returning: '#5fa88a', resurrecting: '#e9c46a', dormant: '#e07a5f' };
const HEAT = [31, 78, 140] as const;

function useFormat() {
  const { t, i18n } = useTranslation('retention');
  const language: Language = currentLanguage(i18n.language);
  const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`);
  const label = (unit: RetentionReport['unit'], day: string) =>
    unit === 'week'
      ? formatDate(startOf(day), 'UTC', language)
      : new Intl.DateTimeFormat(language === 'en' ? 'en-ID' : 'id-ID', {
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(startOf(day));
  const share = (v: number | null) => (v === null ? t('none') : formatShare(v, language));
  return { t, language, label, share, n: (v: number) => formatNumber(v, language) };
}

/** A cell's background: the darker the larger the share, text white once the blue is deep. */
function heat(share: number | null) {
  if (share === null) return {};
  const a = Math.min(1, Math.max(0, share));
  return { background: `rgba(${HEAT.join(',')},${0.08 + 0.82 * a})`, color: a > 0.45 ? '#fff' : undefined };
}

function CsvLink({ href, testId }: { href: string; testId: string }) {
  const { t } = useTranslation('retention');
  return (
    <a href={href} download data-testid={testId}>
      {t('csv')}
    </a>
  );
}

export function MatrixSection({ report, csv }: { report: RetentionReport; csv: string }) {
  const { t, label, share, n } = useFormat();
  const columns = Math.max(...report.cohorts.map((c) => c.retained.length));
  const names = report.cohorts.map((c) => label(report.unit, c.start));
  const periods = Array.from({ length: columns }, (_, k) => t('period', { n: k }));
  const cells = report.cohorts.flatMap((c, y) =>
    c.share.flatMap((s, x) => (s === null ? [] : [[x, y, Math.round(s * 1000) / 10]])),
  );
  const small = report.cohorts.length <= 26 && columns <= 26;
  const option = {
    grid: { left: 100, right: 24, top: 8, bottom: 56 },
    tooltip: {
      formatter: (p: { value: [number, number, number] }) => {
        const [x, y] = p.value;
        const c = report.cohorts[y]!;
        return t('cellTip', {
          cohort: names[y],
          period: t(`periodName_${report.unit}`, { n: x }),
          retained: n(c.retained[x]!),
          size: n(c.size),
          share: share(c.share[x]!),
        });
      },
    },
    xAxis: { type: 'category', data: periods, splitArea: { show: true } },
    yAxis: { type: 'category', data: names, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: 100,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: ['100%', '0%'],
      inRange: { color: ['#eef3fa', '#1f4e8c'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        label: { show: small, formatter: (p: { value: number[] }) => `${Math.round(p.value[2]!)}%` },
      },
    ],
  };
  return (
    <section className="card">
      <div className="cv-list-head">
        <h2>{t('matrixTitle')}</h2>
        <CsvLink href={csv} testId="retention-cohorts-csv" />
      </div>
      <p className="muted small">{t('matrixLead', { to: label('week', report.to) })}</p>
      <EChart option={option} height={80 + 26 * report.cohorts.length} label={t('heatmap')} />
      <div className="cv-table-wrap">
        <table className="retention-matrix" data-testid="retention-matrix">
          <thead>
            <tr>
              <th>{t('cohort')}</th>
              <th className="num">{t('size')}</th>
              {periods.map((p) => (
                <th key={p} className="num">
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.cohorts.map((c, y) => (
              <tr key={c.start}>
                <th>{names[y]}</th>
                <td className="num">{n(c.size)}</td>
                {periods.map((p, k) => (
                  <td key={p} className="num" style={heat(c.share[k] ?? null)}>
                    {k < c.share.length ? share(c.share[k]!) : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function RepeatSection({ report, csv }: { report: RetentionReport; csv: string }) {
  const { t, label, share, n } = useFormat();
  const { total, withinDays: days } = report.repeat;
  return (
    <section className="card">
      <div className="cv-list-head">
        <h2>{t('repeatTitle')}</h2>
        <CsvLink href={csv} testId="retention-repeat-csv" />
      </div>
      <p data-testid="retention-repeat-summary">
        {t('repeatSummary', {
          repeat: n(total.repeatBuyers),
          buyers: n(total.buyers),
          rate: share(total.repeatRate),
          eligible: n(total.eligible),
          within: n(total.repeatWithin),
          withinRate: share(total.repeatWithinRate),
          days,
        })}
      </p>
      <div className="cv-table-wrap">
        <table className="retention-matrix" data-testid="retention-repeat">
          <thead>
            <tr>
              <th>{t('cohort')}</th>
              <th className="num">{t('buyers')}</th>
              <th className="num">{t('repeatBuyers')}</th>
              <th className="num">{t('repeatRate')}</th>
              <th className="num">{t('eligible', { days })}</th>
              <th className="num">{t('repeatWithin', { days })}</th>
            </tr>
          </thead>
          <tbody>
            {report.repeat.cohorts.map((c) => (
              <tr key={c.start}>
                <th>{label(report.unit, c.start)}</th>
                <td className="num">{n(c.buyers)}</td>
                <td className="num">{n(c.repeatBuyers)}</td>
                <td className="num">{share(c.repeatRate)}</td>
                <td className="num">{n(c.eligible)}</td>
                <td className="num">
                  {n(c.repeatWithin)} ({share(c.repeatWithinRate)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function RevenueSection({ report, currency }: { report: RetentionReport; currency: string }) {
  const { t, language, label, share } = useFormat();
  const columns = Math.max(...report.cohorts.map((c) => c.revenue.length));
  const periods = Array.from({ length: columns }, (_, k) => t('period', { n: k }));
  // All cohorts together: for period k, the cohorts that have lived k periods, their revenue in k over in 0.
  const combined = periods.map((_, k) => {
    const lived = report.cohorts.filter((c) => c.revenue.length > k);
    const first = lived.reduce((s, c) => s + c.revenue[0]!, 0);
    return first > 0 ? Math.round((lived.reduce((s, c) => s + c.revenue[k]!, 0) / first) * 1000) / 10 : null;
  });
  const option = {
    grid: { left: 56, right: 24, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? t('none') : `${v}%`) },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'line', name: t('revenueAll'), data: combined, itemStyle: { color: '#1f4e8c' } }],
  };
  return (
    <section className="card">
      <h2>{t('revenueTitle')}</h2>
      <p className="muted small">{t('revenueLead')}</p>
      <EChart option={option} height={240} label={t('revenueChart')} />
      <div className="cv-table-wrap">
        <table className="retention-matrix" data-testid="retention-revenue">
          <thead>
            <tr>
              <th>{t('cohort')}</th>
              <th className="num">{t('revenueFirst')}</th>
              {periods.map((p) => (
                <th key={p} className="num">
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.cohorts.map((c) => (
              <tr key={c.start}>
                <th>{label(report.unit, c.start)}</th>
                <td className="num">{formatMoney(c.revenue[0] ?? 0, currency, language)}</td>
                {periods.map((p, k) => (
                  <td key={p} className="num" style={heat(c.revenueShare[k] ?? null)}>
                    {k < c.revenueShare.length ? share(c.revenueShare[k]!) : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function LifecycleSection({ report, csv }: { report: RetentionReport; csv: string }) {
  const { t, label, n } = useFormat();
  const names = report.lifecycle.map((p) => label(report.unit, p.start));
  const states = ['new', 'returning', 'resurrecting', 'dormant'] as const;
  const option = {
    grid: { left: 56, right: 24, top: 36, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => t('customers', { count: Math.abs(v) }) },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => n(v) } },
    series: states.map((s) => ({
      type: 'bar',
      name: t(s),
      stack: 'customers',
      itemStyle: { color: COLOURS[s] },
      data: report.lifecycle.map((p) => (s === 'dormant' ? -p[s] : p[s])),
    })),
  };
  return (
    <section className="card">
      <div className="cv-list-head">
        <h2>{t('lifecycleTitle')}</h2>
        <CsvLink href={csv} testId="retention-lifecycle-csv" />
      </div>
      <p className="muted small">{t('lifecycleLead')}</p>
      <EChart option={option} height={300} label={t('lifecycleChart')} />
      <div className="cv-table-wrap">
        <table data-testid="retention-lifecycle">
          <thead>
            <tr>
              <th>{t('periodStart')}</th>
              {states.map((s) => (
                <th key={s} className="num">
                  {t(s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.lifecycle.map((p, i) => (
              <tr key={p.start}>
                <th>{names[i]}</th>
                {states.map((s) => (
                  <td key={s} className="num">
                    {n(p[s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
