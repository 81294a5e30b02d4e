import { getAt } from './pointer';

/** The part of JSON Schema 2020-12 the agent-type definitions use. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  minProperties?: number;
  maxProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  allOf?: JsonSchema[];
  [keyword: string]: unknown;
}

const MAX_REF_DEPTH = 16;

/**
 * The schema with its `$ref` (a local "#/..." pointer into the root, e.g. "#/$defs/platform")
 * followed; keywords beside the `$ref` apply too, as 2020-12 says.
 */
export function resolve(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema {
  let current: JsonSchema = schema ?? {};
  for (let depth = 0; current.$ref && depth < MAX_REF_DEPTH; depth++) {
    const { $ref, ...siblings } = current;
    const target = $ref.startsWith('#') ? (getAt(root, decodeURIComponent($ref.slice(1))) as JsonSchema | undefined) : undefined;
    if (!target || typeof target !== 'object') {
      return siblings;
    }
    current = { ...target, ...siblings };
  }
  return current;
}

export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) {
    return schema.type;
  }
  return schema.type ? [schema.type] : [];
}

export function hasType(schema: JsonSchema, type: string): boolean {
  return typesOf(schema).includes(type);
}

/** Whether the schema describes an object (typed or by its properties). */
export function isObjectSchema(schema: JsonSchema): boolean {
  return hasType(schema, 'object') || schema.properties !== undefined;
}

/** The closed set of values a schema allows (`enum`, or a lone `const`), else undefined. */
export function allowedValues(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) {
    return schema.enum;
  }
  return 'const' in schema ? [schema.const] : undefined;
}

/**
 * `value` with the schema's `const`/`default` filled in where a property is missing, descending
 * into objects that are required or already present (an optional object is not created).
 */
export function withDefaults(schema: JsonSchema, value: unknown, root: JsonSchema = schema): unknown {
  const resolved = resolve(schema, root);
  if (value === undefined) {
    if ('const' in resolved) {
      return resolved.const;
    }
    if (resolved.default !== undefined) {
      return structuredClone(resolved.default);
    }
  }
  const isObjectSchema = hasType(resolved, 'object') || resolved.properties !== undefined;
  if (!isObjectSchema || (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)))) {
    return value;
  }
  const result: Record<string, unknown> = { ...((value as Record<string, unknown> | undefined) ?? {}) };
  const required = new Set(resolved.required ?? []);
  for (const [name, propertySchema] of Object.entries(resolved.properties ?? {})) {
    const property = resolve(propertySchema, root);
    const isObject = hasType(property, 'object') || property.properties !== undefined;
    if (result[name] === undefined && isObject && !required.has(name) && property.default === undefined) {
      continue;
    }
    const filled = withDefaults(property, result[name], root);
    if (filled !== undefined) {
      result[name] = filled;
    }
  }
  return result;
}

/**
 * What the form holds, minus what means "nothing entered": undefined and empty strings. Arrays
 * keep their items (an empty item is an error to show there).
 */
export function pruned(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => (item === undefined ? null : typeof item === 'string' ? item : pruned(item)));
  }
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(value)) {
      const kept = pruned(child);
      if (kept !== undefined) {
        result[name] = kept;
      }
    }
    return result;
  }
  return value === '' ? undefined : value;
}

/** JSON text with object keys sorted: equal for equal values whatever order the keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)))
      : item,
  );
}

/** Deep equality of JSON values; PostgreSQL's jsonb, for one, hands keys back in its own order. */
export function sameJsonValue(left: unknown, right: unknown): boolean {
  return canonicalJson(left) === canonicalJson(right);
}
