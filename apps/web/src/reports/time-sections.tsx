import { useMemo } from 'react';
import type { ReportInterval } from '@jejak/core/sales';
import { useReport, type ReportFilter, type SalesReport } from '../api/reports.api.ts';
import { useFormat } from '../format/use-format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { barsOption, overTimeOption } from './chart-options.ts';
import { ReportCard } from './report-card.tsx';
import { useReportsTranslation } from './reports-i18n.ts';

interface Props {
  workspaceId: string;
  timeZone: string;
  filter: ReportFilter;
}

/** A row's start as `24 Nov`, `Nov 2026` for a month: the days are the workspace's already. */
function rowLabel(start: string, interval: ReportInterval, language: 'id' | 'en'): string {
  const options: Intl.DateTimeFormatOptions =
    interval === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(language === 'en' ? 'en-ID' : 'id-ID', {
    ...options,
    timeZone: 'UTC',
  }).format(Date.parse(`${start}T00:00:00Z`));
}

/** The period's key figures, then sales per day, week or month as a chart and a table. */
export function SalesSection({
  workspaceId,
  timeZone,
  filter,
  report,
}: Props & { report: ReturnType<typeof useReport<'sales'>> }) {
  const { t, i18n } = useReportsTranslation();
  const language = currentLanguage(i18n.language);
  const format = useFormat(timeZone);
  const data: SalesReport | undefined = report.data;
  const interval = filter.interval ?? 'day';
  const option = useMemo(() => {
    if (!data) return {};
    return overTimeOption(
      data.rows.map((r) => rowLabel(r.start, interval, language)),
      data.rows.map((r) => r.netSales),
      data.rows.map((r) => r.grossProfit),
      format.money,
      { netSales: t('col.netSales'), grossProfit: t('col.grossProfit') },
    );
  }, [data, format, language]);
  const totals = data?.totals;
  return (
    <ReportCard
      workspaceId={workspaceId}
      name="sales"
      filter={filter}
      title={t('sales.title')}
      hint={t('sales.hint')}
      error={report.error}
      chart={data ? { option, label: t('sales.chart'), height: 320 } : null}
      summary={
        totals && (
          <div className="kpis" data-testid="kpis">
            <div className="kpi">
              <div className="label">{t('kpi.netSales')}</div>
              <div className="value" data-testid="kpi-net-sales">
                {format.money(totals.netSales)}
              </div>
            </div>
            <div className="kpi">
              <div className="label">{t('kpi.orders')}</div>
              <div className="value" data-testid="kpi-orders">
                {format.number(totals.orders)}
              </div>
            </div>
            <div className="kpi">
              <div className="label">{t('kpi.averageOrder')}</div>
              <div className="value">
                {totals.averageOrder === null ? t('none') : format.money(totals.averageOrder)}
              </div>
            </div>
            <div
              className="kpi"
              title={t('kpi.marginOf', {
                profit: format.money(totals.grossProfit),
                revenue: format.money(totals.revenue),
              })}
            >
              <div className="label">{t('kpi.margin')}</div>
              <div className="value">{totals.margin === null ? t('none') : format.share(totals.margin)}</div>
            </div>
            <div className="kpi">
              <div className="label">{t('kpi.refunded')}</div>
              <div className="value">{format.money(totals.refunded)}</div>
              <div className="label">
                {t('kpi.refundedOf', { count: totals.refunds, formatted: format.number(totals.refunds) })}
              </div>
            </div>
          </div>
        )
      }
    >
      {data && (
        <table data-testid="sales-table">
          <thead>
            <tr>
              <th>{t('col.period')}</th>
              <th className="num">{t('col.orders')}</th>
              <th className="num">{t('col.sales')}</th>
              <th className="num">{t('col.discounts')}</th>
              <th className="num">{t('col.tax')}</th>
              <th className="num">{t('col.refunded')}</th>
              <th className="num">{t('col.netSales')}</th>
              <th className="num">{t('col.grossProfit')}</th>
              <th className="num">{t('col.margin')}</th>
              <th className="num">{t('col.averageOrder')}</th>
            </tr>
          </thead>
          <tbody>
            {[...data.rows].reverse().map((r) => (
              <tr key={r.start}>
                <td>{rowLabel(r.start, interval, language)}</td>
                <td className="num">{format.number(r.orders)}</td>
                <td className="num">{format.money(r.sales)}</td>
                <td className="num">{format.money(r.discounts)}</td>
                <td className="num">{format.money(r.tax)}</td>
                <td className="num">{format.money(r.refunded)}</td>
                <td className="num">{format.money(r.netSales)}</td>
                <td className="num">{format.money(r.grossProfit)}</td>
                <td className="num">{r.margin === null ? t('none') : format.share(r.margin)}</td>
                <td className="num">{r.averageOrder === null ? t('none') : format.money(r.averageOrder)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportCard>
  );
}

/** Refunds and voids of the period: what went back per row of the period, and each one listed. */
export function RefundsSection({
  workspaceId,
  timeZone,
  filter,
  sales,
}: Props & { sales: SalesReport | undefined }) {
  const { t, i18n } = useReportsTranslation();
  const language = currentLanguage(i18n.language);
  const format = useFormat(timeZone);
  const report = useReport(workspaceId, 'refunds', filter);
  const data = report.data;
  const interval = filter.interval ?? 'day';
  const withRefunds = (sales?.rows ?? []).filter((r) => r.refunded > 0);
  const option = useMemo(
    () =>
      barsOption(
        withRefunds.map((r) => rowLabel(r.start, interval, language)),
        withRefunds.map((r) => r.refunded),
        format.money,
        t('col.refunded'),
      ),
    [sales, format, language],
  );
  return (
    <ReportCard
      workspaceId={workspaceId}
      name="refunds"
      filter={filter}
      title={t('refunds.title')}
      hint={t('refunds.hint')}
      error={report.error}
      chart={
        withRefunds.length > 0
          ? { option, label: t('refunds.chart'), height: 60 + Math.min(withRefunds.length, 12) * 26 }
          : null
      }
      empty={data && data.rows.length === 0 ? t('refunds.none') : null}
      summary={
        data && (
          <p data-testid="refunds-summary">
            {t('refunds.summary', {
              refunds: format.number(data.totals.refunds),
              refunded: format.money(data.totals.refunded),
              voids: format.number(data.totals.voids),
              voided: format.money(data.totals.voided),
            })}
            {data.truncated && <span className="muted"> · {t('refunds.truncated')}</span>}
          </p>
        )
      }
    >
      {data && (
        <table>
          <thead>
            <tr>
              <th>{t('col.time')}</th>
              <th>{t('col.kind')}</th>
              <th>{t('col.branch')}</th>
              <th className="num">{t('col.receipt')}</th>
              <th>{t('col.reason')}</th>
              <th className="num">{t('col.amount')}</th>
              <th>{t('col.by')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id}>
                <td>{format.dateTime(Date.parse(r.at))}</td>
                <td>{t(`kinds.${r.kind}`)}</td>
                <td>{r.branchName}</td>
                <td className="num">{r.receiptNo}</td>
                <td>{r.reason}</td>
                <td className="num">{format.money(r.amount)}</td>
                <td>{r.actorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportCard>
  );
}

/** What the stock on hand is worth now, per branch and category. */
export function StockValueSection({ workspaceId, timeZone, filter }: Props) {
  const { t } = useReportsTranslation();
  const format = useFormat(timeZone);
  const report = useReport(workspaceId, 'stock-value', filter);
  const data = report.data;
  const perBranch = useMemo(() => {
    const sums = new Map<string, number>();
    for (const r of data?.rows ?? []) sums.set(r.branchName, (sums.get(r.branchName) ?? 0) + r.costValue);
    return [...sums];
  }, [data]);
  const option = useMemo(
    () =>
      barsOption(
        perBranch.map(([n]) => n),
        perBranch.map(([, v]) => v),
        format.money,
        t('col.costValue'),
      ),
    [perBranch, format],
  );
  return (
    <ReportCard
      workspaceId={workspaceId}
      name="stock-value"
      filter={filter}
      title={t('stock.title')}
      hint={t('stock.hint')}
      error={report.error}
      chart={
        perBranch.length > 0 ? { option, label: t('stock.chart'), height: 60 + perBranch.length * 40 } : null
      }
      empty={data && data.rows.length === 0 ? t('stock.none') : null}
    >
      {data && (
        <table>
          <thead>
            <tr>
              <th>{t('col.branch')}</th>
              <th>{t('col.category')}</th>
              <th className="num">{t('col.products')}</th>
              <th className="num">{t('col.units')}</th>
              <th className="num">{t('col.costValue')}</th>
              <th className="num">{t('col.retailValue')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={`${r.branchId}:${r.category ?? ''}`}>
                <td>{r.branchName}</td>
                <td>{r.category ?? t('noCategory')}</td>
                <td className="num">{format.number(r.products)}</td>
                <td className="num">{format.number(r.units)}</td>
                <td className="num">{format.money(r.costValue)}</td>
                <td className="num">{format.money(r.retailValue)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>{t('col.total')}</td>
              <td className="num">{format.number(data.totals.units)}</td>
              <td className="num">{format.money(data.totals.costValue)}</td>
              <td className="num">{format.money(data.totals.retailValue)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </ReportCard>
  );
}
