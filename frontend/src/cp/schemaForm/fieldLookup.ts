import type { FieldSpec, UiHint } from './fields';
import { getAt } from './pointer';
import { allowedValues } from './schema';

// What a field finds elsewhere in the form: its choices, another field's label or hint.

/** The choices of an enum-like field: its `options_from` list, else the schema's values. */
export function choicesOf(field: FieldSpec, schemaOfChoices: FieldSpec['schema'] | undefined, optionsSource: unknown): unknown[] {
  if (field.hint.options_from) {
    const listed = getAt(optionsSource, field.hint.options_from);
    return Array.isArray(listed) ? listed.filter((item) => item !== null && typeof item !== 'object') : [];
  }
  return (schemaOfChoices && allowedValues(schemaOfChoices)) ?? [];
}

export function labelOfPointer(fieldMap: Map<string, FieldSpec>, pointer: string): string {
  return fieldMap.get(pointer)?.label ?? pointer;
}

/** The hint of the field at `pointer` (for labels of a keyed map's keys). */
export function hintAt(fieldMap: Map<string, FieldSpec>, pointer: string | undefined): UiHint | undefined {
  return pointer ? fieldMap.get(pointer)?.hint : undefined;
}
