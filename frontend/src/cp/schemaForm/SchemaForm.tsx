import { useMemo } from 'react';
import type { ComponentType } from 'react';
import { FieldGroup } from './FieldFrame';
import { fieldsByPointer } from './fields';
import type { FieldSpec, Widget } from './fields';
import { FormContext, useField } from './formContext';
import type { FormContextValue } from './formContext';
import type { SchemaFormState } from './useSchemaForm';
import { BooleanField, EnumField, NumberField, TextField } from './widgets/BasicFields';
import { CredentialRefField } from './widgets/CredentialRefField';
import { EnumListField, StringListField } from './widgets/ListFields';
import { TimezoneField } from './widgets/TimezoneField';

// The form's layout: the fields of a schema in order, each by its widget, groups nested. The
// frame of a field is FieldFrame.tsx, the widgets are in widgets/, the state each field reads
// is formContext.ts, and what is wrong with the value comes from validate.ts via useSchemaForm.

/**
 * Renders the fields of a schema-driven form. The caller owns the value and decides which
 * errors are shown; each field shows the errors at or below its pointer.
 */
export function SchemaFields({
  form,
  optionsSource,
  disabled = false,
  idPrefix,
}: {
  /** The form's state: its fields, value and the errors to show, and how a field changes it. */
  form: Pick<SchemaFormState, 'fields' | 'value' | 'change' | 'visibleErrors'>;
  /** The document `options_from` / `keyed_by` pointers read (default: the form's own value). */
  optionsSource?: unknown;
  disabled?: boolean;
  idPrefix: string;
}) {
  const { fields, value, change: onChange, visibleErrors: errors } = form;
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

/** The component that shows each kind of field. */
const WIDGETS: Record<Widget, ComponentType<{ field: FieldSpec }>> = {
  text: TextField,
  object: ObjectField,
  boolean: BooleanField,
  number: NumberField,
  enum: EnumField,
  enum_list: EnumListField,
  list: StringListField,
  timezone: TimezoneField,
  credential_ref: CredentialRefField,
};

export function SchemaField({ field }: { field: FieldSpec }) {
  const Control = WIDGETS[field.widget] ?? TextField;
  return <Control field={field} />;
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
