import { describe, expect, it } from 'vitest';
import { seededDefinitions } from '../../test/seededSchemas';
import { validate } from './validate';

// The form's validation against the schemas Plant seeds (read from plant-store's migrations), at
// the edges the server's validator draws: what passes here is inside every bound the server
// checks, and what fails is named at the field the server's errors[] would name.

const marketing = seededDefinitions['marketing.healthcare.v1'];
const trading = seededDefinitions['trading.delta_futures.v1'];

const marketingConfig = {
  nickname: 'Clinic buzz',
  theme: 'teal',
  primary_language: 'en',
  timezone: 'Asia/Kolkata',
  brand_name: 'Sunrise Clinic',
  offerings: ['Dental cleaning'],
  location: 'Pune',
  platforms_enabled: ['linkedin'],
  platform_credentials: { linkedin: { credential_ref: 'cred-1' } },
  review_policy: 'approval_required_per_post',
};

const tradingConfig = {
  nickname: 'Desk',
  theme: 'slate',
  timezone: 'UTC',
  exchange_provider: 'delta_exchange_india',
  exchange_credential_ref: 'delta:key_1',
  allowed_coins: ['BTC', 'ETH'],
  default_coin: 'BTC',
  risk_limits: { max_units_per_order: 1 },
  execution_policy: 'approval_required_per_trade_action',
};

const marketingErrors = (change: Record<string, unknown>) => validate(marketing.config_schema, { ...marketingConfig, ...change });
const tradingErrors = (change: Record<string, unknown>) => validate(trading.config_schema, { ...tradingConfig, ...change });

describe('validation with the seeded agent-type schemas', () => {
  it('accepts complete configs of both seeded agent types, bounds included', () => {
    expect(marketingErrors({})).toEqual([]);
    expect(tradingErrors({})).toEqual([]);
    expect(
      marketingErrors({
        nickname: 'n'.repeat(60),
        brand_name: 'b'.repeat(120),
        constraints: { max_length: 5000, hashtags: { max_count: 30, required: ['#FluShot'], banned: [] } },
      }),
    ).toEqual([]);
    expect(tradingErrors({ risk_limits: { max_units_per_order: 1_000_000, max_notional_inr: 0.01 } })).toEqual([]);
  });

  it('names every missing required field at its own pointer', () => {
    const pointers = validate(marketing.config_schema, {}).map((violation) => violation.pointer);

    expect(pointers.sort()).toEqual(
      ['/brand_name', '/location', '/nickname', '/offerings', '/platform_credentials', '/platforms_enabled',
        '/primary_language', '/review_policy', '/theme', '/timezone'],
    );
    expect(tradingErrors({ risk_limits: {} })).toEqual([{ pointer: '/risk_limits/max_units_per_order', message: 'is required' }]);
  });

  it('refuses a value outside an enum and a fixed value that is not the constant', () => {
    expect(marketingErrors({ theme: 'purple', primary_language: 'fr' })).toEqual([
      { pointer: '/theme', message: 'must be one of: teal, indigo, amber, rose, slate, emerald' },
      { pointer: '/primary_language', message: 'must be one of: en, hi, bn, ta, te, mr, gu, kn, ml, pa' },
    ]);
    expect(tradingErrors({ exchange_provider: 'binance' })).toEqual([{ pointer: '/exchange_provider', message: 'must be delta_exchange_india' }]);
  });

  it('checks minimum and maximum, including the maxima V9 added to the trading numbers', () => {
    expect(marketingErrors({ constraints: { max_length: 0 } })).toEqual([{ pointer: '/constraints/max_length', message: 'must be at least 1' }]);
    expect(marketingErrors({ constraints: { max_length: 5001, hashtags: { max_count: 31 } } })).toEqual([
      { pointer: '/constraints/max_length', message: 'must be at most 5000' },
      { pointer: '/constraints/hashtags/max_count', message: 'must be at most 30' },
    ]);
    expect(tradingErrors({ risk_limits: { max_units_per_order: 1_000_001, max_notional_inr: 100_000_000_001 } })).toEqual([
      { pointer: '/risk_limits/max_units_per_order', message: 'must be at most 1000000' },
      { pointer: '/risk_limits/max_notional_inr', message: 'must be at most 100000000000' },
    ]);
  });

  it('checks exclusiveMinimum: zero is refused, anything above it taken', () => {
    expect(tradingErrors({ risk_limits: { max_units_per_order: 0, max_notional_inr: 0 } })).toEqual([
      { pointer: '/risk_limits/max_units_per_order', message: 'must be greater than 0' },
      { pointer: '/risk_limits/max_notional_inr', message: 'must be greater than 0' },
    ]);
    expect(tradingErrors({ risk_limits: { max_units_per_order: 2.5 } })).toEqual([
      { pointer: '/risk_limits/max_units_per_order', message: 'must be a whole number' },
    ]);
  });

  it('checks patterns, through $ref into $defs too', () => {
    expect(
      marketingErrors({
        timezone: 'Asia Kolkata',
        platform_credentials: { linkedin: { credential_ref: '-starts-with-a-dash' } },
        constraints: { hashtags: { required: ['FluShot'] } },
      }),
    ).toEqual([
      { pointer: '/timezone', message: 'is not in the expected format' },
      { pointer: '/platform_credentials/linkedin/credential_ref', message: 'is not in the expected format' },
      { pointer: '/constraints/hashtags/required/0', message: 'is not in the expected format' },
    ]);
    expect(tradingErrors({ default_coin: 'btc' })).toEqual([{ pointer: '/default_coin', message: 'is not in the expected format' }]);
  });

  it('checks maxLength in characters, as the server counts them (code points, not UTF-16 units)', () => {
    expect(marketingErrors({ brand_name: 'b'.repeat(121) })).toEqual([{ pointer: '/brand_name', message: 'must be at most 120 characters' }]);
    expect(marketingErrors({ nickname: '🦷'.repeat(60) })).toEqual([]);
    expect(marketingErrors({ nickname: '🦷'.repeat(61) })).toEqual([{ pointer: '/nickname', message: 'must be at most 60 characters' }]);
  });

  it('checks array items one by one, and the array as a whole', () => {
    expect(marketingErrors({ offerings: ['', 'Braces'], platforms_enabled: ['linkedin', 'myspace'] })).toEqual([
      { pointer: '/offerings/0', message: 'must not be empty' },
      { pointer: '/platforms_enabled/1', message: 'must be one of: x, linkedin, instagram, facebook, youtube, whatsapp' },
    ]);
    expect(marketingErrors({ offerings: Array.from({ length: 51 }, (_, index) => `Service ${index}`) })).toEqual([
      { pointer: '/offerings', message: 'can have at most 50 entries' },
    ]);
    expect(tradingErrors({ allowed_coins: ['BTC', 'BTC'] })).toEqual([{ pointer: '/allowed_coins', message: 'must not contain the same entry twice' }]);
    expect(tradingErrors({ allowed_coins: [] })).toEqual([{ pointer: '/allowed_coins', message: 'needs at least one entry' }]);
  });

  it('refuses fields and credential keys the schema does not know', () => {
    expect(marketingErrors({ api_token: 'secret', platform_credentials: { myspace: { credential_ref: 'r' } } })).toEqual([
      { pointer: '/api_token', message: 'is not a field of this form' },
      { pointer: '/platform_credentials/myspace', message: '"myspace" is not an allowed key' },
    ]);
  });

  it('checks goal settings: if/then for a limit order, bounds and enums of each template', () => {
    const tradeIntent = trading.settingsSchemas['trading.trade_intent_draft'];
    const order = { coin: 'BTC', intent: 'enter', side: 'buy', units: 1, order_type: 'limit' };

    expect(validate(tradeIntent, order)).toEqual([{ pointer: '/limit_price', message: 'is required' }]);
    expect(validate(tradeIntent, { ...order, limit_price: 64000.5 })).toEqual([]);
    expect(validate(tradeIntent, { ...order, order_type: 'market' })).toEqual([]);
    expect(validate(tradeIntent, { ...order, units: 0, limit_price: 1_000_000_001 })).toEqual([
      { pointer: '/units', message: 'must be greater than 0' },
      { pointer: '/limit_price', message: 'must be at most 1000000000' },
    ]);

    const reminder = trading.settingsSchemas['trading.close_position_reminder'];
    expect(validate(reminder, { coins: ['BTC'], window_minutes: 5, weekday: 'mon' })).toEqual([]);
    expect(validate(reminder, { coins: ['BTC'], window_minutes: 241, weekday: 'funday' })).toEqual([
      { pointer: '/window_minutes', message: 'must be at most 240' },
      { pointer: '/weekday', message: 'must be one of: mon, tue, wed, thu, fri, sat, sun' },
    ]);

    const weekly = marketing.settingsSchemas['marketing.weekly_multichannel_batch'];
    expect(validate(weekly, { posts_per_week: 14, tone: 'friendly' })).toEqual([]);
    expect(validate(weekly, { posts_per_week: 15 })).toEqual([{ pointer: '/posts_per_week', message: 'must be at most 14' }]);
  });

  it('leaves a pattern JavaScript cannot read to the server and still checks the rest', () => {
    // Java's possessive quantifier is no JavaScript syntax: the server judges that pattern alone.
    const schema = { type: 'object', properties: { code: { type: 'string', pattern: '^a++$' }, n: { type: 'integer', maximum: 3 } } };

    expect(validate(schema, { code: 'anything', n: 4 })).toEqual([{ pointer: '/n', message: 'must be at most 3' }]);
    expect(validate(schema, { code: 'anything', n: 3 })).toEqual([]);
  });
});
