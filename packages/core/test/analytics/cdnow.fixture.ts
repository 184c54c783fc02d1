// The CDNOW sample (2,357 customers who first bought in the first quarter of 1997, followed to
// June 1998), the data set on which Fader, Hardie and Lee published their estimates.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Purchase } from '../../src/analytics/index.ts';

const DAY_MS = 86_400_000;

export function dayOf(yyyymmdd: string): number {
  return (
    Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) /
    DAY_MS
  );
}

export function cdnowSample(): Purchase[] {
  const text = gunzipSync(readFileSync(new URL('./fixtures/cdnow-sample.txt.gz', import.meta.url))).toString(
    'utf8',
  );
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [customerId, , date, , dollars] = line.trim().split(/\s+/);
      return { customerId: customerId!, day: dayOf(date!), amount: Number(dollars) };
    });
}

/** Calibration: 1 January to 30 September 1997 (39 weeks); holdout: the 39 weeks to 30 June 1998. */
export const CDNOW_WINDOW = {
  calibrationEnd: dayOf('19970930'),
  holdoutEnd: dayOf('19980630'),
  unitDays: 7,
} as const;
