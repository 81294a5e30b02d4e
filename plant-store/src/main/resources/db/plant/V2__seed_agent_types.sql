-- The two published Phase-1 agent types, version 1.0.0, as the spec's configuration and goal
-- tables describe them. config_schema is JSON Schema 2020-12; what the schema language cannot
-- say sits in extra_rules as data (never as Java per agent type):
--   member_of     the value at `path` is one of the array at `in`
--   each_has_key  every string of the array at `list` is a key of the object at `object`
--   iana_timezone the string at `path` names an IANA time zone
-- ui_hints are keyed by field name (nested fields under `fields`); widget is one of
-- text | enum | list | object | number | boolean | timezone | credential_ref.
-- Money is in minor units (paise) of `currency`.

-- [jooq ignore start]
insert into agent_type_definitions (
    agent_type_id, version, status, display_name, description,
    config_schema, ui_hints, goal_templates, enforcement_defaults, extra_rules,
    created_at, created_by, published_at)
values (
    'marketing.healthcare.v1', '1.0.0', 'published', 'Digital Marketing Agent (Healthcare)',
    'Drafts multichannel posts for a healthcare practice; every post is published only after the customer approves it.',
$json$ {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:myagents:agent-type:marketing.healthcare.v1:1.0.0:config",
  "title": "Digital Marketing Agent configuration",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "nickname", "theme", "primary_language", "timezone", "brand_name", "offerings",
    "location", "platforms_enabled", "platform_credentials", "review_policy"
  ],
  "properties": {
    "nickname": {"type": "string", "minLength": 1, "maxLength": 60},
    "theme": {"type": "string", "enum": ["teal", "indigo", "amber", "rose", "slate", "emerald"]},
    "primary_language": {"type": "string", "enum": ["en", "hi", "bn", "ta", "te", "mr", "gu", "kn", "ml", "pa"]},
    "timezone": {"$ref": "#/$defs/iana_timezone"},
    "brand_name": {"type": "string", "minLength": 1, "maxLength": 120},
    "offerings": {
      "type": "array", "minItems": 1, "maxItems": 50, "uniqueItems": true,
      "items": {"type": "string", "minLength": 1, "maxLength": 120}
    },
    "location": {"type": "string", "minLength": 1, "maxLength": 200},
    "platforms_enabled": {
      "type": "array", "minItems": 1, "uniqueItems": true,
      "items": {"$ref": "#/$defs/platform"}
    },
    "platform_credentials": {
      "type": "object", "minProperties": 1,
      "propertyNames": {"$ref": "#/$defs/platform"},
      "additionalProperties": {
        "type": "object", "additionalProperties": false,
        "required": ["credential_ref"],
        "properties": {"credential_ref": {"$ref": "#/$defs/credential_ref"}}
      }
    },
    "posting_identity": {"type": "string", "minLength": 1, "maxLength": 120},
    "constraints": {
      "type": "object", "additionalProperties": false,
      "properties": {
        "max_length": {"type": "integer", "minimum": 1, "maximum": 5000},
        "hashtags": {
          "type": "object", "additionalProperties": false,
          "properties": {
            "max_count": {"type": "integer", "minimum": 0, "maximum": 30},
            "required": {"type": "array", "uniqueItems": true, "items": {"$ref": "#/$defs/hashtag"}},
            "banned": {"type": "array", "uniqueItems": true, "items": {"$ref": "#/$defs/hashtag"}}
          }
        }
      }
    },
    "review_policy": {"const": "approval_required_per_post", "default": "approval_required_per_post"}
  },
  "$defs": {
    "platform": {"type": "string", "enum": ["x", "linkedin", "instagram", "facebook", "youtube", "whatsapp"]},
    "credential_ref": {"type": "string", "minLength": 1, "maxLength": 128, "pattern": "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"},
    "iana_timezone": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$"},
    "hashtag": {"type": "string", "pattern": "^#[A-Za-z0-9_]{1,100}$"}
  }
}$json$::jsonb,
$json$ {
  "nickname": {"label": "Agent nickname", "widget": "text", "order": 1, "help": "The name shown in the My Agents selector."},
  "theme": {"label": "Avatar / theme", "widget": "enum", "order": 2, "help": "Cosmetic: the colour of this agent's avatar."},
  "primary_language": {"label": "Primary language", "widget": "enum", "order": 3, "help": "The language drafts are written in.",
    "enum_labels": {"en": "English", "hi": "Hindi", "bn": "Bengali", "ta": "Tamil", "te": "Telugu", "mr": "Marathi", "gu": "Gujarati", "kn": "Kannada", "ml": "Malayalam", "pa": "Punjabi"}},
  "timezone": {"label": "Timezone", "widget": "timezone", "order": 4, "help": "IANA time zone used to schedule goals and suggest posting times, e.g. Asia/Kolkata."},
  "brand_name": {"label": "Brand name", "widget": "text", "order": 5, "help": "Your practice or clinic name, as it should appear in posts."},
  "offerings": {"label": "Offerings / services", "widget": "list", "order": 6, "help": "Services the posts may talk about, one per line."},
  "location": {"label": "Location", "widget": "text", "order": 7, "help": "City or area you serve."},
  "platforms_enabled": {"label": "Platforms enabled", "widget": "list", "order": 8, "help": "Only these platforms get drafts and can be published to.",
    "enum_labels": {"x": "X", "linkedin": "LinkedIn", "instagram": "Instagram", "facebook": "Facebook", "youtube": "YouTube", "whatsapp": "WhatsApp"}},
  "platform_credentials": {"label": "Platform connections", "widget": "credential_ref", "order": 9,
    "help": "Connect each enabled platform; only a reference is stored here, the secret stays in CP.",
    "keyed_by": "/platforms_enabled", "credential_api": "/api/cp/platform-credentials"},
  "posting_identity": {"label": "Posting identity", "widget": "text", "order": 10, "help": "Optional page or channel handle to post as."},
  "constraints": {"label": "Constraints", "widget": "object", "order": 11, "help": "Optional limits every draft must respect.",
    "fields": {
      "max_length": {"label": "Maximum post length", "widget": "number", "order": 1, "help": "Characters per post."},
      "hashtags": {"label": "Hashtag rules", "widget": "object", "order": 2, "help": "How many hashtags, which must appear, which never.",
        "fields": {
          "max_count": {"label": "Maximum hashtags", "widget": "number", "order": 1, "help": "Per post."},
          "required": {"label": "Always include", "widget": "list", "order": 2, "help": "Hashtags starting with #."},
          "banned": {"label": "Never use", "widget": "list", "order": 3, "help": "Hashtags starting with #."}
        }}
    }},
  "review_policy": {"label": "Review policy", "widget": "enum", "order": 12, "read_only": true,
    "help": "Fixed: every post needs your approval before it is published.",
    "enum_labels": {"approval_required_per_post": "Approval required per post"}}
}$json$::jsonb,
$json$[
  {
    "goal_template_id": "marketing.weekly_multichannel_batch",
    "name": "Weekly multichannel posting batch",
    "description": "Consistent presence across channels: a canonical post plus per-platform drafts and a suggested schedule for the week.",
    "default_frequency": "weekly",
    "allowed_frequencies": ["weekly"],
    "skill_binding": "marketing.draft_multichannel_batch",
    "needs_time_window": false,
    "deliverable_kind": "social_post",
    "proposed_actions": ["publish"],
    "approval_scope": "per_post",
    "settings_schema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object", "additionalProperties": false,
      "required": ["posts_per_week"],
      "properties": {
        "posts_per_week": {"type": "integer", "minimum": 1, "maximum": 14, "default": 3},
        "topics": {"type": "array", "maxItems": 20, "uniqueItems": true, "items": {"type": "string", "minLength": 1, "maxLength": 120}},
        "platforms": {"type": "array", "uniqueItems": true, "items": {"type": "string", "enum": ["x", "linkedin", "instagram", "facebook", "youtube", "whatsapp"]}},
        "tone": {"type": "string", "enum": ["friendly", "professional", "reassuring", "informative"], "default": "friendly"}
      }
    },
    "ui_hints": {
      "posts_per_week": {"label": "Posts per week", "widget": "number", "order": 1, "help": "Canonical posts in each weekly batch."},
      "topics": {"label": "Topics", "widget": "list", "order": 2, "help": "Optional themes to cover; empty lets the agent choose from your offerings."},
      "platforms": {"label": "Platforms", "widget": "list", "order": 3, "help": "Subset of your enabled platforms; empty means all of them."},
      "tone": {"label": "Tone", "widget": "enum", "order": 4, "help": "Voice of the drafts."}
    }
  },
  {
    "goal_template_id": "marketing.daily_education_micropost",
    "name": "Daily patient-education micro-post",
    "description": "A trust-building content cadence: one short educational draft per day for each enabled platform.",
    "default_frequency": "daily",
    "allowed_frequencies": ["daily"],
    "skill_binding": "marketing.draft_education_micropost",
    "needs_time_window": true,
    "deliverable_kind": "social_post",
    "proposed_actions": ["publish"],
    "approval_scope": "per_post",
    "settings_schema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object", "additionalProperties": false,
      "required": ["topics"],
      "properties": {
        "topics": {"type": "array", "minItems": 1, "maxItems": 30, "uniqueItems": true, "items": {"type": "string", "minLength": 1, "maxLength": 120}},
        "max_length": {"type": "integer", "minimum": 40, "maximum": 1000, "default": 280},
        "platforms": {"type": "array", "uniqueItems": true, "items": {"type": "string", "enum": ["x", "linkedin", "instagram", "facebook", "youtube", "whatsapp"]}},
        "include_call_to_action": {"type": "boolean", "default": true}
      }
    },
    "ui_hints": {
      "topics": {"label": "Education topics", "widget": "list", "order": 1, "help": "Health topics to rotate through, e.g. hydration, flu shots."},
      "max_length": {"label": "Maximum length", "widget": "number", "order": 2, "help": "Characters per micro-post."},
      "platforms": {"label": "Platforms", "widget": "list", "order": 3, "help": "Subset of your enabled platforms; empty means all of them."},
      "include_call_to_action": {"label": "Include a call to action", "widget": "boolean", "order": 4, "help": "End each post with a booking prompt."}
    }
  },
  {
    "goal_template_id": "marketing.monthly_campaign_pack",
    "name": "Monthly campaign pack",
    "description": "Higher-leverage theme-month marketing: a calendar and drafts grouped by week. Batch approval is a UI convenience; each post is still approved and enforced on its own.",
    "default_frequency": "monthly",
    "allowed_frequencies": ["monthly"],
    "skill_binding": "marketing.draft_campaign_pack",
    "needs_time_window": false,
    "deliverable_kind": "social_post",
    "proposed_actions": ["publish"],
    "approval_scope": "per_post",
    "settings_schema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object", "additionalProperties": false,
      "required": ["theme", "posts_per_week"],
      "properties": {
        "theme": {"type": "string", "minLength": 1, "maxLength": 120},
        "posts_per_week": {"type": "integer", "minimum": 1, "maximum": 7, "default": 2},
        "weeks": {"type": "integer", "minimum": 1, "maximum": 5, "default": 4},
        "platforms": {"type": "array", "uniqueItems": true, "items": {"type": "string", "enum": ["x", "linkedin", "instagram", "facebook", "youtube", "whatsapp"]}}
      }
    },
    "ui_hints": {
      "theme": {"label": "Campaign theme", "widget": "text", "order": 1, "help": "e.g. Heart health month."},
      "posts_per_week": {"label": "Posts per week", "widget": "number", "order": 2, "help": "Drafts in each week of the calendar."},
      "weeks": {"label": "Weeks", "widget": "number", "order": 3, "help": "Weeks the campaign runs."},
      "platforms": {"label": "Platforms", "widget": "list", "order": 4, "help": "Subset of your enabled platforms; empty means all of them."}
    }
  }
]$json$::jsonb,
$json$ {
  "approval_required": true,
  "approval_scope": "per_action",
  "approval_ttl_hours": 72,
  "deterministic": false,
  "trial_days": 7,
  "trial_caps": {"actions_per_day": 5, "drafts_per_day": 20},
  "trial_allowed_actions": ["publish", "post", "send"],
  "trial_dry_run_actions": [],
  "action_costs_minor": {"publish": 100, "post": 100, "send": 50},
  "currency": "INR",
  "budget_minor_per_month": 300000
}$json$::jsonb,
$json$[
  {"rule": "each_has_key", "list": "/platforms_enabled", "object": "/platform_credentials",
   "message": "every enabled platform needs a connected credential"},
  {"rule": "iana_timezone", "path": "/timezone", "message": "timezone must be an IANA time zone such as Asia/Kolkata"}
]$json$::jsonb,
    now(), 'system:seed', now());

insert into agent_type_definitions (
    agent_type_id, version, status, display_name, description,
    config_schema, ui_hints, goal_templates, enforcement_defaults, extra_rules,
    created_at, created_by, published_at)
values (
    'trading.delta_futures.v1', '1.0.0', 'published', 'Share Trading Agent (Delta Exchange India futures)',
    'Deterministic trade-intent drafts, close-position reminders and guardrail reports; every order needs the customer''s approval.',
$json$ {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:myagents:agent-type:trading.delta_futures.v1:1.0.0:config",
  "title": "Share Trading Agent configuration",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "nickname", "theme", "timezone", "exchange_provider", "exchange_credential_ref",
    "allowed_coins", "default_coin", "risk_limits", "execution_policy"
  ],
  "properties": {
    "nickname": {"type": "string", "minLength": 1, "maxLength": 60},
    "theme": {"type": "string", "enum": ["teal", "indigo", "amber", "rose", "slate", "emerald"]},
    "timezone": {"$ref": "#/$defs/iana_timezone"},
    "exchange_provider": {"type": "string", "const": "delta_exchange_india", "default": "delta_exchange_india"},
    "exchange_credential_ref": {"$ref": "#/$defs/credential_ref"},
    "allowed_coins": {"type": "array", "minItems": 1, "maxItems": 50, "uniqueItems": true, "items": {"$ref": "#/$defs/coin"}},
    "default_coin": {"$ref": "#/$defs/coin"},
    "risk_limits": {
      "type": "object", "additionalProperties": false,
      "required": ["max_units_per_order"],
      "properties": {
        "max_units_per_order": {"type": "integer", "exclusiveMinimum": 0},
        "max_notional_inr": {"type": "number", "exclusiveMinimum": 0}
      }
    },
    "execution_policy": {"const": "approval_required_per_trade_action", "default": "approval_required_per_trade_action"}
  },
  "$defs": {
    "coin": {"type": "string", "pattern": "^[A-Z0-9]{2,10}$"},
    "credential_ref": {"type": "string", "minLength": 1, "maxLength": 128, "pattern": "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"},
    "iana_timezone": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^(UTC|[A-Za-z]+(/[A-Za-z0-9_+-]+){1,2})$"}
  }
}$json$::jsonb,
$json$ {
  "nickname": {"label": "Agent nickname", "widget": "text", "order": 1, "help": "The name shown in the My Agents selector."},
  "theme": {"label": "Avatar / theme", "widget": "enum", "order": 2, "help": "Cosmetic: the colour of this agent's avatar."},
  "timezone": {"label": "Timezone", "widget": "timezone", "order": 3, "help": "IANA time zone for reminder windows and reports, e.g. Asia/Kolkata."},
  "exchange_provider": {"label": "Exchange", "widget": "enum", "order": 4, "read_only": true,
    "help": "Phase 1 trades on Delta Exchange India only.",
    "enum_labels": {"delta_exchange_india": "Delta Exchange India"}},
  "exchange_credential_ref": {"label": "Exchange connection", "widget": "credential_ref", "order": 5,
    "help": "Connect your Delta Exchange API key in CP; only a reference is stored here.",
    "credential_api": "/api/cp/exchange-setup"},
  "allowed_coins": {"label": "Allowed coins", "widget": "list", "order": 6, "help": "Only these coins can be traded, e.g. BTC, ETH.",
    "suggestions": ["BTC", "ETH", "SOL", "XRP", "DOGE"]},
  "default_coin": {"label": "Default coin", "widget": "enum", "order": 7, "help": "Prefills goal settings; must be one of the allowed coins.",
    "options_from": "/allowed_coins"},
  "risk_limits": {"label": "Risk limits", "widget": "object", "order": 8, "help": "Checked on every trade intent before it can be approved.",
    "fields": {
      "max_units_per_order": {"label": "Max units per order", "widget": "number", "order": 1, "help": "Contracts per order; greater than 0."},
      "max_notional_inr": {"label": "Max notional (INR)", "widget": "number", "order": 2, "help": "Optional cap on order value in rupees; greater than 0."}
    }},
  "execution_policy": {"label": "Execution policy", "widget": "enum", "order": 9, "read_only": true,
    "help": "Fixed: every trade action needs your approval before it is executed.",
    "enum_labels": {"approval_required_per_trade_action": "Approval required per trade action"}}
}$json$::jsonb,
$json$[
  {
    "goal_template_id": "trading.trade_intent_draft",
    "name": "Trade intent draft (enter/exit)",
    "description": "Create a validated trade intent quickly: a deterministic action plan with its risk checks. Nothing executes until you approve it.",
    "default_frequency": "on_demand",
    "allowed_frequencies": ["on_demand"],
    "skill_binding": "trading.build_trade_intent",
    "needs_time_window": false,
    "deliverable_kind": "trade_intent",
    "proposed_actions": ["place_order"],
    "approval_scope": "per_execution",
    "settings_schema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object", "additionalProperties": false,
      "required": ["coin", "intent", "side", "units", "order_type"],
      "properties": {
        "coin": {"type": "string", "pattern": "^[A-Z0-9]{2,10}$"},
        "intent": {"type": "string", "enum": ["enter", "exit"]},
        "side": {"type": "string", "enum": ["buy", "sell"]},
        "units": {"type": "integer", "exclusiveMinimum": 0},
        "order_type": {"type": "string", "enum": ["market", "limit"], "default": "limit"},
        "limit_price": {"type": "number", "exclusiveMinimum": 0}
      },
      "if": {"properties": {"order_type": {"const": "limit"}}, "required": ["order_type"]},
      "then": {"required": ["limit_price"]}
    },
    "ui_hints": {
      "coin": {"label": "Coin", "widget": "enum", "order": 1, "help": "One of your allowed coins.", "options_from": "/allowed_coins", "default_from": "/default_coin"},
      "intent": {"label": "Enter or exit", "widget": "enum", "order": 2, "help": "Open a position or close part of one."},
      "side": {"label": "Side", "widget": "enum", "order": 3, "help": "Buy (long) or sell (short)."},
      "units": {"label": "Units", "widget": "number", "order": 4, "help": "Contracts; at most your max units per order."},
      "order_type": {"label": "Order type", "widget": "enum", "order": 5, "help": "Limit orders need a price."},
      "limit_price": {"label": "Limit price", "widget": "number", "order": 6, "help": "Required for limit orders."}
    }
  },
  {
    "goal_template_id": "trading.close_position_reminder",
    "name": "Scheduled close-position reminder",
    "description": "Reduce forgot-to-close risk: a draft close proposal at the time window you choose. Closing still needs your approval.",
    "default_frequency": "daily",
    "allowed_frequencies": ["daily", "weekly"],
    "skill_binding": "trading.propose_close_position",
    "needs_time_window": true,
    "deliverable_kind": "close_position_proposal",
    "proposed_actions": ["close_position"],
    "approval_scope": "per_execution",
    "settings_schema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object", "additionalProperties": false,
      "required": ["coins", "window_minutes"],
      "properties": {
        "coins": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string", "pattern": "^[A-Z0-9]{2,10}$"}},
        "window_minutes": {"type": "integer", "minimum": 5, "maximum": 240, "default": 30},
        "weekday": {"type": "string", "enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}
      }
    },
    "ui_hints": {
      "coins": {"label": "Coins to watch", "widget": "list", "order": 1, "help": "Positions in these coins get a close proposal.", "options_from": "/allowed_coins"},
      "window_minutes": {"label": "Window (minutes)", "widget": "number", "order": 2, "help": "How long the proposal stays open after the chosen time."},
      "weekday": {"label": "Weekday", "widget": "enum", "order": 3, "help": "For weekly reminders."}
    }
  },
  {
    "goal_template_id": "trading.guardrail_report",
    "name": "Guardrail report",
    "description": "Visibility into whether your limits allow the actions you request: a deterministic report of limits, allowed coins and the last attempted actions. Acknowledge in the UI; it proposes no execution.",
    "default_frequency": "daily",
    "allowed_frequencies": ["daily"],
    "skill_binding": "trading.report_guardrails",
    "needs_time_window": false,
    "deliverable_kind": "guardrail_report",
    "proposed_actions": [],
    "approval_scope": "acknowledge",
    "settings_schema": {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object", "additionalProperties": false,
      "required": ["last_n_attempts"],
      "properties": {
        "last_n_attempts": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
        "include_denied": {"type": "boolean", "default": true}
      }
    },
    "ui_hints": {
      "last_n_attempts": {"label": "Attempts to include", "widget": "number", "order": 1, "help": "The last N attempted actions in the report."},
      "include_denied": {"label": "Include denied attempts", "widget": "boolean", "order": 2, "help": "Show denials with their reasons."}
    }
  }
]$json$::jsonb,
$json$ {
  "approval_required": true,
  "approval_scope": "per_action",
  "approval_ttl_hours": 1,
  "deterministic": true,
  "trial_days": 7,
  "trial_caps": {"actions_per_day": 10, "drafts_per_day": 20},
  "trial_allowed_actions": [],
  "trial_dry_run_actions": ["place_order", "close_position"],
  "action_costs_minor": {"place_order": 500, "close_position": 500},
  "currency": "INR",
  "budget_minor_per_month": 500000
}$json$::jsonb,
$json$[
  {"rule": "member_of", "path": "/default_coin", "in": "/allowed_coins",
   "message": "default coin must be one of the allowed coins"},
  {"rule": "iana_timezone", "path": "/timezone", "message": "timezone must be an IANA time zone such as Asia/Kolkata"}
]$json$::jsonb,
    now(), 'system:seed', now());
-- [jooq ignore stop]
