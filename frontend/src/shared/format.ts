/** "trial_active" → "trial active": codes come from the backend, we only make them readable. */
export function humanize(code: string): string {
  return code.replace(/[_.-]+/g, ' ').trim();
}

export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso
    : new Date(time).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
