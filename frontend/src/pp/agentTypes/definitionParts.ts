import type { Finding } from '../ppApi';

/** The JSON parts of a definition an admin edits, in the order the editor shows them. */
export const JSON_PARTS = [
  {
    name: 'config_schema',
    label: 'Config schema',
    help: 'JSON Schema 2020-12 of the customer’s configuration (an object).',
  },
  {
    name: 'ui_hints',
    label: 'UI hints',
    help: 'For every config field, keyed by field name: a label and a widget that fits its type.',
  },
  {
    name: 'goal_templates',
    label: 'Goal templates',
    help: 'A list: unique goal_template_id, a known skill_binding, default and allowed frequencies, settings schema.',
  },
  {
    name: 'enforcement_defaults',
    label: 'Enforcement defaults',
    help: 'Approval, trial and budget rules; approval_required stays true for actions with side effects.',
  },
  {
    name: 'extra_rules',
    label: 'Extra rules',
    help: 'Cross-field rules beyond JSON Schema (a list).',
  },
] as const;

export type JsonPartName = (typeof JSON_PARTS)[number]['name'];

export type TextPartName = 'display_name' | 'description';

export type PartName = JsonPartName | TextPartName;

const PART_NAMES: readonly string[] = ['display_name', 'description', ...JSON_PARTS.map((part) => part.name)];

/** "/ui_hints/the~1me/widget" → ["ui_hints", "the/me", "widget"] (RFC 6901 unescaped). */
export function pointerSegments(pointer: string): string[] {
  if (!pointer || pointer === '/') {
    return [];
  }
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Which editor field a guardrail path points into, if any. */
export function partOf(path: string): PartName | undefined {
  const first = pointerSegments(path)[0];
  return first !== undefined && PART_NAMES.includes(first) ? (first as PartName) : undefined;
}

/** Findings grouped by the field they point into; the rest under "definition". */
export function findingsByPart(findings: Finding[]): Map<PartName | 'definition', Finding[]> {
  const grouped = new Map<PartName | 'definition', Finding[]>();
  for (const finding of findings) {
    const part = partOf(finding.path) ?? 'definition';
    grouped.set(part, [...(grouped.get(part) ?? []), finding]);
  }
  return grouped;
}

/** The DOM id of the field that edits a part, so errors can link to it. */
export function fieldIdOf(part: PartName): string {
  return `definition-${part.replace(/_/g, '-')}`;
}
