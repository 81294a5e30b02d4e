import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayKeyOf,
  instantOfWallClock,
  monthWeeks,
  periodOfFrequency,
  samePeriod,
  startOfWeek,
  timeOfDay,
  weekLabel,
} from './calendarDates';

describe('calendar dates in the customer’s timezone', () => {
  it('puts an instant on the day it is in the customer’s zone, not in UTC', () => {
    // 20:00 UTC on 6 Dec is 01:30 on 7 Dec in Kolkata and 15:00 on 6 Dec in New York.
    expect(dayKeyOf('2026-12-06T20:00:00Z', 'Asia/Kolkata')).toBe('2026-12-07');
    expect(timeOfDay('2026-12-06T20:00:00Z', 'Asia/Kolkata')).toBe('01:30');
    expect(dayKeyOf('2026-12-06T20:00:00Z', 'America/New_York')).toBe('2026-12-06');
  });

  it('starts weeks on Monday and labels them across months and years', () => {
    expect(startOfWeek('2026-12-06')).toBe('2026-11-30');
    expect(weekLabel('2026-12-09')).toBe('7 – 13 Dec 2026');
    expect(weekLabel('2026-12-02')).toBe('30 Nov – 6 Dec 2026');
    expect(weekLabel('2026-12-30')).toBe('28 Dec 2026 – 3 Jan 2027');
  });

  it('lays a month out in whole Monday-to-Sunday weeks and keeps the day when stepping months', () => {
    const weeks = monthWeeks('2026-02-14');
    expect(weeks[0][0]).toBe('2026-01-26');
    expect(weeks[weeks.length - 1][6]).toBe('2026-03-01');
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('reads a chosen wall-clock time in the customer’s zone, across a daylight-saving change', () => {
    expect(instantOfWallClock('2026-12-04T09:30', 'Asia/Kolkata')).toBe('2026-12-04T04:00:00.000Z');
    expect(instantOfWallClock('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
    expect(instantOfWallClock('2026-12-01T09:00', 'Europe/London')).toBe('2026-12-01T09:00:00.000Z');
    expect(instantOfWallClock('not a time', 'Asia/Kolkata')).toBeUndefined();
  });

  it('tells whether two times fall in the same day, week or month of a goal, on the agent’s calendar', () => {
    expect(periodOfFrequency('weekly')).toBe('week');
    expect(periodOfFrequency('monthly')).toBe('month');
    expect(periodOfFrequency('daily')).toBe('day');
    expect(periodOfFrequency('on_demand')).toBe('day');
    // Monday and Sunday of one week; the next Monday starts another.
    expect(samePeriod('2026-12-07T06:00:00Z', '2026-12-13T12:00:00Z', 'week', 'Asia/Kolkata')).toBe(true);
    expect(samePeriod('2026-12-13T12:00:00Z', '2026-12-14T06:00:00Z', 'week', 'Asia/Kolkata')).toBe(false);
    // 20:00 UTC on Sunday is already Monday in Kolkata.
    expect(samePeriod('2026-12-13T20:00:00Z', '2026-12-14T06:00:00Z', 'week', 'Asia/Kolkata')).toBe(true);
    expect(samePeriod('2026-12-01T06:00:00Z', '2026-12-31T06:00:00Z', 'month', 'Asia/Kolkata')).toBe(true);
    expect(samePeriod('2026-12-01T06:00:00Z', '2026-12-02T06:00:00Z', 'day', 'Asia/Kolkata')).toBe(false);
  });
});
