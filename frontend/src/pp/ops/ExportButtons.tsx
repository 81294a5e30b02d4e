import { useState } from 'react';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { ppApi } from '../ppApi';
import type { AuditFilters, ExportFormat, ExportKind } from '../ppApi';

/**
 * Downloads every record the applied filters select (not only the page shown), as CSV or JSON
 * Lines; pp-backend streams it and records the download in the operators' audit trail.
 */
export function ExportButtons({ kind, filters }: { kind: ExportKind; filters: AuditFilters }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setError(null);
    try {
      const file = await ppApi.exportAudit(kind, filters, format);
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="pp-actions" role="group" aria-label={`Download ${kind}`}>
      <button type="button" className="secondary" disabled={busy !== null} onClick={() => download('csv')}>
        {busy === 'csv' ? 'Preparing CSV…' : 'Download CSV'}
      </button>
      <button type="button" className="secondary" disabled={busy !== null} onClick={() => download('jsonl')}>
        {busy === 'jsonl' ? 'Preparing JSON Lines…' : 'Download JSON Lines'}
      </button>
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
}
