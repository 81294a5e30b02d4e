/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JsonSchema } from '../cp/schemaForm/schema';

// The agent-type schemas exactly as Plant seeds them: read from plant-store's Flyway migrations
// (V2 inserts the definitions, V9 adds maxima to the trading numbers), so a test of the form's
// validation meets the schemas the server validates with, not a copy that could drift.

// Vitest runs from frontend/ (npm test, the Maven build), beside plant-store/.
const MIGRATIONS = resolve(process.cwd(), '../plant-store/src/main/resources/db/plant');

interface SeededDefinition {
  config_schema: JsonSchema;
  settingsSchemas: Record<string, JsonSchema>;
}

const JSON_BLOCK = /\$json\$([\s\S]*?)\$json\$/g;
// V2 inserts, per definition: config_schema, ui_hints, goal_templates, enforcement_defaults, extra_rules.
const BLOCKS_PER_DEFINITION = 5;

function seeded(): Record<string, SeededDefinition> {
  const sql = readFileSync(resolve(MIGRATIONS, 'V2__seed_agent_types.sql'), 'utf8');
  const blocks = [...sql.matchAll(JSON_BLOCK)].map((match) => JSON.parse(match[1]) as unknown);
  const ids = [...sql.matchAll(/^\s*'([a-z_.]+\.v1)', '1\.0\.0', 'published'/gm)].map((match) => match[1]);
  if (blocks.length !== ids.length * BLOCKS_PER_DEFINITION || ids.length === 0) {
    throw new Error(`V2__seed_agent_types.sql changed shape: ${ids.length} definitions, ${blocks.length} JSON blocks`);
  }
  const definitions: Record<string, SeededDefinition> = {};
  ids.forEach((id, index) => {
    const [config, , templates] = blocks.slice(index * BLOCKS_PER_DEFINITION);
    definitions[id] = {
      config_schema: config as JsonSchema,
      settingsSchemas: Object.fromEntries(
        (templates as { goal_template_id: string; settings_schema: JsonSchema }[]).map((template) => [
          template.goal_template_id,
          template.settings_schema,
        ]),
      ),
    };
  });
  applyV9Maxima(definitions['trading.delta_futures.v1']);
  return definitions;
}

/** V9's jsonb_set(…, '{a,b,c}', 'value'::jsonb) corrections: before `goal_templates =` on the config, after it on the named template. */
function applyV9Maxima(trading: SeededDefinition) {
  const sql = readFileSync(resolve(MIGRATIONS, 'V9__edge_hardening.sql'), 'utf8');
  const [configPart, templatePart] = sql.split('goal_templates = (');
  const template = /goal_template_id' = '([a-z_.]+)'/.exec(templatePart)![1];
  const sets = (part: string) => [...part.matchAll(/'\{([a-z_,]+)\}', '([^']+)'::jsonb/g)].map((match) => ({
    path: match[1].split(','),
    value: JSON.parse(match[2]) as unknown,
  }));
  for (const { path, value } of sets(configPart)) {
    setPath(trading.config_schema, path, value);
  }
  for (const { path, value } of sets(templatePart)) {
    setPath(trading.settingsSchemas, [template, ...path.slice(1)], value); // path starts with settings_schema
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let current = target;
  for (const token of path.slice(0, -1)) {
    current = current[token] as Record<string, unknown>;
  }
  current[path[path.length - 1]] = value;
}

export const seededDefinitions = seeded();
