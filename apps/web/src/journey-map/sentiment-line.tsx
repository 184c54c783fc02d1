import type { MapStage } from '../api/journey-map.api.ts';

const COLUMN = 100;
const HEIGHT = 60;
const PAD = 8;
// Colours as attributes, not CSS classes: the PNG export draws the SVG without the page's stylesheet.
const INK = { line: '#2f6f5e', zero: '#c9d2ce', good: '#2f7d4f', mixed: '#b7791f', bad: '#a3322b' };

/** y of a net sentiment (-100..100) in the drawing: +100 at the top, -100 at the bottom. */
const yOf = (net: number) => PAD + ((100 - net) / 200) * (HEIGHT - 2 * PAD);

const inkOf = (net: number) => (net < 0 ? INK.bad : net > 20 ? INK.good : INK.mixed);

/**
 * The sentiment line across the stages, one point at the middle of each column, drawn in SVG so it
 * lines up with the map's columns at any width, in print and in the PNG. A stage without signals
 * breaks the line: nothing is drawn where nothing was said.
 */
export function SentimentLine({ stages, label }: { stages: MapStage[]; label: string }) {
  const width = stages.length * COLUMN;
  const points = stages.map((s, i) =>
    s.sentiment.net === null
      ? null
      : { x: i * COLUMN + COLUMN / 2, y: yOf(s.sentiment.net), net: s.sentiment.net },
  );
  const segments: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  for (const point of points) {
    if (point === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push(point);
  }
  if (current.length > 0) segments.push(current);
  return (
    <svg
      className="map-sentiment-svg"
      viewBox={`0 0 ${width} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <line
        x1={0}
        x2={width}
        y1={yOf(0)}
        y2={yOf(0)}
        stroke={INK.zero}
        strokeWidth={1}
        strokeDasharray="4 4"
        vectorEffect="non-scaling-stroke"
      />
      {segments.map((segment, i) => (
        <polyline
          key={i}
          points={segment.map((p) => `${p.x},${p.y}`).join(' ')}
          fill="none"
          stroke={INK.line}
          strokeWidth={2.5}
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {points.map((p, i) =>
        p === null ? null : (
          <line
            key={i}
            x1={p.x}
            x2={p.x}
            y1={p.y}
            y2={p.y}
            stroke={inkOf(p.net)}
            strokeWidth={10}
            strokeLinecap="round"
            vectorEffect="non-scaling-stroke"
          />
        ),
      )}
    </svg>
  );
}
