import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { CredentialRefField } from './widgets/CredentialRefField';
import { EnumListField, StringListField } from './widgets/ListFields';
import { TimezoneField } from './widgets/TimezoneField';
import { choiceLabel, fieldsByPointer } from './fields';
import type { FieldSpec, UiHint } from './fields';
import { getAt, isWithin, tokens } from './pointer';
import { allowedValues, hasType } from './schema';
import type { Violation } from './validate';

interface FormContextValue {
  value: unknown;
  onChange: (pointer: string, value: unknown) => void;
  errors: Violation[];
  optionsSource: unknown;
  disabled: boolean;
  idPrefix: string;
  fieldMap: Map<string, FieldSpec>;
}

const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) {
    throw new Error('schema form fields must render inside <SchemaFields>');
  }
  return context;
}

/**
 * Renders the fields of a schema-driven form. The caller owns the value and decides which
 * errors are shown; each field shows the errors at or below its pointer.
 */
export function SchemaFields({
  fields,
  value,
  onChange,
  errors,
  optionsSource,
  disabled = false,
  idPrefix,
}: {
  fields: FieldSpec[];
  value: Record<string, unknown>;
  onChange: (pointer: string, value: unknown) => void;
  errors: Violation[];
  /** The document `options_from` / `keyed_by` pointers read (default: the form's own value). */
  optionsSource?: unknown;
  disabled?: boolean;
  idPrefix: string;
}) {
  const fieldMap = useMemo(() => fieldsByPointer(fields), [fields]);
  const context: FormContextValue = {
    value,
    onChange,
    errors,
    optionsSource: optionsSource ?? value,
    disabled,
    idPrefix,
    fieldMap,
  };
  return (
    <FormContext.Provider value={context}>
      <div className="schema-fields">
        {fields.map((field) => (
          <SchemaField key={field.pointer} field={field} />
        ))}
      </div>
    </FormContext.Provider>
  );
}

export function SchemaField({ field }: { field: FieldSpec }) {
  switch (field.widget) {
    case 'object':
      return <ObjectField field={field} />;
    case 'boolean':
      return <BooleanField field={field} />;
    case 'number':
      return <NumberField field={field} />;
    case 'enum':
      return <EnumField field={field} />;
    case 'enum_list':
      return <EnumListField field={field} />;
    case 'list':
      return <StringListField field={field} />;
    case 'timezone':
      return <TimezoneField field={field} />;
    case 'credential_ref':
      return <CredentialRefField field={field} />;
    default:
      return <TextField field={field} />;
  }
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

/** "is required" reads as "Brand name is required"; a sentence of its own stays as it is. */
const VERB_FIRST = /^(is|must|needs|can|has|should|was)\b/;

export function errorText(label: string, message: string): string {
  return VERB_FIRST.test(message)
    ? `${label} ${message}`
    : message.charAt(0).toUpperCase() + message.slice(1);
}

/** One problem for a list away from its field: "Brand name is required", "Timezone: not a zone". */
export function describeViolation(label: string, message: string): string {
  return VERB_FIRST.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}

/** The errors of one field; those about an entry of it name the entry. */
export function FieldErrors({
  field,
  control,
  entryLabel,
}: {
  field: FieldSpec;
  control: FieldControl;
  entryLabel?: (token: string) => string;
}) {
  if (!control.errorId) {
    return null;
  }
  return (
    <ul id={control.errorId} className="field-errors">
      {control.errors.map((error, index) => {
        const below = tokens(error.pointer).slice(tokens(field.pointer).length);
        const subject =
          below.length === 0
            ? field.label
            : below[0].match(/^\d+$/)
              ? `Entry ${Number(below[0]) + 1}`
              : (entryLabel?.(below[0]) ?? below[0]);
        const text =
          below.length > 0 && !VERB_FIRST.test(error.message)
            ? `${subject}: ${error.message}`
            : errorText(subject, error.message);
        return <li key={index}>{text}</li>;
      })}
    </ul>
  );
}

function RequiredMark({ field }: { field: FieldSpec }) {
  return field.required && !field.readOnly ? (
    <span className="required-mark" title="required" aria-hidden="true">
      *
    </span>
  ) : null;
}

/** Label, control, help and errors of a field with a single control. */
export function FieldFrame({ field, control, children }: { field: FieldSpec; control: FieldControl; children: ReactNode }) {
  return (
    <div className={`field field-${field.widget}${control.invalid ? ' field-invalid' : ''}`}>
      <div className="field-label">
        <label htmlFor={control.id}>{field.label}</label>
        <RequiredMark field={field} />
      </div>
      {children}
      {field.help && (
        <p id={control.helpId} className="help">
          {field.help}
        </p>
      )}
      <FieldErrors field={field} control={control} />
    </div>
  );
}

/** A fieldset for widgets made of several controls (lists, groups, credential maps). */
export function FieldGroup({
  field,
  control,
  children,
  entryLabel,
}: {
  field: FieldSpec;
  control: FieldControl;
  children: ReactNode;
  entryLabel?: (token: string) => string;
}) {
  return (
    <fieldset
      className={`field field-group field-${field.widget}${control.invalid ? ' field-invalid' : ''}`}
      aria-describedby={control.describedBy}
      aria-invalid={control.invalid || undefined}
    >
      <legend>
        {field.label}
        <RequiredMark field={field} />
      </legend>
      {field.help && (
        <p id={control.helpId} className="help">
          {field.help}
        </p>
      )}
      {children}
      <FieldErrors field={field} control={control} entryLabel={entryLabel} />
    </fieldset>
  );
}

function controlProps(field: FieldSpec, control: FieldControl) {
  return {
    id: control.id,
    name: field.pointer,
    'aria-describedby': control.describedBy,
    'aria-invalid': control.invalid || undefined,
    'aria-required': (field.required && !field.readOnly) || undefined,
    disabled: control.disabled,
  };
}

/** A fixed value (a `const`, or a hint's read_only): shown, focusable, not editable. */
function ReadOnlyField({ field, control }: { field: FieldSpec; control: FieldControl }) {
  const shown = control.value === undefined ? '' : choiceLabel(field.hint, control.value);
  return (
    <FieldFrame field={field} control={control}>
      <input {...controlProps(field, control)} type="text" readOnly aria-readonly="true" value={shown} disabled={false} />
    </FieldFrame>
  );
}

function TextField({ field }: { field: FieldSpec }) {
  const control = useField(field);
  if (field.readOnly) {
    return <ReadOnlyField field={field} control={control} />;
  }
  return (
    <FieldFrame field={field} control={control}>
      <input
        {...controlProps(field, control)}
        type="text"
        value={typeof control.value === 'string' ? control.value : control.value === undefined ? '' : String(control.value)}
        onChange={(event) => control.set(event.target.value === '' ? undefined : event.target.value)}
      />
    </FieldFrame>
  );
}

function NumberField({ field }: { field: FieldSpec }) {
  const control = useField(field);
  if (field.readOnly) {
    return <ReadOnlyField field={field} control={control} />;
  }
  const integer = hasType(field.schema, 'integer');
  return (
    <FieldFrame field={field} control={control}>
      <input
        {...controlProps(field, control)}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        step={integer ? 1 : 'any'}
        min={field.schema.minimum}
        max={field.schema.maximum}
        value={typeof control.value === 'number' ? control.value : ''}
        onChange={(event) => {
          const text = event.target.value;
          control.set(text === '' || Number.isNaN(Number(text)) ? undefined : Number(text));
        }}
      />
    </FieldFrame>
  );
}

function BooleanField({ field }: { field: FieldSpec }) {
  const control = useField(field);
  return (
    <div className={`field field-boolean${control.invalid ? ' field-invalid' : ''}`}>
      <label className="checkbox-label">
        <input
          {...controlProps(field, control)}
          type="checkbox"
          disabled={control.disabled || field.readOnly}
          checked={control.value === true}
          onChange={(event) => control.set(event.target.checked)}
        />
        {field.label}
      </label>
      {field.help && (
        <p id={control.helpId} className="help">
          {field.help}
        </p>
      )}
      <FieldErrors field={field} control={control} />
    </div>
  );
}

/** The choices of an enum-like field: its `options_from` list, else the schema's values. */
export function choicesOf(field: FieldSpec, schemaOfChoices: FieldSpec['schema'] | undefined, optionsSource: unknown): unknown[] {
  if (field.hint.options_from) {
    const listed = getAt(optionsSource, field.hint.options_from);
    return Array.isArray(listed) ? listed.filter((item) => item !== null && typeof item !== 'object') : [];
  }
  return (schemaOfChoices && allowedValues(schemaOfChoices)) ?? [];
}

function EnumField({ field }: { field: FieldSpec }) {
  const control = useField(field);
  if (field.readOnly) {
    return <ReadOnlyField field={field} control={control} />;
  }
  const choices = choicesOf(field, field.schema, control.form.optionsSource);
  const current = control.value;
  const known = current === undefined || choices.some((choice) => Object.is(choice, current));
  const options = known ? choices : [...choices, current];
  const selectedIndex = current === undefined ? -1 : options.findIndex((choice) => Object.is(choice, current));
  return (
    <FieldFrame field={field} control={control}>
      <select
        {...controlProps(field, control)}
        value={selectedIndex < 0 ? '' : String(selectedIndex)}
        onChange={(event) => control.set(event.target.value === '' ? undefined : options[Number(event.target.value)])}
      >
        {(current === undefined || !field.required) && (
          <option value="" disabled={field.required}>
            {field.required ? 'Choose…' : 'None'}
          </option>
        )}
        {options.map((choice, index) => (
          <option key={String(choice)} value={String(index)}>
            {choiceLabel(field.hint, choice)}
            {index >= choices.length ? ' (not available)' : ''}
          </option>
        ))}
      </select>
      {choices.length === 0 && field.hint.options_from && (
        <p className="help">No choices yet: fill in {labelOfPointer(control.form.fieldMap, field.hint.options_from)} first.</p>
      )}
    </FieldFrame>
  );
}

export function labelOfPointer(fieldMap: Map<string, FieldSpec>, pointer: string): string {
  return fieldMap.get(pointer)?.label ?? pointer;
}

function ObjectField({ field }: { field: FieldSpec }) {
  const control = useField(field, { ownErrorsOnly: true });
  return (
    <FieldGroup field={field} control={control}>
      <div className="schema-fields nested">
        {field.children.map((child) => (
          <SchemaField key={child.pointer} field={child} />
        ))}
      </div>
    </FieldGroup>
  );
}

/** The hint of the field at `pointer` (for labels of a keyed map's keys). */
export function hintAt(fieldMap: Map<string, FieldSpec>, pointer: string | undefined): UiHint | undefined {
  return pointer ? fieldMap.get(pointer)?.hint : undefined;
}
