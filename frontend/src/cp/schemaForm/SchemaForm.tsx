import { useMemo } from 'react';
import { FieldGroup } from './FieldFrame';
import { fieldsByPointer } from './fields';
import type { FieldSpec } from './fields';
import { FormContext, useField } from './formContext';
import type { FormContextValue } from './formContext';
import type { Violation } from './validate';
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
