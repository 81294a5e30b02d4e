import type { ReactNode } from 'react';
import type { FieldSpec } from './fields';
import type { FieldControl } from './formContext';
import { tokens } from './pointer';
import { errorText, startsWithVerb } from './problemText';

// The frame around a field's control: label (or legend), required mark, help and errors, and the
// accessibility attributes that tie them to the control.

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
          below.length > 0 && !startsWithVerb(error.message)
            ? `${subject}: ${error.message}`
            : errorText(subject, error.message);
        return <li key={index}>{text}</li>;
      })}
    </ul>
  );
}

/** A field's help line, which its control names in aria-describedby. */
export function FieldHelp({ field, control }: { field: FieldSpec; control: FieldControl }) {
  return field.help ? (
    <p id={control.helpId} className="help">
      {field.help}
    </p>
  ) : null;
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
      <FieldHelp field={field} control={control} />
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
      <FieldHelp field={field} control={control} />
      {children}
      <FieldErrors field={field} control={control} entryLabel={entryLabel} />
    </fieldset>
  );
}

export function controlProps(field: FieldSpec, control: FieldControl) {
  return {
    id: control.id,
    name: field.pointer,
    'aria-describedby': control.describedBy,
    'aria-invalid': control.invalid || undefined,
    'aria-required': (field.required && !field.readOnly) || undefined,
    disabled: control.disabled,
  };
}
