import type { components } from './plant';

// Plant's payloads as its OpenAPI document (openapi/plant.json, kept equal to what ingest-api
// serves by ingest-api's OpenApiSnapshotTest) describes them; plant.d.ts is generated from that
// document before every type check, build and test run (npm run generate:api).
//
// What the document cannot say, the clients add on top, and only on top:
// - which fields are always there: springdoc marks no record component required, but Jackson
//   writes every component (null included), so a client names the ones it relies on;
// - nulls: every other field may be null or absent;
// - the shape of JSON-valued fields (schemas, configs, payloads are JsonNode: "any JSON").
// A client type that names a field the document lacks fails the type check: that is the point.

export type PlantSchemas = components['schemas'];

/**
 * A Plant record with the document's field names and value types: `Present` fields are always
 * there and never null, the others may be null or left out.
 */
export type PlantRecord<Name extends keyof PlantSchemas, Present extends keyof PlantSchemas[Name] = never> = {
  [K in Present]-?: NonNullable<PlantSchemas[Name][K]>;
} & {
  [K in Exclude<keyof PlantSchemas[Name], Present>]?: NonNullable<PlantSchemas[Name][K]> | null;
};

/**
 * `Base` with some of its fields given a more precise type (a JSON field's shape, a closed set
 * of values). Only fields `Base` has may be refined: a name the document lacks does not compile.
 */
export type Refine<Base, Fields extends { [K in keyof Fields]: K extends keyof Base ? unknown : never }> = Omit<
  Base,
  keyof Fields
> &
  Fields;
