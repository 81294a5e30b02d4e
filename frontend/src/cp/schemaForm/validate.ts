import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import type { RegExpEngine } from 'ajv/dist/types';
import { childPointer } from './pointer';
import type { JsonSchema } from './schema';

/** One problem with a value, addressed like the server's problem `errors[]`. */
export interface Violation {
  pointer: string;
  message: string;
}

/**
 * A pattern this browser cannot read (Java's regex dialect is wider than JavaScript's) matches
 * everything: the server, which compiled it, still decides. One unreadable pattern must not stop
 * the rest of the schema from being checked.
 */
const lenientRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      return { test: () => true };
    }
  },
  { code: 'lenientRegExp' },
);

/**
 * JSON Schema 2020-12, the dialect Plant validates with (networknt, ingest-api's ConfigRules):
 * - allErrors: every problem shows at its field, as the server's `errors[]` list them all;
 * - strict off: a keyword Ajv does not know is ignored, as the server ignores it, so a schema the
 *   server accepted always compiles here;
 * - formats are not asserted: in 2020-12 `format` is an annotation unless the format-assertion
 *   vocabulary is on, which the server leaves off; asserting here would refuse what it takes;
 * - addUsedSchema off: definitions carry `$id`s, and two versions of one definition (or an edited
 *   draft beside the published one) must not clash in a shared registry.
 */
const ajv = new Ajv2020({
  allErrors: true,
  strict: false,
  validateFormats: false,
  addUsedSchema: false,
  code: { regExp: lenientRegExp },
});

/** Compiled once per schema object; a definition's schema is one object for as long as it is shown. */
const compiled = new WeakMap<JsonSchema, ValidateFunction | null>();

function compile(schema: JsonSchema): ValidateFunction | null {
  if (!compiled.has(schema)) {
    let validator: ValidateFunction | null;
    try {
      validator = ajv.compile(schema);
    } catch {
      // A schema Ajv cannot compile (e.g. a $ref out of the document) is left to the server.
      validator = null;
    }
    // Ajv keeps its own strong cache keyed by the schema; this WeakMap is the one that counts.
    ajv.removeSchema(schema);
    compiled.set(schema, validator);
  }
  return compiled.get(schema) ?? null;
}

/**
 * Every way `value` falls short of `schema`, each at the JSON pointer of the field to fix, in the
 * customer's words. The server still decides; this keeps obviously wrong input from being sent,
 * and anything it accepts the server's validator accepts too.
 */
export function validate(schema: JsonSchema, value: unknown): Violation[] {
  const validator = compile(schema);
  if (!validator || validator(value)) {
    return [];
  }
  return toViolations(validator.errors ?? []);
}

/** Keywords whose own error says it all: the errors of their subschemas are only noise. */
const SUMMARISING = new Set(['anyOf', 'oneOf', 'contains', 'propertyNames']);

function toViolations(errors: ErrorObject[]): Violation[] {
  const summaries = errors.filter((error) => SUMMARISING.has(error.keyword)).map((error) => `${error.schemaPath}/`);
  const relevant = errors.filter(
    (error) =>
      error.keyword !== 'if' && // its then/else errors say what is wrong
      error.propertyName === undefined && // a key's problem is reported once, as propertyNames
      !summaries.some((prefix) => error.schemaPath.startsWith(prefix)),
  );
  // A value of the wrong type gets that one message; its other keywords have nothing to say.
  const wrongType = new Set(relevant.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  const violations: Violation[] = [];
  for (const error of relevant) {
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) {
      continue;
    }
    const violation = toViolation(error);
    if (!violations.some((seen) => seen.pointer === violation.pointer && seen.message === violation.message)) {
      violations.push(violation);
    }
  }
  return violations;
}

function toViolation(error: ErrorObject): Violation {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const limit = params.limit as number;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return { pointer: childPointer(at, String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { pointer: childPointer(at, String(params.additionalProperty)), message: 'is not a field of this form' };
    case 'unevaluatedProperties':
      return { pointer: childPointer(at, String(params.unevaluatedProperty)), message: 'is not a field of this form' };
    case 'propertyNames':
      return { pointer: childPointer(at, String(params.propertyName)), message: `"${String(params.propertyName)}" is not an allowed key` };
    case 'type':
      return { pointer: at, message: typeMessage(params.type) };
    case 'enum':
      return { pointer: at, message: `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { pointer: at, message: `must be ${String(params.allowedValue)}` };
    case 'minLength':
      return { pointer: at, message: limit === 1 ? 'must not be empty' : `must be at least ${characters(limit)}` };
    case 'maxLength':
      return { pointer: at, message: `must be at most ${characters(limit)}` };
    case 'pattern':
      return { pointer: at, message: 'is not in the expected format' };
    case 'minimum':
      return { pointer: at, message: `must be at least ${limit}` };
    case 'maximum':
      return { pointer: at, message: `must be at most ${limit}` };
    case 'exclusiveMinimum':
      return { pointer: at, message: `must be greater than ${limit}` };
    case 'exclusiveMaximum':
      return { pointer: at, message: `must be less than ${limit}` };
    case 'multipleOf':
      return { pointer: at, message: `must be a multiple of ${String(params.multipleOf)}` };
    case 'minItems':
    case 'minProperties':
      return { pointer: at, message: limit === 1 ? 'needs at least one entry' : `needs at least ${limit} entries` };
    case 'maxItems':
    case 'maxProperties':
      return { pointer: at, message: `can have at most ${limit} entries` };
    case 'uniqueItems':
      return { pointer: at, message: 'must not contain the same entry twice' };
    case 'contains':
      return { pointer: at, message: 'needs an entry of the expected kind' };
    case 'anyOf':
      return { pointer: at, message: 'does not match any of the allowed forms' };
    case 'oneOf':
      return { pointer: at, message: 'must match exactly one of the allowed forms' };
    case 'not':
    case 'false schema':
      return { pointer: at, message: 'is not allowed here' };
    default:
      return { pointer: at, message: error.message ?? 'is not valid' };
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
  null: 'empty',
};

function typeMessage(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : String(type).split(',');
  return `must be ${types.map((name) => TYPE_WORDS[name] ?? name).join(' or ')}`;
}

function characters(count: number): string {
  return count === 1 ? '1 character' : `${count} characters`;
}
