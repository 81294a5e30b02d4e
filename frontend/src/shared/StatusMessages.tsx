import type { ReactNode } from 'react';

export function Loading({ label }: { label: string }) {
  return (
    <p role="status" aria-live="polite" className="muted">
      {label}…
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}
