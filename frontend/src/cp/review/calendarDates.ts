// Calendar arithmetic in the customer's timezone. A day is a plain "YYYY-MM-DD" key: the
// arithmetic on keys uses UTC dates (no daylight-saving surprises), and instants are placed on a
// day by their wall-clock date in the zone.

import { safeZone } from '../../shared/format';

const LOCALE = 'en-GB';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(instant: number, timeZone: string | null | undefined): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: safeZone(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The day an instant falls on in the zone, as "YYYY-MM-DD". */
export function dayKeyOf(instant: string | number, timeZone: string | null | undefined): string {
  const time = typeof instant === 'number' ? instant : Date.parse(instant);
  const wall = wallClock(time, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** "09:30": the wall-clock time of an instant in the zone. */
export function timeOfDay(instant: string, timeZone: string | null | undefined): string {
  const wall = wallClock(Date.parse(instant), timeZone);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

function utcOf(dayKey: string): Date {
  const [year, month, day] = dayKey.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function keyOfUtc(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function addDays(dayKey: string, days: number): string {
  const date = utcOf(dayKey);
  date.setUTCDate(date.getUTCDate() + days);
  return keyOfUtc(date);
}

/** The same day of another month, clamped to that month's length (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(dayKey: string, months: number): string {
  const date = utcOf(dayKey);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return keyOfUtc(target);
}

/** Weeks start on Monday, as the customer's (en-GB) calendar does. */
export function startOfWeek(dayKey: string): string {
  const weekday = (utcOf(dayKey).getUTCDay() + 6) % 7;
  return addDays(dayKey, -weekday);
}

export function weekDays(dayKey: string): string[] {
  const monday = startOfWeek(dayKey);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The weeks (Monday to Sunday) covering the month of the day, days of neighbouring months included. */
export function monthWeeks(dayKey: string): string[][] {
  const first = `${dayKey.slice(0, 7)}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const weeks: string[][] = [];
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(weekDays(monday));
  }
  return weeks;
}

export function sameMonth(left: string, right: string): boolean {
  return left.slice(0, 7) === right.slice(0, 7);
}

function formatDay(dayKey: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: 'UTC' }).format(utcOf(dayKey));
}

/** "Mon 7 Dec" for a day's heading. */
export function dayLabel(dayKey: string): string {
  return formatDay(dayKey, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** "Monday 7 December 2026" for screen readers and titles. */
export function longDayLabel(dayKey: string): string {
  // Built from its parts: ICU versions differ on the comma after the weekday.
  const part = (options: Intl.DateTimeFormatOptions) => formatDay(dayKey, options);
  return `${part({ weekday: 'long' })} ${Number(dayKey.slice(8))} ${part({ month: 'long' })} ${dayKey.slice(0, 4)}`;
}

/** "December 2026". */
export function monthLabel(dayKey: string): string {
  return formatDay(dayKey, { month: 'long', year: 'numeric' });
}

/** "7 – 13 Dec 2026", or across months/years "28 Dec 2026 – 3 Jan 2027". */
export function weekLabel(dayKey: string): string {
  const [first, , , , , , last] = weekDays(dayKey);
  const full = (key: string) => formatDay(key, { day: 'numeric', month: 'short', year: 'numeric' });
  if (first.slice(0, 4) !== last.slice(0, 4)) {
    return `${full(first)} – ${full(last)}`;
  }
  if (first.slice(0, 7) !== last.slice(0, 7)) {
    return `${formatDay(first, { day: 'numeric', month: 'short' })} – ${full(last)}`;
  }
  return `${formatDay(first, { day: 'numeric' })} – ${full(last)}`;
}

/**
 * The instant a wall-clock time ("2026-12-04T09:30", as a datetime-local input gives it) names in
 * the zone; undefined when it is not a time. Uses the zone's offset at that moment (two passes
 * settle a daylight-saving change).
 */
export function instantOfWallClock(local: string, timeZone: string | null | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) {
    return undefined;
  }
  const offsetAt = (instant: number) => {
    const wall = wallClock(instant, timeZone);
    return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - Math.floor(instant / 60_000) * 60_000;
  };
  let instant = asUtc - offsetAt(asUtc);
  instant = asUtc - offsetAt(instant);
  return new Date(instant).toISOString();
}

export type Period = 'day' | 'week' | 'month';

/** The period a goal's frequency drafts for: a weekly goal's week, a monthly goal's month, else the day. */
export function periodOfFrequency(frequency: string | undefined): Period {
  if (frequency && /week/i.test(frequency)) {
    return 'week';
  }
  if (frequency && /month/i.test(frequency)) {
    return 'month';
  }
  return 'day';
}

/** Whether two instants fall in the same day, week (Monday to Sunday) or month on the zone's calendar. */
export function samePeriod(left: string | number, right: string | number, period: Period, timeZone: string | null | undefined): boolean {
  const leftDay = dayKeyOf(left, timeZone);
  const rightDay = dayKeyOf(right, timeZone);
  if (period === 'week') {
    return startOfWeek(leftDay) === startOfWeek(rightDay);
  }
  if (period === 'month') {
    return leftDay.slice(0, 7) === rightDay.slice(0, 7);
  }
  return leftDay === rightDay;
}
