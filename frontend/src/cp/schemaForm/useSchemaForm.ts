import { useMemo, useState } from 'react';
import { checkDefinitionRules } from './definitionRules';
import type { DefinitionRule } from './definitionRules';
import { explainViolation, fieldAt, fieldsByPointer, layoutFields } from './fields';
import type { FieldSpec, UiHints } from './fields';
import { getAt, isWithin, setAt } from './pointer';
import { pruned, withDefaults } from './schema';
import type { JsonSchema } from './schema';
import { validate } from './validate';
import type { Violation } from './validate';

export interface SchemaFormState {
  fields: FieldSpec[];
  fieldMap: Map<string, FieldSpec>;
  value: Record<string, unknown>;
  /** The value as it would be sent: empty entries left out. */
  cleanValue: Record<string, unknown>;
  change: (pointer: string, next: unknown) => void;
  /** Everything wrong with the value now; Save stays disabled while there is any. */
  clientErrors: Violation[];
  /** What the fields show: the server's word, and client errors of fields the user touched. */
  visibleErrors: Violation[];
  serverErrors: Violation[];
  setServerErrors: (errors: Violation[]) => void;
  touched: boolean;
  /** A save was tried: every problem shows from now on. */
  submitted: boolean;
  markSubmitted: () => void;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function sameViolation(left: Violation, right: Violation): boolean {
  return left.pointer === right.pointer && left.message === right.message;
}

/**
 * The state of one schema-driven form: its fields (from schema + hints), its value (defaults
 * filled in), client-side validation, and the server's violations, each shown at its field
 * until that field is edited.
 */
export function useSchemaForm({
  schema,
  hints,
  initial,
  rules,
  serverErrors: initialServerErrors = [],
  prefill,
}: {
  schema: JsonSchema;
  hints?: UiHints;
  initial: unknown;
  rules?: DefinitionRule[];
  serverErrors?: Violation[];
  /** Values for fields that are still empty after defaults (e.g. from a hint's default_from). */
  prefill?: Record<string, unknown>;
}): SchemaFormState {
  const fields = useMemo(() => layoutFields(schema, hints), [schema, hints]);
  const fieldMap = useMemo(() => fieldsByPointer(fields), [fields]);
  const [value, setValue] = useState<Record<string, unknown>>(() => {
    const start = { ...(prefill ?? {}), ...((initial as Record<string, unknown> | null) ?? {}) };
    const filled = withDefaults(schema, start);
    return filled && typeof filled === 'object' ? (filled as Record<string, unknown>) : {};
  });
  const [touchedPointers, setTouchedPointers] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  // What the server said about the saved value when the form opened waits for a touch or a save
  // (a fresh form must not open as a wall of errors); what it says to a save shows at once.
  const [loadedErrors, setLoadedErrors] = useState<Violation[]>(initialServerErrors);
  const [answeredErrors, setAnsweredErrors] = useState<Violation[]>([]);
  const explain = (errors: Violation[]) =>
    errors
      // A fixed field (const / read-only) is a fact, never an error the customer could fix.
      .filter((error) => !fieldAt(error.pointer, fieldMap)?.readOnly)
      .map((error) => ({ ...error, message: explainViolation(error.message, fieldAt(error.pointer, fieldMap)) }));

  const cleanValue = useMemo(() => (pruned(value) as Record<string, unknown>) ?? {}, [value]);
  const clientErrors = useMemo(
    () =>
      [...validate(schema, cleanValue), ...checkDefinitionRules(rules, cleanValue)].map((error) => ({
        ...error,
        message: explainViolation(error.message, fieldAt(error.pointer, fieldMap)),
      })),
    [schema, cleanValue, rules, fieldMap],
  );
  const isTouched = (pointer: string) =>
    touchedPointers.some((touched) => isWithin(pointer, touched) || isWithin(touched, pointer));
  const serverErrors = explain([
    ...answeredErrors,
    ...loadedErrors.filter(
      (error) => submitted || isTouched(error.pointer) || !isEmpty(getAt(cleanValue, error.pointer)),
    ),
  ]);
  function setServerErrors(errors: Violation[]) {
    setLoadedErrors([]);
    setAnsweredErrors(errors);
  }

  function change(pointer: string, next: unknown) {
    setValue((current) => setAt(current, pointer, next));
    setTouchedPointers((current) => (current.includes(pointer) ? current : [...current, pointer]));
    setLoadedErrors((current) => current.filter((error) => !isWithin(error.pointer, pointer)));
    setAnsweredErrors((current) => current.filter((error) => !isWithin(error.pointer, pointer)));
  }

  // A field shows its problems once it was edited, or at once when it holds something wrong
  // (e.g. a saved value a rule now rejects); an empty field does not nag before it is touched.
  const visibleErrors = [...serverErrors];
  for (const error of clientErrors) {
    const touched = submitted || isTouched(error.pointer);
    const holdsSomething = !isEmpty(getAt(cleanValue, error.pointer));
    if ((touched || holdsSomething) && !visibleErrors.some((shown) => sameViolation(shown, error))) {
      visibleErrors.push(error);
    }
  }

  return {
    fields,
    fieldMap,
    value,
    cleanValue,
    change,
    clientErrors,
    visibleErrors,
    serverErrors,
    setServerErrors,
    touched: touchedPointers.length > 0,
    submitted,
    markSubmitted: () => setSubmitted(true),
  };
}

/** The problem's `errors[]` that address the part of the request at `prefix`, relative to it. */
export function violationsUnder(errors: { pointer?: string; field?: string; message: string }[], prefix: string): Violation[] {
  return errors.flatMap((error) => {
    const pointer = error.pointer ?? (error.field ? `/${error.field}` : undefined);
    if (pointer === undefined) {
      return [];
    }
    if (prefix === '') {
      return [{ pointer, message: error.message }];
    }
    if (pointer === prefix || pointer.startsWith(`${prefix}/`)) {
      return [{ pointer: pointer.slice(prefix.length), message: error.message }];
    }
    return [];
  });
}
