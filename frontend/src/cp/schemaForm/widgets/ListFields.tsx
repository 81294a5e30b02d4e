import { useId, useState } from 'react';
import { choiceLabel } from '../fields';
import type { FieldSpec } from '../fields';
import { FieldGroup } from '../FieldFrame';
import { choicesOf, labelOfPointer } from '../fieldLookup';
import { useField } from '../formContext';

/** A list of free-text entries: edit in place, remove, add (Enter or the Add button). */
export function StringListField({ field }: { field: FieldSpec }) {
  const control = useField(field);
  const [draft, setDraft] = useState('');
  const suggestionsId = useId();
  const items = Array.isArray(control.value) ? (control.value as unknown[]) : [];
  const suggestions = (field.hint.suggestions ?? []).filter((suggestion) => !items.includes(suggestion));

  function add() {
    const entry = draft.trim();
    if (entry) {
      control.set([...items, entry]);
      setDraft('');
    }
  }

  return (
    <FieldGroup field={field} control={control}>
      {items.length > 0 && (
        <ul className="string-list">
          {items.map((item, index) => {
            const text = item === null || item === undefined ? '' : String(item);
            return (
              <li key={index}>
                <input
                  type="text"
                  aria-label={`${field.label}, entry ${index + 1}`}
                  value={text}
                  disabled={control.disabled || field.readOnly}
                  onChange={(event) => control.set(items.map((old, at) => (at === index ? event.target.value : old)))}
                />
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Remove ${text || `entry ${index + 1}`} from ${field.label}`}
                  disabled={control.disabled || field.readOnly}
                  onClick={() => control.set(items.filter((_, at) => at !== index))}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {!field.readOnly && (
        <div className="list-add">
          <input
            id={control.id}
            type="text"
            aria-label={`Add to ${field.label}`}
            list={suggestions.length > 0 ? suggestionsId : undefined}
            value={draft}
            disabled={control.disabled}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="secondary" disabled={control.disabled || !draft.trim()} onClick={add}>
            Add
          </button>
          {suggestions.length > 0 && (
            <datalist id={suggestionsId}>
              {suggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          )}
        </div>
      )}
    </FieldGroup>
  );
}

/** A list whose entries come from a closed set: one checkbox per choice. */
export function EnumListField({ field }: { field: FieldSpec }) {
  const control = useField(field);
  const choices = choicesOf(field, field.itemSchema, control.form.optionsSource);
  const selected = Array.isArray(control.value) ? (control.value as unknown[]) : [];
  const unavailable = selected.filter((value) => !choices.includes(value));
  const shown = [...choices, ...unavailable];

  function toggle(choice: unknown, checked: boolean) {
    const next = shown.filter((candidate) => (candidate === choice ? checked : selected.includes(candidate)));
    control.set(next);
  }

  return (
    <FieldGroup field={field} control={control}>
      {choices.length === 0 && field.hint.options_from && (
        <p className="muted">No choices yet: fill in {labelOfPointer(control.form.fieldMap, field.hint.options_from)} first.</p>
      )}
      <div className="choices">
        {shown.map((choice, index) => (
          <label key={String(choice)} className="checkbox-label">
            <input
              id={`${control.id}-${index}`}
              type="checkbox"
              checked={selected.includes(choice)}
              disabled={control.disabled || field.readOnly}
              onChange={(event) => toggle(choice, event.target.checked)}
            />
            {choiceLabel(field.hint, choice)}
            {index >= choices.length ? ' (not available)' : ''}
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
