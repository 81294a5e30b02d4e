import type { FieldSpec } from './fields';
import { isWithin } from './pointer';
import { describeViolation } from './problemText';
import type { Violation } from './validate';

/** Whether some field of the form shows this problem (leaf fields show what lies below them). */
export function isShownAtField(pointer: string, fieldMap: Map<string, FieldSpec>): boolean {
  for (const field of fieldMap.values()) {
    if (field.widget === 'object' ? field.pointer === pointer : isWithin(pointer, field.pointer)) {
      return true;
    }
  }
  return false;
}

/** A list of problems, each named by its field, e.g. next to a disabled Save. */
export function FormProblems({
  id,
  heading,
  errors,
  labelOf,
  role,
}: {
  id?: string;
  heading: string;
  errors: Violation[];
  /** Names the field of a pointer, e.g. with labelForPointer. */
  labelOf: (pointer: string) => string;
  role?: 'alert' | 'status';
}) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <div id={id} className="form-problems" role={role}>
      <p>{heading}</p>
      <ul>
        {errors.map((error, index) => (
          <li key={index}>{describeViolation(labelOf(error.pointer), error.message)}</li>
        ))}
      </ul>
    </div>
  );
}
