import { localDateOf, minutesOfDay, weekdayOf } from '../experience/local-time.ts';
import type { Promotion } from './promotion.ts';
import { refuse, type PromotionRefusal } from './promotion-refusal.ts';

/**
 * Whether an instant falls inside a promotion's dates, days and hours, read in the branch's zone.
 * Hours whose end is before their start run past midnight (22:00–02:00); the day is the calendar day
 * of the instant itself.
 *
 * @example
 * windowRefusal({ ...promo, hours: { from: '14:00', to: '17:00' } }, Date.parse('2026-11-25T08:00:00Z'), 'Asia/Jakarta')
 * // null: 15:00 in Jakarta
 */
export function windowRefusal(promotion: Promotion, at: number, timeZone: string): PromotionRefusal | null {
  if (promotion.startsAt !== null && at < promotion.startsAt)
    return refuse('not_yet_valid', { startsAt: promotion.startsAt });
  if (promotion.endsAt !== null && at >= promotion.endsAt)
    return refuse('expired', { endsAt: promotion.endsAt });
  const date = localDateOf(at, timeZone);
  if (promotion.days !== null && !promotion.days.includes(weekdayOf(date)))
    return refuse('wrong_day', { days: [...promotion.days].sort() });
  if (promotion.hours !== null && !insideHours(promotion.hours, at, timeZone))
    return refuse('outside_hours', promotion.hours);
  return null;
}

function insideHours(hours: { from: string; to: string }, at: number, timeZone: string): boolean {
  const from = minutesOfDay(hours.from);
  const to = minutesOfDay(hours.to);
  if (from === null || to === null) return false;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const now =
    Number(parts.find((p) => p.type === 'hour')!.value) * 60 +
    Number(parts.find((p) => p.type === 'minute')!.value);
  return from <= to ? now >= from && now < to : now >= from || now < to;
}
