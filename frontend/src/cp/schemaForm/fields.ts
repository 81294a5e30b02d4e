import { humanize } from '../../shared/format';
import { childPointer, tokens } from './pointer';
import { allowedValues, hasType, isObjectSchema, resolve } from './schema';
import type { JsonSchema } from './schema';

export type Widget =
  | 'text'
  | 'enum'
  | 'list'
  | 'enum_list'
  | 'object'
  | 'number'
  | 'boolean'
  | 'timezone'
  | 'credential_ref';

/** How a definition asks for one field to be shown (its `ui_hints` entry). */
export interface UiHint {
  label?: string;
  widget?: string;
  order?: number;
  help?: string;
  enum_labels?: Record<string, string>;
  read_only?: boolean;
  /** Hints of an object widget's own fields. */
  fields?: UiHints;
  /** For a credential map: the pointer of the list whose values are its keys. */
  keyed_by?: string;
  credential_api?: string;
  /** Pointer of a list (in the options document) whose values are the choices. */
  options_from?: string;
  /** Pointer of the value (in the options document) that prefills an empty field. */
  default_from?: string;
  suggestions?: string[];
  /** What a `pattern` asks for, in words: "a hashtag: # then letters and digits". */
  pattern_help?: string;
  /** Values that fit, shown with pattern errors: ["#FluShot"]. */
  examples?: string[];
}

export type UiHints = Record<string, UiHint>;

/** One field of a schema-driven form, with everything needed to render and address it. */
export interface FieldSpec {
  name: string;
  /** Where its value lives in the form's value, e.g. "/constraints/max_length". */
  pointer: string;
  label: string;
  help?: string;
  widget: Widget;
  /** The field's schema, $ref followed. */
  schema: JsonSchema;
  /** For lists: the item schema, $ref followed. */
  itemSchema?: JsonSchema;
  hint: UiHint;
  required: boolean;
  readOnly: boolean;
  children: FieldSpec[];
}

const KNOWN_WIDGETS: Widget[] = ['text', 'enum', 'list', 'object', 'number', 'boolean', 'timezone', 'credential_ref'];

/**
 * The fields of an object schema in the order its hints give (then by name), each with the
 * widget its hint names or, without one, the widget its schema implies.
 */
export function layoutFields(
  schema: JsonSchema,
  hints: UiHints | undefined,
  root: JsonSchema = schema,
  basePointer = '',
): FieldSpec[] {
  const resolved = resolve(schema, root);
  const required = new Set(resolved.required ?? []);
  return Object.entries(resolved.properties ?? {})
    .map(([name, propertySchema]) => {
      const hint = hints?.[name] ?? {};
      const fieldSchema = resolve(propertySchema, root);
      const pointer = childPointer(basePointer, name);
      const itemSchema = fieldSchema.items ? resolve(fieldSchema.items, root) : undefined;
      const widget = widgetFor(fieldSchema, itemSchema, hint);
      return {
        name,
        pointer,
        label: hint.label ?? fieldSchema.title ?? humanize(name),
        help: hint.help ?? fieldSchema.description,
        widget,
        schema: fieldSchema,
        itemSchema,
        hint,
        required: required.has(name),
        readOnly: Boolean(hint.read_only) || (!('enum' in fieldSchema) && 'const' in fieldSchema),
        children: widget === 'object' ? layoutFields(fieldSchema, hint.fields, root, pointer) : [],
      } satisfies FieldSpec;
    })
    .sort((left, right) => (left.hint.order ?? 1e6) - (right.hint.order ?? 1e6) || left.name.localeCompare(right.name));
}

function widgetFor(schema: JsonSchema, itemSchema: JsonSchema | undefined, hint: UiHint): Widget {
  const named = KNOWN_WIDGETS.find((widget) => widget === hint.widget);
  const widget = named ?? impliedWidget(schema, hint);
  if (widget === 'list' && (hint.options_from || (itemSchema && allowedValues(itemSchema)))) {
    return 'enum_list';
  }
  return widget;
}

function impliedWidget(schema: JsonSchema, hint: UiHint): Widget {
  if (hint.options_from || allowedValues(schema)) {
    return 'enum';
  }
  if (hasType(schema, 'array')) {
    return 'list';
  }
  if (isObjectSchema(schema)) {
    return 'object';
  }
  if (hasType(schema, 'integer') || hasType(schema, 'number')) {
    return 'number';
  }
  if (hasType(schema, 'boolean')) {
    return 'boolean';
  }
  return 'text';
}

/** Every field in the tree, by pointer, so a problem's pointer finds its label. */
export function fieldsByPointer(fields: FieldSpec[]): Map<string, FieldSpec> {
  const map = new Map<string, FieldSpec>();
  const visit = (field: FieldSpec) => {
    map.set(field.pointer, field);
    field.children.forEach(visit);
  };
  fields.forEach(visit);
  return map;
}

/**
 * Names the field a pointer addresses, for a list of problems: "Risk limits › Max units per
 * order", "Offerings / services, entry 2", "Platform connections, linkedin".
 */
export function labelForPointer(pointer: string, fields: Map<string, FieldSpec>): string {
  const parts: string[] = [];
  const rest: string[] = [];
  let path = '';
  for (const token of tokens(pointer)) {
    path = childPointer(path, token);
    const field = fields.get(path);
    if (field && rest.length === 0) {
      parts.push(field.label);
    } else {
      rest.push(/^\d+$/.test(token) ? `entry ${Number(token) + 1}` : token);
    }
  }
  if (parts.length === 0) {
    return pointer || 'The form';
  }
  return [parts.join(' › '), ...rest].join(', ');
}

/** The field a pointer falls in: itself, or the list / object field an entry belongs to. */
export function fieldAt(pointer: string, fields: Map<string, FieldSpec>): FieldSpec | undefined {
  let path = pointer;
  while (path !== '') {
    const field = fields.get(path);
    if (field) {
      return field;
    }
    path = path.slice(0, path.lastIndexOf('/'));
  }
  return undefined;
}

const PATTERN_MESSAGE = /expected format|does not match|regex|pattern/i;

/**
 * A pattern failure in the definition's words: "must be a hashtag: # then letters and digits
 * (for example #FluShot)" instead of "is not in the expected format".
 */
export function explainViolation(message: string, field: FieldSpec | undefined): string {
  if (!field || !PATTERN_MESSAGE.test(message)) {
    return message;
  }
  const { pattern_help: help, examples } = field.hint;
  if (!help && !(examples && examples.length > 0)) {
    return message;
  }
  const example = examples && examples.length > 0 ? `for example ${examples.slice(0, 2).join(' or ')}` : '';
  if (help) {
    return `must be ${help}${example ? ` (${example})` : ''}`;
  }
  return `is not in the expected format (${example})`;
}

/** The label of one of a field's choices: the definition's enum_labels, else the value itself. */
export function choiceLabel(hint: UiHint | undefined, value: unknown): string {
  return hint?.enum_labels?.[String(value)] ?? String(value);
}
