/** "trial_active" → "trial active": codes come from the backend, we only make them readable. */
export function humanize(code: string): string {
  return code.replace(/[_.-]+/g, ' ').trim();
}

/** "trial_active" → "Trial active". */
export function sentenceCase(code: string): string {
  const words = humanize(code);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// One date format and one date-time format for the whole app, in the viewer's time zone (or the
// zone a caller names, e.g. the agent's), e.g. "3 Dec 2026" and "Thu 3 Dec 2026, 09:30".
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const LOCALE = 'en-GB';

/** The zone if this browser knows it, else undefined (the browser's own zone is used then). */
export function safeZone(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) {
    return undefined;
  }
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

export function formatDate(iso: string, timeZone?: string | null): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Intl.DateTimeFormat(LOCALE, { ...DATE, timeZone: safeZone(timeZone) }).format(time);
}

export function formatDateTime(iso: string, timeZone?: string | null): string {
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso
    : new Intl.DateTimeFormat(LOCALE, { ...DATE_TIME, timeZone: safeZone(timeZone) }).format(time);
}

/** Minor units in a currency: 250000 INR → "₹2,500.00". */
export function formatMoney(minor: number, currency: string | null | undefined): string {
  const code = currency || 'INR';
  try {
    const formatter = new Intl.NumberFormat('en-IN', { style: 'currency', currency: code });
    const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
    return formatter.format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${code}`;
  }
}

/** Whole units of a currency typed by a person → minor units (2 decimals unless the currency says). */
export function toMinor(amount: number, currency: string | null | undefined): number {
  try {
    const digits = new Intl.NumberFormat('en-IN', { style: 'currency', currency: currency || 'INR' }).resolvedOptions()
      .maximumFractionDigits ?? 2;
    return Math.round(amount * 10 ** digits);
  } catch {
    return Math.round(amount * 100);
  }
}

export function fromMinor(minor: number, currency: string | null | undefined): number {
  try {
    const digits = new Intl.NumberFormat('en-IN', { style: 'currency', currency: currency || 'INR' }).resolvedOptions()
      .maximumFractionDigits ?? 2;
    return minor / 10 ** digits;
  } catch {
    return minor / 100;
  }
}
