import { useQuery } from '@tanstack/react-query';
import type { AgentTypeDefinition } from '../cpApi';
import { cpApi } from '../cpApi';

/** Which generator drafts this deployment's posts, and the primary languages it writes well. */
export interface Drafting {
  generator: string;
  label: string;
  languages: string[];
}

export function useDrafting() {
  return useQuery({ queryKey: ['cp', 'drafting'], queryFn: cpApi.drafting, staleTime: Infinity, retry: false });
}

/**
 * The definition as this deployment can honour it: a primary language is offered only when the
 * generator writes it. Without an answer about drafting, the definition is shown as it is.
 */
export function offeredDefinition(definition: AgentTypeDefinition, drafting: Drafting | undefined): AgentTypeDefinition {
  const properties = (definition.config_schema as { properties?: Record<string, { enum?: unknown[] }> }).properties;
  const language = properties?.primary_language;
  if (!drafting || !language || !Array.isArray(language.enum)) {
    return definition;
  }
  const offered = language.enum.filter((code) => drafting.languages.includes(String(code)));
  return {
    ...definition,
    config_schema: {
      ...definition.config_schema,
      properties: { ...properties, primary_language: { ...language, enum: offered } },
    },
  } as AgentTypeDefinition;
}

/** Says, on the Configure form of an agent that drafts, which generator writes its drafts. */
export function DraftingNote({ definition, drafting }: { definition: AgentTypeDefinition; drafting: Drafting | undefined }) {
  const properties = (definition.config_schema as { properties?: Record<string, unknown> }).properties;
  if (!drafting || !properties?.primary_language) {
    return null;
  }
  return (
    <p className="muted drafting-note">
      Drafts are written by the {drafting.label}. Languages offered: {drafting.languages.join(', ')}.
    </p>
  );
}

