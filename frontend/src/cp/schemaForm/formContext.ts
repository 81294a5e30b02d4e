import { createContext, useContext } from 'react';
import type { FieldSpec } from './fields';
import { getAt, isWithin } from './pointer';
import type { Violation } from './validate';

// What every field of a schema form reads from the form: its value, the errors to show, how to
// change it. <SchemaFields> provides it; useField narrows it to one field.

export interface FormContextValue {
  value: unknown;
  onChange: (pointer: string, value: unknown) => void;
  errors: Violation[];
  optionsSource: unknown;
  disabled: boolean;
  idPrefix: string;
  fieldMap: Map<string, FieldSpec>;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) {
    throw new Error('schema form fields must render inside <SchemaFields>');
  }
  return context;
}

/** Everything one field's control needs: ids, its value, its errors, and how to change it. */
export function useField(field: FieldSpec, { ownErrorsOnly = false } = {}) {
  const form = useFormContext();
  const id = `${form.idPrefix}${field.pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const errors = form.errors.filter((error) =>
    ownErrorsOnly ? error.pointer === field.pointer : isWithin(error.pointer, field.pointer),
  );
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = errors.length > 0 ? `${id}-errors` : undefined;
  return {
    form,
    id,
    helpId,
    errorId,
    errors,
    value: getAt(form.value, field.pointer),
    describedBy: [helpId, errorId].filter(Boolean).join(' ') || undefined,
    invalid: errors.length > 0,
    disabled: form.disabled,
    set: (next: unknown) => form.onChange(field.pointer, next),
  };
}

export type FieldControl = ReturnType<typeof useField>;
