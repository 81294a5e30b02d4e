import { controlProps, FieldErrors, FieldFrame, FieldHelp } from '../FieldFrame';
import { choicesOf, labelOfPointer } from '../fieldLookup';
import { choiceLabel } from '../fields';
import type { FieldSpec } from '../fields';
import { useField } from '../formContext';
import type { FieldControl } from '../formContext';
import { hasType } from '../schema';

// The widgets with a single control: text, number, yes/no, a choice, and a fixed value.

/** A fixed value (a `const`, or a hint's read_only): shown, focusable, not editable. */
function ReadOnlyField({ field, control }: { field: FieldSpec; control: FieldControl }) {
  const shown = control.value === undefined ? '' : choiceLabel(field.hint, control.value);
  return (
    <FieldFrame field={field} control={control}>
      <input {...controlProps(field, control)} type="text" readOnly aria-readonly="true" value={shown} disabled={false} />
    </FieldFrame>
  );
}

export function TextField({ field }: { field: FieldSpec }) {
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

export function NumberField({ field }: { field: FieldSpec }) {
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

export function BooleanField({ field }: { field: FieldSpec }) {
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
      <FieldHelp field={field} control={control} />
      <FieldErrors field={field} control={control} />
    </div>
  );
}

export function EnumField({ field }: { field: FieldSpec }) {
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
