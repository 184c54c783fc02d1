import { forwardRef, type ComponentType, type CSSProperties, type ReactNode } from 'react';
import type { JourneyMap, MapStage } from '../api/journey-map.api.ts';
import {
  AdviceCell,
  ChannelsCell,
  ContentCell,
  EnteredCell,
  MovedOnCell,
  NowCell,
  PainsCell,
  SentimentCell,
  TimeCell,
  TouchpointsCell,
} from './map-cells.tsx';
import { SentimentLine } from './sentiment-line.tsx';
import type { MapLabels } from './use-map-labels.ts';

type RowKey =
  'now' | 'entered' | 'movedOn' | 'time' | 'touchpoints' | 'channels' | 'content' | 'pains' | 'advice';
type Cell = ComponentType<{ stage: MapStage; labels: MapLabels }>;

/** The rows of the map, top to bottom, as marketers draw them; sentiment sits between channels and pains. */
const ROWS_BEFORE: [RowKey, Cell][] = [
  ['now', NowCell],
  ['entered', EnteredCell],
  ['movedOn', MovedOnCell],
  ['time', TimeCell],
  ['touchpoints', TouchpointsCell],
  ['channels', ChannelsCell],
  ['content', ContentCell],
];
const ROWS_AFTER: [RowKey, Cell][] = [
  ['pains', PainsCell],
  ['advice', AdviceCell],
];
const HINTS: Partial<Record<RowKey | 'sentiment', 'entered' | 'movedOn' | 'sentiment'>> = {
  entered: 'entered',
  movedOn: 'movedOn',
  sentiment: 'sentiment',
};

interface Props {
  map: JourneyMap;
  labels: MapLabels;
  /** The heading the printed page and the PNG carry: what, whose, which period. */
  heading: ReactNode;
}

/** The map itself: a grid with a column per stage and a row per question, printable and exportable. */
export const MapSheet = forwardRef<HTMLDivElement, Props>(function MapSheet({ map, labels, heading }, ref) {
  const { t } = labels;
  const style = { '--stages': map.stages.length } as CSSProperties;
  const rowHead = (key: RowKey | 'sentiment') => {
    const hint = HINTS[key];
    return (
      <div role="rowheader" className="map-rowhead">
        {t(`rows.${key}`)}
        {hint && <span className="map-hint">{t(`hints.${hint}`)}</span>}
      </div>
    );
  };
  const row = ([key, Cell]: [RowKey, Cell]) => (
    <div role="row" className={`map-row map-row-${key}`} key={key} data-row={key}>
      {rowHead(key)}
      {map.stages.map((stage) => (
        <div role="cell" className="map-cell" key={stage.key} data-stage={stage.key}>
          <Cell stage={stage} labels={labels} />
        </div>
      ))}
    </div>
  );

  return (
    <div ref={ref} className="map-sheet" data-testid="journey-map">
      <div className="map-sheet-head">{heading}</div>
      <div role="table" aria-label={t('table')} className="map-grid" style={style}>
        <div role="row" className="map-row map-row-head">
          <div role="columnheader" className="map-corner" />
          {map.stages.map((stage, i) => (
            <div
              role="columnheader"
              className={`map-stage stage-${i % 6}`}
              key={stage.key}
              data-stage={stage.key}
            >
              {labels.stage(stage.key)}
            </div>
          ))}
        </div>
        {ROWS_BEFORE.map(row)}
        <div role="row" className="map-row map-row-sentiment" data-row="sentiment">
          {rowHead('sentiment')}
          {map.signals === 0 ? (
            <div role="cell" className="map-cell map-span map-empty-row">
              {t('sentimentNone')}
            </div>
          ) : (
            <>
              <div className="map-span map-sentiment-line" aria-hidden="false">
                <SentimentLine stages={map.stages} label={t('rows.sentiment')} />
              </div>
              {map.stages.map((stage) => (
                <div role="cell" className="map-cell" key={stage.key} data-stage={stage.key}>
                  <SentimentCell stage={stage} labels={labels} />
                </div>
              ))}
            </>
          )}
        </div>
        {ROWS_AFTER.map(row)}
      </div>
    </div>
  );
});
