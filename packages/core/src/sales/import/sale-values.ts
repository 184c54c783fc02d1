import { fromZonedTime } from 'date-fns-tz';
import type { DateOrder } from './sale-mapping.ts';

const THOUSANDS = /^-?\d{1,3}([.,]\d{3})+$/;
const DECIMAL = /^(-?)(\d*)(?:[.,](\d+))?$/;

/**
 * An amount written in a file, in the currency's minor unit, rounded half up to it; null when it is not
 * a number. `Rp 18.000` and `18,000` read as eighteen thousand where the currency has no minor unit;
 * elsewhere `.` or `,` before the last digits is the decimal point.
 *
 * @example parseAmount('2.55', 2) // 255
 * @example parseAmount('Rp 18.000', 0) // 18000
 * @example parseAmount('0.001', 2) // 0
 */
export function parseAmount(cell: string, digits: number): number | null {
  const plain = cell.replace(/^(Rp\.?|IDR|£|\$|€)\s*/i, '').replace(/\s/g, '');
  if (plain === '') return null;
  const text = digits === 0 && THOUSANDS.test(plain) ? plain.replace(/[.,]/g, '') : plain;
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && match[3] === undefined)) return null;
  const sign = match[1] === '-' ? -1 : 1;
  const whole = match[2] === '' ? 0 : Number(match[2]);
  const fraction = match[3] ?? '';
  const kept = Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  const roundUp = fraction.length > digits && fraction.charCodeAt(digits) >= 53 /* '5' */ ? 1 : 0;
  const value = whole * 10 ** digits + kept + roundUp;
  return Number.isSafeInteger(value) ? sign * value : null;
}

/** A whole quantity (`6`, `-6`, `6.0`); null when it is not one. */
export function parseQuantity(cell: string): number | null {
  const match = /^(-?\d+)(?:\.0+)?$/.exec(cell.trim());
  return match ? Number(match[1]) : null;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date and time as written in a file, read as the wall clock of `zone`, as an instant (ms); null
 * when it is no real date. Takes `2010-12-01 08:26:00`, `19970101` and `12/1/2010 8:26` (day or month
 * first by `order`). Instants are remembered per text: a file repeats its times many times.
 *
 * @example parseLocalDateTime('2010-12-01 08:26:00', 'mdy', 'Europe/London') // Date.parse('2010-12-01T08:26:00Z')
 */
export function parseLocalDateTime(cell: string, order: DateOrder, zone: string): number | null {
  const key = `${zone}|${order}|${cell}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const at = readDateTime(cell.trim(), order, zone);
  if (instants.size >= 100_000) instants.clear();
  instants.set(key, at);
  return at;
}

const instants = new Map<string, number | null>();

function readDateTime(text: string, order: DateOrder, zone: string): number | null {
  let parts: [number, number, number, number, number, number] | null = null;
  const iso = ISO.exec(text);
  const compact = COMPACT.exec(text);
  const slashed = SLASHED.exec(text);
  if (iso) parts = [+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0)];
  else if (compact) parts = [+compact[1]!, +compact[2]!, +compact[3]!, 0, 0, 0];
  else if (slashed) {
    const [a, b] = [+slashed[1]!, +slashed[2]!];
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    parts = [+slashed[3]!, month, day, +(slashed[4] ?? 0), +(slashed[5] ?? 0), +(slashed[6] ?? 0)];
  }
  if (parts === null) return null;
  const [y, mo, d, h, mi, s] = parts;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  return wall - zoneOffset(zone, wall - (wall % 3_600_000));
}

const offsets = new Map<string, number>();

/**
 * How far the zone's wall clock runs ahead of UTC in the hour starting at `hour` (a wall-clock time
 * written as if UTC). Zones change offset on the hour or half hour, and a file repeats its hours
 * thousands of times, so each hour is asked of date-fns-tz once.
 */
function zoneOffset(zone: string, hour: number): number {
  const key = `${zone}|${hour}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offset = hour - fromZonedTime(new Date(hour).toISOString().slice(0, 19), zone).getTime();
  if (offsets.size >= 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}
