import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../src/experience/business-hours.ts';
import {
  missIfDue,
  pauseTarget,
  resumeTarget,
  startTarget,
  stopTarget,
  timeLeft,
} from '../../src/experience/response-target.ts';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const day = { open: '08:00', close: '17:00' };
const hours: BusinessHours = {
  timeZone: 'Asia/Jakarta',
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: [],
};
const fourBusinessHours = { minutes: 240, clock: 'business' as const };

describe('response targets', () => {
  const opened = at('2026-06-02T15:00:00+07:00'); // Tuesday 15:00 WIB

  it('runs with a due time in business hours, or in calendar time', () => {
    expect(startTarget('first_response', fourBusinessHours, hours, opened)).toMatchObject({
      state: 'running',
      dueAt: at('2026-06-03T10:00:00+07:00'),
    });
    expect(startTarget('first_response', { minutes: 240, clock: 'calendar' }, hours, opened).dueAt).toBe(
      at('2026-06-02T19:00:00+07:00'),
    );
  });

  it('is met when stopped before its due time', () => {
    const target = startTarget('first_response', fourBusinessHours, hours, opened);
    const met = stopTarget(target, at('2026-06-03T09:59:00+07:00'));
    expect(met).toMatchObject({ state: 'met', endedAt: at('2026-06-03T09:59:00+07:00'), dueAt: null });
  });

  it('is missed at its due time, even when stopped later', () => {
    const target = startTarget('first_response', fourBusinessHours, hours, opened);
    expect(missIfDue(target, at('2026-06-03T09:59:59+07:00')).state).toBe('running');
    expect(missIfDue(target, at('2026-06-03T10:00:00+07:00'))).toMatchObject({
      state: 'missed',
      endedAt: at('2026-06-03T10:00:00+07:00'),
    });
    expect(stopTarget(target, at('2026-06-03T11:00:00+07:00'))).toMatchObject({
      state: 'missed',
      endedAt: at('2026-06-03T10:00:00+07:00'),
    });
  });

  it('stays missed and stays met', () => {
    const target = startTarget('resolution', fourBusinessHours, hours, opened);
    const missed = missIfDue(target, at('2026-06-04T00:00:00Z'));
    expect(stopTarget(missed, at('2026-06-05T00:00:00Z'))).toEqual(missed);
    const met = stopTarget(target, opened + HOUR);
    expect(missIfDue(met, at('2026-06-09T00:00:00Z'))).toEqual(met);
  });

  it('pauses while pending and resumes with the time it had left', () => {
    const target = startTarget('resolution', fourBusinessHours, hours, opened);
    // 1 h used (15:00-16:00), paused overnight and over the next morning
    const paused = pauseTarget(target, hours, at('2026-06-02T16:00:00+07:00'));
    expect(paused).toMatchObject({ state: 'paused', usedMs: HOUR, dueAt: null });
    expect(missIfDue(paused, at('2026-06-10T00:00:00Z')).state).toBe('paused');
    expect(timeLeft(paused, hours, at('2026-06-03T12:00:00+07:00'))).toBe(3 * HOUR);
    const resumed = resumeTarget(paused, hours, at('2026-06-03T12:00:00+07:00'));
    expect(resumed).toMatchObject({ state: 'running', dueAt: at('2026-06-03T15:00:00+07:00') });
    expect(stopTarget(paused, at('2026-06-10T00:00:00Z')).state).toBe('met');
  });

  it('tells the counted time left, and how far overdue', () => {
    const target = startTarget('first_response', fourBusinessHours, hours, opened);
    // At 16:30 on Tuesday: 30 min today, 2 h tomorrow morning
    expect(timeLeft(target, hours, at('2026-06-02T16:30:00+07:00'))).toBe(2.5 * HOUR);
    expect(timeLeft(target, hours, at('2026-06-03T11:00:00+07:00'))).toBe(-HOUR);
    expect(timeLeft(stopTarget(target, opened), hours, opened)).toBeNull();
  });
});
