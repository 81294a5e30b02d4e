import { humanize } from '../shared/format';

/** Status codes that deserve a colour; any other code shows neutral. */
const TONES: Record<string, string> = {
  draft: 'pending',
  published: 'good',
  retired: 'neutral',
  allow: 'good',
  allowed: 'good',
  executed: 'good',
  configured: 'good',
  deny: 'bad',
  denied: 'bad',
  failed: 'bad',
  not_configured: 'bad',
  dry_run: 'pending',
  pending: 'pending',
  pending_review: 'pending',
  approved: 'good',
  rejected: 'bad',
};

/** A status code as a readable badge; the code itself stays in the title for copy/paste. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return (
    <span className={`badge pp-badge pp-badge-${TONES[status] ?? 'neutral'}`} title={status}>
      {label ?? humanize(status)}
    </span>
  );
}
