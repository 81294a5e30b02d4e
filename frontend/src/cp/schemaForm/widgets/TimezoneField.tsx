import { useMemo, useState } from 'react';
import type { FieldSpec } from '../fields';
import { FieldFrame } from '../FieldFrame';
import { useField } from '../formContext';

// ICU still lists some zones under names IANA has since replaced; customers know the new ones.
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

/** Every IANA zone this browser knows, under current names, UTC first. */
export function timeZones(): string[] {
  const supported =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ([] as string[]);
  const names = new Set(supported.map((zone) => RENAMED[zone] ?? zone));
  names.delete('UTC');
  return ['UTC', ...[...names].sort()];
}

function matchesFilter(zone: string, filter: string): boolean {
  const wanted = filter.trim().toLowerCase().replace(/\s+/g, '_');
  return wanted === '' || zone.toLowerCase().includes(wanted);
}

/** An IANA time-zone picker: a native select (keyboard, screen readers) narrowed by a filter box. */
export function TimezoneField({ field }: { field: FieldSpec }) {
  const control = useField(field);
  const zones = useMemo(timeZones, []);
  const [filter, setFilter] = useState('');
  const current = typeof control.value === 'string' ? control.value : undefined;
  const matching = zones.filter((zone) => matchesFilter(zone, filter));
  const shown = current && !matching.includes(current) ? [current, ...matching] : matching;
  return (
    <FieldFrame field={field} control={control}>
      <input
        type="search"
        className="timezone-filter"
        aria-label={`Filter the ${field.label} list`}
        placeholder="Type to narrow the list, e.g. Kolkata"
        value={filter}
        disabled={control.disabled || field.readOnly}
        onChange={(event) => setFilter(event.target.value)}
      />
      <select
        id={control.id}
        name={field.pointer}
        aria-describedby={control.describedBy}
        aria-invalid={control.invalid || undefined}
        aria-required={field.required || undefined}
        disabled={control.disabled || field.readOnly}
        value={current ?? ''}
        onChange={(event) => control.set(event.target.value === '' ? undefined : event.target.value)}
      >
        {!current && (
          <option value="" disabled={field.required}>
            {field.required ? 'Choose a time zone…' : 'None'}
          </option>
        )}
        {shown.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <p className="muted small" aria-live="polite">
        {matching.length === zones.length ? `${zones.length} time zones` : `${matching.length} of ${zones.length} time zones match`}
      </p>
    </FieldFrame>
  );
}
