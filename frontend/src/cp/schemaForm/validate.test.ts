import { describe, expect, it } from 'vitest';
import { completeMarketingConfig, marketingDefinition, tradingDefinition } from '../../test/definitions';
import { checkDefinitionRules } from './definitionRules';
import { fieldsByPointer, labelForPointer, layoutFields } from './fields';
import { getAt, relativeTo, setAt } from './pointer';
import { pruned, sameJsonValue, withDefaults } from './schema';
import type { JsonSchema } from './schema';
import { validate } from './validate';

const marketing = marketingDefinition.config_schema;
const trading = tradingDefinition.config_schema;
const pointers = (schema: JsonSchema, value: unknown) => validate(schema, value).map((violation) => violation.pointer);

describe('schema validation', () => {
  it('accepts a complete marketing config', () => {
    expect(validate(marketing, completeMarketingConfig)).toEqual([]);
  });

  it('reports each missing required field at its own pointer', () => {
    const violations = validate(marketing, { nickname: 'Clinic buzz' });

    expect(violations).toContainEqual({ pointer: '/brand_name', message: 'is required' });
    expect(violations.map((violation) => violation.pointer)).toEqual(
      expect.arrayContaining(['/theme', '/timezone', '/offerings', '/platforms_enabled', '/platform_credentials', '/review_policy']),
    );
    expect(violations.map((violation) => violation.pointer)).not.toContain('/nickname');
  });

  it('checks enum, const, string length and pattern through $ref', () => {
    const violations = validate(marketing, {
      ...completeMarketingConfig,
      theme: 'purple',
      review_policy: 'publish_freely',
      brand_name: 'x'.repeat(121),
      timezone: 'not a zone',
    });

    expect(violations).toEqual(
      expect.arrayContaining([
        { pointer: '/theme', message: 'must be one of: teal, indigo' },
        { pointer: '/review_policy', message: 'must be approval_required_per_post' },
        { pointer: '/brand_name', message: 'must be at most 120 characters' },
        { pointer: '/timezone', message: 'is not in the expected format' },
      ]),
    );
  });

  it('checks list size, duplicates and every entry', () => {
    expect(validate(marketing, { ...completeMarketingConfig, offerings: [] })).toContainEqual({
      pointer: '/offerings',
      message: 'needs at least one entry',
    });
    expect(validate(marketing, { ...completeMarketingConfig, offerings: ['A', 'A'] })).toContainEqual({
      pointer: '/offerings',
      message: 'must not contain the same entry twice',
    });
    expect(pointers(marketing, { ...completeMarketingConfig, platforms_enabled: ['linkedin', 'myspace'] })).toContain(
      '/platforms_enabled/1',
    );
  });

  it('checks keyed credential maps: allowed keys, entry shape and at least one entry', () => {
    expect(validate(marketing, { ...completeMarketingConfig, platform_credentials: {} })).toContainEqual({
      pointer: '/platform_credentials',
      message: 'needs at least one entry',
    });
    expect(validate(marketing, { ...completeMarketingConfig, platform_credentials: { myspace: { credential_ref: 'r' } } })).toContainEqual({
      pointer: '/platform_credentials/myspace',
      message: '"myspace" is not an allowed key',
    });
    expect(
      pointers(marketing, { ...completeMarketingConfig, platform_credentials: { linkedin: { access_token: 'secret' } } }),
    ).toEqual(expect.arrayContaining(['/platform_credentials/linkedin/credential_ref', '/platform_credentials/linkedin/access_token']));
  });

  it('rejects fields the schema does not know when additionalProperties is false', () => {
    expect(validate(marketing, { ...completeMarketingConfig, api_token: 'x' })).toContainEqual({
      pointer: '/api_token',
      message: 'is not a field of this form',
    });
  });

  const tradingBase = { nickname: 'Desk', exchange_provider: 'delta_exchange_india', exchange_credential_ref: 'ex-1', allowed_coins: ['BTC'], default_coin: 'BTC' };
  it.each([
    { schema: trading, value: { ...tradingBase, risk_limits: { max_units_per_order: 0 } }, pointer: '/risk_limits/max_units_per_order', message: 'must be greater than 0' },
    { schema: trading, value: { ...tradingBase, risk_limits: { max_units_per_order: 1.5 } }, pointer: '/risk_limits/max_units_per_order', message: 'must be a whole number' },
    { schema: marketing, value: { ...completeMarketingConfig, constraints: { max_length: 9000 } }, pointer: '/constraints/max_length', message: 'must be at most 5000' },
    { schema: marketing, value: { ...completeMarketingConfig, constraints: { max_length: 0 } }, pointer: '/constraints/max_length', message: 'must be at least 1' },
  ])('checks types and numeric bounds, exclusive ones too: $pointer $message', ({ schema, value, pointer, message }) => {
    expect(validate(schema, value)).toContainEqual({ pointer, message });
  });

  it('applies if/then: a limit order needs a limit price', () => {
    const settings = tradingDefinition.goal_templates[0].settings_schema!;
    const order = { coin: 'BTC', side: 'buy', units: 1 };

    expect(validate(settings, { ...order, order_type: 'limit' })).toContainEqual({ pointer: '/limit_price', message: 'is required' });
    expect(validate(settings, { ...order, order_type: 'market' })).toEqual([]);
  });
});

describe('definition rules', () => {
  it('needs a credential for every enabled platform', () => {
    const config = { ...completeMarketingConfig, platforms_enabled: ['linkedin', 'x'] };

    expect(checkDefinitionRules(marketingDefinition.extra_rules, config)).toEqual([
      { pointer: '/platform_credentials/x', message: 'every enabled platform needs a connected credential' },
    ]);
  });

  it('needs no credential for a platform the rule excepts (published by hand)', () => {
    const rules = [{ rule: 'each_has_key', list: '/platforms_enabled', object: '/platform_credentials',
      except: ['youtube'], message: 'needs a credential' }];
    const config = { ...completeMarketingConfig, platforms_enabled: ['linkedin', 'youtube', 'whatsapp'] };

    expect(checkDefinitionRules(rules, config)).toEqual([
      { pointer: '/platform_credentials/whatsapp', message: 'needs a credential' },
    ]);
  });

  it('needs the default coin to be an allowed coin, and a real time zone', () => {
    const rules = [...tradingDefinition.extra_rules!, { rule: 'iana_timezone', path: '/timezone' }, { rule: 'unknown_rule' }];

    expect(checkDefinitionRules(rules, { allowed_coins: ['BTC'], default_coin: 'ETH', timezone: 'Mars/Olympus' })).toEqual([
      { pointer: '/default_coin', message: 'default coin must be one of the allowed coins' },
      { pointer: '/timezone', message: 'must be an IANA time zone' },
    ]);
    expect(checkDefinitionRules(rules, { allowed_coins: ['BTC'], default_coin: 'BTC', timezone: 'Asia/Kolkata' })).toEqual([]);
  });
});

describe('form layout from schema and hints', () => {
  it('orders fields by hint and picks each widget', () => {
    const fields = layoutFields(marketing, marketingDefinition.ui_hints);

    expect(fields.map((field) => [field.name, field.widget])).toEqual([
      ['nickname', 'text'],
      ['theme', 'enum'],
      ['timezone', 'timezone'],
      ['brand_name', 'text'],
      ['offerings', 'list'],
      ['platforms_enabled', 'enum_list'],
      ['platform_credentials', 'credential_ref'],
      ['posting_identity', 'text'],
      ['constraints', 'object'],
      ['review_policy', 'enum'],
    ]);
    const constraints = fields.find((field) => field.name === 'constraints')!;
    expect(constraints.children.map((child) => [child.pointer, child.widget])).toEqual([
      ['/constraints/max_length', 'number'],
      ['/constraints/emoji', 'boolean'],
    ]);
    expect(fields.find((field) => field.name === 'review_policy')!.readOnly).toBe(true);
  });

  it('infers widgets from the schema when a field has no hint', () => {
    const fields = layoutFields(
      {
        type: 'object',
        properties: {
          count: { type: 'integer' },
          on: { type: 'boolean' },
          colour: { enum: ['red'] },
          tags: { type: 'array', items: { type: 'string' } },
          group: { type: 'object', properties: { note_text: { type: 'string' } } },
        },
      },
      undefined,
    );

    expect(Object.fromEntries(fields.map((field) => [field.name, field.widget]))).toEqual({
      colour: 'enum',
      count: 'number',
      group: 'object',
      on: 'boolean',
      tags: 'list',
    });
    expect(fields.find((field) => field.name === 'group')!.children[0].label).toBe('note text');
  });

  it('names the field of a pointer for problem lists', () => {
    const fields = fieldsByPointer(layoutFields(trading, tradingDefinition.ui_hints));

    expect(labelForPointer('/risk_limits/max_units_per_order', fields)).toBe('Risk limits › Max units per order');
    expect(labelForPointer('/allowed_coins/1', fields)).toBe('Allowed coins, entry 2');
    expect(labelForPointer('/nowhere', fields)).toBe('/nowhere');
  });
});

describe('values', () => {
  it('fills const and defaults, and required objects, but creates no optional object', () => {
    expect(withDefaults(marketing, {})).toEqual({ platform_credentials: {}, review_policy: 'approval_required_per_post' });
    expect(withDefaults(trading, { nickname: 'Desk' })).toEqual({
      nickname: 'Desk',
      exchange_provider: 'delta_exchange_india',
      risk_limits: {},
    });
  });

  it('leaves out what means nothing entered', () => {
    expect(pruned({ a: '', b: undefined, c: 'x', d: { e: '' }, f: ['', 'y'] })).toEqual({ c: 'x', d: {}, f: ['', 'y'] });
  });

  it('compares JSON values whatever the order of their keys', () => {
    expect(sameJsonValue({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: 2 } }, { a: { c: 2, d: [1, { e: 2, f: 1 }] }, b: 1 })).toBe(true);
    expect(sameJsonValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(validate({ type: 'array', uniqueItems: true }, [{ a: 1, b: 2 }, { b: 2, a: 1 }])).toHaveLength(1);
  });

  it('reads and writes JSON pointers without touching the original', () => {
    const original = { a: { 'b/c': [1, 2] } };

    const changed = setAt(original, '/a/b~1c/1', 3);
    const removed = setAt(changed, '/a/b~1c/0', undefined);

    expect(getAt(changed, '/a/b~1c/1')).toBe(3);
    expect(removed).toEqual({ a: { 'b/c': [3] } });
    expect(original).toEqual({ a: { 'b/c': [1, 2] } });
    expect(relativeTo('/config/brand_name', '/config')).toBe('/brand_name');
    expect(relativeTo('/settings/x', '/config')).toBeNull();
  });
});
