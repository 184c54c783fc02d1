import { useRef, useState } from 'react';
import { useJourneyMap } from '../api/journey-map.api.ts';
import { startOfDay } from '../format/zoned-day.ts';
import { FilterBar, useFilterWords } from '../journey/filter-bar.tsx';
import { useJourneyFilter } from '../journey/use-journey-filter.ts';
import { usePeriod } from '../journey/use-period.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { downloadPng } from './export-png.ts';
import { MapSheet } from './map-sheet.tsx';
import { useMapLabels } from './use-map-labels.ts';
import { usePrintFit } from './use-print-fit.ts';
import './journey-map.css';

type Export = 'idle' | 'working' | 'failed';

/**
 * The journey map: the whiteboard map of a customer journey, drawn from the data of a period. It prints
 * on one landscape A4 page and downloads as a PNG.
 */
export function JourneyMapPage() {
  const { workspace } = useWorkspace();
  const periodState = usePeriod(workspace.timezone);
  const { period } = periodState;
  const { filter, setFilter, clear } = useJourneyFilter();
  const map = useJourneyMap(workspace.id, period.fromDay, period.toDay, filter);
  const labels = useMapLabels(map.data, workspace.timezone);
  const { t, format } = labels;
  const sheet = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState<Export>('idle');
  usePrintFit(sheet);

  const from = format.date(startOfDay(period.fromDay, workspace.timezone));
  const to = format.date(startOfDay(period.toDay, workspace.timezone));
  const customers = map.data?.customers ?? 0;
  const what = useFilterWords(workspace.id, filter);
  // The filter is part of the lead, so a printed or downloaded map says whose journey it shows.
  const lead = [
    t('lead', {
      workspace: workspace.name,
      from,
      to,
      customers: t('customers', { count: customers, formatted: format.number(customers) }),
    }),
    what === '' ? null : t('filtered', { what }),
  ]
    .filter((part) => part !== null)
    .join(' · ');

  const exportPng = async () => {
    if (!sheet.current) return;
    setExporting('working');
    try {
      await downloadPng(
        sheet.current,
        `peta-perjalanan-${workspace.slug}-${period.fromDay}-${period.toDay}.png`,
      );
      setExporting('idle');
    } catch {
      setExporting('failed');
    }
  };

  return (
    <div className="page journey-map-page">
      <header className="page-head map-page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="lead" data-testid="map-lead">
            {lead}
          </p>
        </div>
        <div className="map-actions no-print">
          <button type="button" className="secondary" onClick={() => window.print()} data-testid="map-print">
            {t('print')}
          </button>
          <button
            type="button"
            onClick={() => void exportPng()}
            disabled={exporting === 'working' || !map.data}
            data-testid="map-png"
          >
            {exporting === 'working' ? t('exporting') : t('png')}
          </button>
        </div>
      </header>
      {exporting === 'failed' && (
        <p role="alert" className="error no-print">
          {t('exportFailed')}
        </p>
      )}
      <div className="no-print">
        <FilterBar
          workspaceId={workspace.id}
          filter={filter}
          setFilter={setFilter}
          clear={clear}
          period={periodState}
        />
      </div>
      {map.error ? (
        <ErrorNotice error={map.error} />
      ) : map.isPending ? (
        <p className="loading">{t('loading')}</p>
      ) : map.data.customers === 0 ? (
        <section className="card">
          <p data-testid="map-empty">{t(what === '' ? 'empty' : 'emptyFiltered')}</p>
        </section>
      ) : (
        <div className="map-scroll">
          <MapSheet
            ref={sheet}
            map={map.data}
            labels={labels}
            heading={
              <>
                <strong>{t('title')}</strong>
                <span>{lead}</span>
                <span className="map-printed">{t('printedOn', { date: format.date(Date.now()) })}</span>
              </>
            }
          />
        </div>
      )}
    </div>
  );
}
