import type { ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { reportCsvUrl, type ReportFilter, type ReportName } from '../api/reports.api.ts';
import { EChart } from '../charts/echart.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { useReportsTranslation } from './reports-i18n.ts';

interface Props {
  workspaceId: string;
  name: ReportName;
  filter: ReportFilter;
  title: string;
  hint: string;
  error: Error | null;
  /** Null while loading or when there is nothing to draw. */
  chart: { option: EChartsCoreOption; label: string; height?: number } | null;
  summary?: ReactNode;
  empty?: string | null;
  children?: ReactNode;
}

/** One report: its title and meaning, its two CSV downloads, a chart and the table of its numbers. */
export function ReportCard(props: Props) {
  const { t, i18n } = useReportsTranslation();
  const language = currentLanguage(i18n.language);
  const { workspaceId, name, filter } = props;
  return (
    <section className="card report" data-testid={`report-${name}`} aria-labelledby={`report-${name}-title`}>
      <div className="report-head">
        <div>
          <h2 id={`report-${name}-title`}>{props.title}</h2>
          <p className="muted">{props.hint}</p>
        </div>
        <div className="report-downloads">
          <a
            className="button secondary"
            href={reportCsvUrl(workspaceId, name, filter, false, language)}
            download
            data-testid={`csv-${name}`}
          >
            {t('csv')}
          </a>
          <a
            className="button secondary"
            href={reportCsvUrl(workspaceId, name, filter, true, language)}
            download
            title={t('csvHint')}
            data-testid={`csv-excel-${name}`}
          >
            {t('csvExcel')}
          </a>
        </div>
      </div>
      {props.error && <ErrorNotice error={props.error} />}
      {props.summary}
      {props.empty ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <div className="chart-over-table">
          {props.chart && (
            <EChart
              option={props.chart.option}
              height={props.chart.height ?? 300}
              label={props.chart.label}
            />
          )}
          {props.children && <div className="table-scroll">{props.children}</div>}
        </div>
      )}
    </section>
  );
}
