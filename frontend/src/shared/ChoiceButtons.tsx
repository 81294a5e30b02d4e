/** A group of buttons of which one is pressed: a small switch between views or ranges. */
export function ChoiceButtons<T extends string>({
  label,
  className = 'button-row',
  options,
  selected,
  labelOf,
  onSelect,
}: {
  label: string;
  className?: string;
  options: readonly T[];
  selected: T;
  labelOf: (option: T) => string;
  onSelect: (option: T) => void;
}) {
  return (
    <div className={className} role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          className={selected === option ? '' : 'secondary'}
          aria-pressed={selected === option}
          onClick={() => onSelect(option)}
        >
          {labelOf(option)}
        </button>
      ))}
    </div>
  );
}
