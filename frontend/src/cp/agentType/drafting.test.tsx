import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { marketingDefinition as fixture, tradingDefinition } from '../../test/definitions';
import type { AgentTypeDefinition } from '../cpApi';
import { DraftingNote, offeredDefinition } from './drafting';

const fixtureSchema = fixture.config_schema as { properties: Record<string, unknown> };
const marketingDefinition: AgentTypeDefinition = {
  ...fixture,
  config_schema: {
    ...fixtureSchema,
    properties: {
      ...fixtureSchema.properties,
      primary_language: { type: 'string', enum: ['en', 'hi', 'bn', 'ta', 'te', 'mr', 'gu', 'kn', 'ml', 'pa'] },
    },
  },
} as AgentTypeDefinition;

const template = { generator: 'template', label: 'Template generator (phrasebooks)', languages: ['en', 'hi'] };

function languages(definition: AgentTypeDefinition): unknown[] {
  return (definition.config_schema as { properties: Record<string, { enum: unknown[] }> }).properties.primary_language.enum;
}

describe('drafting languages', () => {
  it('offers only the primary languages the deployment generator writes', () => {
    expect(languages(marketingDefinition)).toContain('ta');

    expect(languages(offeredDefinition(marketingDefinition, template))).toEqual(['en', 'hi']);
    // the definition itself is left as Plant served it
    expect(languages(marketingDefinition)).toContain('ta');
  });

  it('leaves a definition alone without an answer about drafting, or without a language', () => {
    expect(offeredDefinition(marketingDefinition, undefined)).toBe(marketingDefinition);
    expect(offeredDefinition(tradingDefinition, template)).toBe(tradingDefinition);
  });

  it('says which generator drafts, on an agent that drafts', () => {
    render(<DraftingNote definition={marketingDefinition} drafting={template} />);

    expect(screen.getByText(/Drafts are written by the Template generator/)).toHaveTextContent('Languages offered: en, hi.');
  });
});
