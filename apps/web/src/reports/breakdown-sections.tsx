import { useMemo } from 'react';
import type { Figures, ProductFigures, ReportFilter } from '../api/reports.api.ts';
import { useReport } from '../api/reports.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useTranslation } from 'react-i18next';
import { barsOption } from './chart-options.ts';
import { ReportCard } from './report-card.tsx';
import { useReportsTranslation, type ReportT } from './reports-i18n.ts';

interface Props {
  workspaceId: string;
  timeZone: string;
  filter: ReportFilter;
}

type Format = ReturnType<typeof useFormat>;
const TOP = 10;

function margin(format: Format, t: ReportT, m: number | null) {
  return m === null ? t('none') : format.share(m);
}

/** The columns of a breakdown by who or where: orders, sales, refunds, net, profit, margin, average. */
function FigureCells({ f, format, t }: { f: Figures; format: Format; t: ReportT }) {
  return (
    <>
      <td className="num">{format.number(f.orders)}</td>
      <td className="num">{format.money(f.sales)}</td>
      <td className="num">{format.money(f.refunded)}</td>
      <td className="num">{format.money(f.netSales)}</td>
      <td className="num">{format.money(f.grossProfit)}</td>
      <td className="num">{margin(format, t, f.margin)}</td>
      <td className="num">{f.averageOrder === null ? t('none') : format.money(f.averageOrder)}</td>
    </>
  );
}

function FigureHeads({ first, t }: { first: string; t: ReportT }) {
  return (
    <tr>
      <th>{first}</th>
      <th className="num">{t('col.orders')}</th>
      <th className="num">{t('col.sales')}</th>
      <th className="num">{t('col.refunded')}</th>
      <th className="num">{t('col.netSales')}</th>
      <th className="num">{t('col.grossProfit')}</th>
      <th className="num">{t('col.margin')}</th>
      <th className="num">{t('col.averageOrder')}</th>
    </tr>
  );
}

function ProductCells({ f, format, t }: { f: ProductFigures; format: Format; t: ReportT }) {
  return (
    <>
      <td className="num">{format.number(f.quantity)}</td>
      <td className="num">{format.number(f.refundedQuantity)}</td>
      <td className="num">{format.money(f.netSales)}</td>
      <td className="num">{format.money(f.cost)}</td>
      <td className="num">{format.money(f.grossProfit)}</td>
      <td className="num">{margin(format, t, f.margin)}</td>
    </>
  );
}

function ProductHeads({ t }: { t: ReportT }) {
  return (
    <>
      <th className="num">{t('col.quantity')}</th>
      <th className="num">{t('col.refundedQuantity')}</th>
      <th className="num">{t('col.netSales')}</th>
      <th className="num">{t('col.cost')}</th>
      <th className="num">{t('col.grossProfit')}</th>
      <th className="num">{t('col.margin')}</th>
    </>
  );
}

/** Sales by who or where: branch or employee. */
export function PeopleSection({
  workspaceId,
  timeZone,
  filter,
  kind,
}: Props & { kind: 'branches' | 'employees' }) {
  const { t } = useReportsTranslation();
  const format = useFormat(timeZone);
  const report = useReport(workspaceId, kind, filter);
  const rows = report.data?.rows ?? [];
  const option = useMemo(
    () =>
      barsOption(
        rows.map((r) => r.name),
        rows.map((r) => r.netSales),
        format.money,
        t('col.netSales'),
      ),
    [report.data, format],
  );
  const first = kind === 'branches' ? t('col.branch') : t('col.employee');
  return (
    <ReportCard
      workspaceId={workspaceId}
      name={kind}
      filter={filter}
      title={t(`${kind}.title`)}
      hint={t(`${kind}.hint`)}
      error={report.error}
      chart={
        report.data && rows.length > 0
          ? { option, label: t(`${kind}.chart`), height: 60 + rows.length * 36 }
          : null
      }
      empty={report.data && rows.length === 0 ? t('empty') : null}
    >
      {report.data && (
        <table>
          <thead>
            <FigureHeads first={first} t={t} />
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={'branchId' in r ? r.branchId : (r.employeeId ?? r.name)}>
                <td>{r.name}</td>
                <FigureCells f={r} format={format} t={t} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{t('col.total')}</td>
              <FigureCells f={report.data.totals} format={format} t={t} />
            </tr>
          </tfoot>
        </table>
      )}
    </ReportCard>
  );
}

/** Sales by what was sold: product or category. */
export function GoodsSection({
  workspaceId,
  timeZone,
  filter,
  kind,
}: Props & { kind: 'products' | 'categories' }) {
  const { t } = useReportsTranslation();
  const format = useFormat(timeZone);
  const report = useReport(workspaceId, kind, filter);
  const raw: (ProductFigures & { name?: string; sku?: string | null; category: string | null })[] =
    report.data?.rows ?? [];
  const rows = raw.map((r) => ({
    ...r,
    label: r.name ?? r.category ?? t('noCategory'),
  }));
  const top = rows.slice(0, TOP);
  const option = useMemo(
    () =>
      barsOption(
        top.map((r) => r.label),
        top.map((r) => r.netSales),
        format.money,
        t('col.netSales'),
      ),
    [report.data, format],
  );
  return (
    <ReportCard
      workspaceId={workspaceId}
      name={kind}
      filter={filter}
      title={t(`${kind}.title`)}
      hint={t(`${kind}.hint`)}
      error={report.error}
      chart={
        report.data && rows.length > 0
          ? { option, label: t(`${kind}.chart`), height: 60 + top.length * 30 }
          : null
      }
      empty={report.data && rows.length === 0 ? t('empty') : null}
    >
      {report.data && (
        <table>
          <thead>
            <tr>
              <th>{kind === 'products' ? t('col.product') : t('col.category')}</th>
              {kind === 'products' && <th>{t('col.category')}</th>}
              <ProductHeads t={t} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label + (r.sku ?? '')}>
                <td>{r.label}</td>
                {kind === 'products' && <td>{r.category ?? t('none')}</td>}
                <ProductCells f={r} format={format} t={t} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={kind === 'products' ? 2 : 1}>{t('col.total')}</td>
              <ProductCells f={report.data.totals} format={format} t={t} />
            </tr>
          </tfoot>
        </table>
      )}
    </ReportCard>
  );
}

/** Money taken per payment method, with its share. */
export function PaymentsSection({ workspaceId, timeZone, filter }: Props) {
  const { t } = useReportsTranslation();
  const { t: tApp } = useTranslation();
  const format = useFormat(timeZone);
  const report = useReport(workspaceId, 'payments', filter);
  const rows = report.data?.rows ?? [];
  const methodName = (m: string) => tApp(`sales.methods.${m as 'cash'}`, { defaultValue: m });
  const option = useMemo(
    () =>
      barsOption(
        rows.map((r) => methodName(r.method)),
        rows.map((r) => r.amount),
        format.money,
        t('col.amount'),
      ),
    [report.data, format],
  );
  return (
    <ReportCard
      workspaceId={workspaceId}
      name="payments"
      filter={filter}
      title={t('payments.title')}
      hint={t('payments.hint')}
      error={report.error}
      chart={
        report.data && rows.length > 0
          ? { option, label: t('payments.chart'), height: 60 + rows.length * 32 }
          : null
      }
      empty={report.data && rows.length === 0 ? t('empty') : null}
    >
      {report.data && (
        <table>
          <thead>
            <tr>
              <th>{t('col.method')}</th>
              <th className="num">{t('col.payments')}</th>
              <th className="num">{t('col.amount')}</th>
              <th className="num">{t('col.refunded')}</th>
              <th className="num">{t('col.net')}</th>
              <th className="num">{t('col.share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.method}>
                <td>{methodName(r.method)}</td>
                <td className="num">{format.number(r.payments)}</td>
                <td className="num">{format.money(r.amount)}</td>
                <td className="num">{format.money(r.refunded)}</td>
                <td className="num">{format.money(r.net)}</td>
                <td className="num">{format.share(r.share)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{t('col.total')}</td>
              <td className="num">{format.number(report.data.totals.payments)}</td>
              <td className="num">{format.money(report.data.totals.amount)}</td>
              <td className="num">{format.money(report.data.totals.refunded)}</td>
              <td className="num">{format.money(report.data.totals.net)}</td>
              <td className="num" />
            </tr>
          </tfoot>
        </table>
      )}
    </ReportCard>
  );
}
