import type { Definition } from '../ppApi';

/** Compares "1.10.0" and "1.9.2" as versions, not as text; anything unparsable sorts last. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split('.').map((part) => Number.parseInt(part, 10));
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const left = Number.isNaN(x[i]) ? -1 : (x[i] ?? 0);
    const right = Number.isNaN(y[i]) ? -1 : (y[i] ?? 0);
    if (left !== right) {
      return left - right;
    }
  }
  return 0;
}

/** Newest version first. */
export function newestFirst(versions: Definition[]): Definition[] {
  return [...versions].sort((a, b) => compareVersions(b.version, a.version));
}

export function versionPath(agentTypeId: string, version: string): string {
  return `/agent-types/${encodeURIComponent(agentTypeId)}/versions/${encodeURIComponent(version)}`;
}

export function agentTypePath(agentTypeId: string): string {
  return `/agent-types/${encodeURIComponent(agentTypeId)}`;
}
