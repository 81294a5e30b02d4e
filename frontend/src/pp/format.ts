/** "2025-01-10T08:00:03Z" → the operator's local date and time, seconds included (ops read seconds). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso
    : new Date(time).toLocaleString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
}

/** A JSON value as an operator reads it: strings bare, everything else as compact JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'string') {
    return value;
  }
  return JSON.stringify(value);
}

/** Pretty JSON for <pre> blocks and editors. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2);
}

/** `<input type="datetime-local">` value ("2025-01-10T08:00") → ISO instant, or undefined when blank/invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!value) {
    return undefined;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** ISO instant → the local `datetime-local` value that shows it. */
export function isoToLocalInput(iso: string | null | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(time)) {
    return '';
  }
  const at = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;
}
