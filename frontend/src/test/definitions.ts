import type { AgentTypeDefinition, Deliverable, Goal, HiredAgent } from '../cp/cpApi';
import { clinicAgent } from './cpFixtures';

// Condensed from the seeded Phase-1 definitions (plant-store V2__seed_agent_types.sql): the same
// schema keywords and ui_hints, so the form meets what it meets in production.

const platform = { type: 'string', enum: ['x', 'linkedin', 'instagram'] };

export const marketingDefinition: AgentTypeDefinition = {
  agent_type_id: 'marketing.healthcare.v1',
  version: '1.0.0',
  status: 'published',
  display_name: 'Digital Marketing Agent (Healthcare)',
  description: 'Drafts multichannel posts for a healthcare practice.',
  config_schema: {
    type: 'object',
    additionalProperties: false,
    required: ['nickname', 'theme', 'timezone', 'brand_name', 'offerings', 'platforms_enabled', 'platform_credentials', 'review_policy'],
    properties: {
      nickname: { type: 'string', minLength: 1, maxLength: 60 },
      theme: { type: 'string', enum: ['teal', 'indigo'] },
      timezone: { $ref: '#/$defs/iana_timezone' },
      brand_name: { type: 'string', minLength: 1, maxLength: 120 },
      offerings: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 120 } },
      platforms_enabled: { type: 'array', minItems: 1, uniqueItems: true, items: { $ref: '#/$defs/platform' } },
      platform_credentials: {
        type: 'object',
        minProperties: 1,
        propertyNames: { $ref: '#/$defs/platform' },
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['credential_ref'],
          properties: { credential_ref: { $ref: '#/$defs/credential_ref' } },
        },
      },
      posting_identity: { type: 'string', minLength: 1, maxLength: 120 },
      constraints: {
        type: 'object',
        additionalProperties: false,
        properties: {
          max_length: { type: 'integer', minimum: 1, maximum: 5000 },
          emoji: { type: 'boolean' },
        },
      },
      review_policy: { const: 'approval_required_per_post', default: 'approval_required_per_post' },
    },
    $defs: {
      platform,
      credential_ref: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$' },
      iana_timezone: { type: 'string', minLength: 1, maxLength: 64, pattern: '^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$' },
    },
  },
  ui_hints: {
    nickname: { label: 'Agent nickname', widget: 'text', order: 1, help: 'The name shown in the My Agents selector.' },
    theme: { label: 'Avatar / theme', widget: 'enum', order: 2, enum_labels: { teal: 'Teal', indigo: 'Indigo' } },
    timezone: { label: 'Timezone', widget: 'timezone', order: 4 },
    brand_name: { label: 'Brand name', widget: 'text', order: 5 },
    offerings: { label: 'Offerings / services', widget: 'list', order: 6 },
    platforms_enabled: {
      label: 'Platforms enabled',
      widget: 'list',
      order: 8,
      enum_labels: { x: 'X', linkedin: 'LinkedIn', instagram: 'Instagram' },
    },
    platform_credentials: {
      label: 'Platform connections',
      widget: 'credential_ref',
      order: 9,
      keyed_by: '/platforms_enabled',
      credential_api: '/api/cp/platform-credentials',
    },
    posting_identity: { label: 'Posting identity', widget: 'text', order: 10 },
    constraints: {
      label: 'Constraints',
      widget: 'object',
      order: 11,
      fields: {
        max_length: { label: 'Maximum post length', widget: 'number', order: 1 },
        emoji: { label: 'Emoji allowed', widget: 'boolean', order: 2 },
      },
    },
    review_policy: {
      label: 'Review policy',
      widget: 'enum',
      order: 12,
      read_only: true,
      enum_labels: { approval_required_per_post: 'Approval required per post' },
    },
  },
  goal_templates: [
    {
      goal_template_id: 'marketing.weekly_multichannel_batch',
      name: 'Weekly multichannel posting batch',
      description: 'A canonical post plus per-platform drafts for the week.',
      default_frequency: 'weekly',
      allowed_frequencies: ['weekly'],
      needs_time_window: false,
      settings_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['posts_per_week'],
        properties: {
          posts_per_week: { type: 'integer', minimum: 1, maximum: 14, default: 3 },
          platforms: { type: 'array', uniqueItems: true, items: platform },
          tone: { type: 'string', enum: ['friendly', 'professional'], default: 'friendly' },
        },
      },
      ui_hints: {
        posts_per_week: { label: 'Posts per week', widget: 'number', order: 1 },
        platforms: { label: 'Platforms', widget: 'list', order: 3 },
        tone: { label: 'Tone', widget: 'enum', order: 4 },
      },
    },
    {
      goal_template_id: 'marketing.daily_education_micropost',
      name: 'Daily patient-education micro-post',
      description: 'One short educational draft per day.',
      default_frequency: 'daily',
      allowed_frequencies: ['daily', 'weekly'],
      needs_time_window: true,
      settings_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['topics'],
        properties: {
          topics: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
          include_call_to_action: { type: 'boolean', default: true },
        },
      },
      ui_hints: {
        topics: { label: 'Education topics', widget: 'list', order: 1 },
        include_call_to_action: { label: 'Include a call to action', widget: 'boolean', order: 2 },
      },
    },
  ],
  enforcement_defaults: {
    approval_required: true,
    trial_days: 7,
    trial_caps: { actions_per_day: 5, goal_runs_per_day: 10, cost_minor_per_day: 2000 },
    trial_allowed_actions: ['publish'],
    trial_dry_run_actions: [],
    budget_minor_per_month: 300000,
    currency: 'INR',
  },
  extra_rules: [
    {
      rule: 'each_has_key',
      list: '/platforms_enabled',
      object: '/platform_credentials',
      message: 'every enabled platform needs a connected credential',
    },
  ],
};

export const tradingDefinition: AgentTypeDefinition = {
  agent_type_id: 'trading.delta_futures.v1',
  version: '1.0.0',
  status: 'published',
  display_name: 'Share Trading Agent (Delta Exchange India futures)',
  description: 'Deterministic trade-intent drafts; every order needs your approval.',
  config_schema: {
    type: 'object',
    additionalProperties: false,
    required: ['nickname', 'exchange_provider', 'exchange_credential_ref', 'allowed_coins', 'default_coin', 'risk_limits'],
    properties: {
      nickname: { type: 'string', minLength: 1, maxLength: 60 },
      exchange_provider: { type: 'string', const: 'delta_exchange_india', default: 'delta_exchange_india' },
      exchange_credential_ref: { $ref: '#/$defs/credential_ref' },
      allowed_coins: { type: 'array', minItems: 1, uniqueItems: true, items: { $ref: '#/$defs/coin' } },
      default_coin: { $ref: '#/$defs/coin' },
      risk_limits: {
        type: 'object',
        additionalProperties: false,
        required: ['max_units_per_order'],
        properties: {
          max_units_per_order: { type: 'integer', exclusiveMinimum: 0 },
          max_notional_inr: { type: 'number', exclusiveMinimum: 0 },
        },
      },
    },
    $defs: {
      coin: { type: 'string', pattern: '^[A-Z0-9]{2,10}$' },
      credential_ref: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$' },
    },
  },
  ui_hints: {
    nickname: { label: 'Agent nickname', widget: 'text', order: 1 },
    exchange_provider: {
      label: 'Exchange',
      widget: 'enum',
      order: 4,
      read_only: true,
      enum_labels: { delta_exchange_india: 'Delta Exchange India' },
    },
    exchange_credential_ref: {
      label: 'Exchange connection',
      widget: 'credential_ref',
      order: 5,
      credential_api: '/api/cp/exchange-setup',
    },
    allowed_coins: { label: 'Allowed coins', widget: 'list', order: 6, suggestions: ['BTC', 'ETH'] },
    default_coin: { label: 'Default coin', widget: 'enum', order: 7, options_from: '/allowed_coins' },
    risk_limits: {
      label: 'Risk limits',
      widget: 'object',
      order: 8,
      fields: {
        max_units_per_order: { label: 'Max units per order', widget: 'number', order: 1 },
        max_notional_inr: { label: 'Max notional (INR)', widget: 'number', order: 2 },
      },
    },
  },
  goal_templates: [
    {
      goal_template_id: 'trading.trade_intent_draft',
      name: 'Trade intent draft (enter/exit)',
      description: 'A deterministic action plan with its risk checks.',
      default_frequency: 'on_demand',
      allowed_frequencies: ['on_demand'],
      needs_time_window: false,
      settings_schema: {
        type: 'object',
        additionalProperties: false,
        required: ['coin', 'side', 'units', 'order_type'],
        properties: {
          coin: { type: 'string', pattern: '^[A-Z0-9]{2,10}$' },
          side: { type: 'string', enum: ['buy', 'sell'] },
          units: { type: 'integer', exclusiveMinimum: 0 },
          order_type: { type: 'string', enum: ['market', 'limit'], default: 'limit' },
          limit_price: { type: 'number', exclusiveMinimum: 0 },
        },
        if: { properties: { order_type: { const: 'limit' } }, required: ['order_type'] },
        then: { required: ['limit_price'] },
      },
      ui_hints: {
        coin: { label: 'Coin', widget: 'enum', order: 1, options_from: '/allowed_coins', default_from: '/default_coin' },
        side: { label: 'Side', widget: 'enum', order: 3 },
        units: { label: 'Units', widget: 'number', order: 4 },
        order_type: { label: 'Order type', widget: 'enum', order: 5 },
        limit_price: { label: 'Limit price', widget: 'number', order: 6 },
      },
    },
  ],
  enforcement_defaults: {
    approval_required: true,
    deterministic: true,
    trial_days: 7,
    trial_caps: { actions_per_day: 10, goal_runs_per_day: 20, cost_minor_per_day: 0 },
    trial_allowed_actions: [],
    trial_dry_run_actions: ['place_order', 'close_position'],
    budget_minor_per_month: 500000,
    currency: 'INR',
  },
  extra_rules: [{ rule: 'member_of', path: '/default_coin', in: '/allowed_coins', message: 'default coin must be one of the allowed coins' }],
};

export function hiredAgent(overrides: Partial<HiredAgent> = {}): HiredAgent {
  return {
    ...clinicAgent,
    agent_type_version: '1.0.0',
    config: {},
    configured: false,
    config_violations: [],
    goals_count: 0,
    finalized_at: null,
    read_only: false,
    ...overrides,
  };
}

/** A marketing config that satisfies the condensed schema above. */
export const completeMarketingConfig = {
  nickname: 'Clinic buzz',
  theme: 'teal',
  timezone: 'Asia/Kolkata',
  brand_name: 'Sunrise Clinic',
  offerings: ['Dental care'],
  platforms_enabled: ['linkedin'],
  platform_credentials: { linkedin: { credential_ref: 'cred-li-1' } },
  review_policy: 'approval_required_per_post',
};

export function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    goal_instance_id: 'goal-1',
    hired_instance_id: 'hired-1',
    goal_template_id: 'marketing.weekly_multichannel_batch',
    frequency: 'weekly',
    time_of_day: null,
    settings: { posts_per_week: 3, tone: 'friendly' },
    enabled: true,
    created_at: '2025-01-01T08:00:00Z',
    updated_at: '2025-01-02T08:00:00Z',
    ...overrides,
  };
}

export function socialPost(overrides: Partial<Deliverable> = {}): Deliverable {
  return {
    deliverable_id: 'del-1',
    run_id: 'run-1',
    goal_instance_id: 'goal-1',
    goal_template_id: 'marketing.weekly_multichannel_batch',
    hired_instance_id: 'hired-1',
    kind: 'social_post',
    state: 'pending_review',
    payload: { platform: 'x', text: 'Get your flu shot this week.', hashtags: ['#FluShot'], char_limit: 280 },
    proposed_actions: ['publish'],
    approval: null,
    last_execution: null,
    created_at: '2025-01-10T08:00:00Z',
    ...overrides,
  };
}
