import { childPointer } from './pointer';
import { allowedValues, canonicalJson, hasType, resolve, sameJsonValue, typesOf } from './schema';
import type { JsonSchema } from './schema';

/** One problem with a value, addressed like the server's problem `errors[]`. */
export interface Violation {
  pointer: string;
  message: string;
}

/**
 * Validates `value` against the JSON Schema subset the agent-type definitions use (type,
 * required, enum, const, string/array/number/object bounds, pattern, $ref into $defs,
 * additionalProperties, propertyNames, if/then/else, allOf). Messages are for customers; the
 * server still decides, this only keeps obviously wrong input from being sent.
 */
export function validate(schema: JsonSchema, value: unknown, root: JsonSchema = schema, pointer = ''): Violation[] {
  const resolved = resolve(schema, root);
  const violations: Violation[] = [];
  const report = (message: string, at = pointer) => violations.push({ pointer: at, message });

  const types = typesOf(resolved);
  if (types.length > 0 && !types.some((type) => isOfType(value, type))) {
    report(typeMessage(types));
    return violations;
  }
  const allowed = allowedValues(resolved);
  if (allowed && !allowed.some((candidate) => sameJsonValue(candidate, value))) {
    report(
      allowed.length === 1 ? `must be ${String(allowed[0])}` : `must be one of: ${allowed.map(String).join(', ')}`,
    );
  }
  if (typeof value === 'string') {
    checkString(resolved, value, report);
  }
  if (typeof value === 'number') {
    checkNumber(resolved, value, report);
  }
  if (Array.isArray(value)) {
    checkArray(resolved, value, report);
    if (resolved.items) {
      value.forEach((item, index) => violations.push(...validate(resolved.items!, item, root, childPointer(pointer, index))));
    }
  } else if (value !== null && typeof value === 'object') {
    violations.push(...checkObject(resolved, value as Record<string, unknown>, root, pointer));
  }
  for (const part of resolved.allOf ?? []) {
    violations.push(...validate(part, value, root, pointer));
  }
  if (resolved.if) {
    const branch = validate(resolved.if, value, root, pointer).length === 0 ? resolved.then : resolved.else;
    if (branch) {
      violations.push(...validate(branch, value, root, pointer));
    }
  }
  return violations;
}

function isOfType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function typeMessage(types: string[]): string {
  const words: Record<string, string> = {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'yes or no',
    array: 'a list',
    object: 'a group of fields',
    null: 'empty',
  };
  return `must be ${types.map((type) => words[type] ?? type).join(' or ')}`;
}


function characters(count: number): string {
  return count === 1 ? '1 character' : `${count} characters`;
}

function checkString(schema: JsonSchema, value: string, report: (message: string) => void) {
  // Counted in code points, as JSON Schema does.
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) {
    report(schema.minLength === 1 ? 'must not be empty' : `must be at least ${characters(schema.minLength)}`);
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    report(`must be at most ${characters(schema.maxLength)}`);
  }
  if (schema.pattern !== undefined && !matches(schema.pattern, value)) {
    report('is not in the expected format');
  }
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true; // a pattern this browser cannot read is left to the server
  }
}

function checkNumber(schema: JsonSchema, value: number, report: (message: string) => void) {
  if (schema.minimum !== undefined && value < schema.minimum) {
    report(`must be at least ${schema.minimum}`);
  }
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
    report(`must be greater than ${schema.exclusiveMinimum}`);
  }
  if (schema.maximum !== undefined && value > schema.maximum) {
    report(`must be at most ${schema.maximum}`);
  }
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) {
    report(`must be less than ${schema.exclusiveMaximum}`);
  }
}

function checkArray(schema: JsonSchema, value: unknown[], report: (message: string) => void) {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    report(schema.minItems === 1 ? 'needs at least one entry' : `needs at least ${schema.minItems} entries`);
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    report(`can have at most ${schema.maxItems} entries`);
  }
  if (schema.uniqueItems && new Set(value.map((item) => canonicalJson(item))).size !== value.length) {
    report('must not contain the same entry twice');
  }
}

function checkObject(schema: JsonSchema, value: Record<string, unknown>, root: JsonSchema, pointer: string): Violation[] {
  const violations: Violation[] = [];
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) {
      violations.push({ pointer: childPointer(pointer, name), message: 'is required' });
    }
  }
  const names = Object.keys(value).filter((name) => value[name] !== undefined);
  if (schema.minProperties !== undefined && names.length < schema.minProperties) {
    violations.push({
      pointer,
      message: schema.minProperties === 1 ? 'needs at least one entry' : `needs at least ${schema.minProperties} entries`,
    });
  }
  if (schema.maxProperties !== undefined && names.length > schema.maxProperties) {
    violations.push({ pointer, message: `can have at most ${schema.maxProperties} entries` });
  }
  for (const name of names) {
    const at = childPointer(pointer, name);
    if (schema.propertyNames && validate(schema.propertyNames, name, root, at).length > 0) {
      violations.push({ pointer: at, message: `"${name}" is not an allowed key` });
      continue;
    }
    if (name in properties) {
      violations.push(...validate(properties[name], value[name], root, at));
    } else if (schema.additionalProperties === false) {
      violations.push({ pointer: at, message: 'is not a field of this form' });
    } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      violations.push(...validate(schema.additionalProperties, value[name], root, at));
    }
  }
  return violations;
}

/** Whether the schema describes an object (typed or by its properties). */
export function isObjectSchema(schema: JsonSchema): boolean {
  return hasType(schema, 'object') || schema.properties !== undefined;
}
