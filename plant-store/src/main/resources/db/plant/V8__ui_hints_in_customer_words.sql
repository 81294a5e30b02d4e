-- The published definitions' ui_hints in the customer's words (issue 15): pattern fields say what
-- they expect (pattern_help + examples, which PP's guardrails now require for pattern fields), and
-- help texts lose developer wording ("the secret stays in CP", "Phase 1"). Hints are presentation
-- only: schemas, templates and enforcement defaults are untouched. Each block replaces whole
-- top-level hints (jsonb ||), marketing then trading; PP's tests read these blocks. Like V4, a
-- pre-release correction of the two seeded rows (their freeze trigger is lifted for it only); an
-- operator's change to a published definition is still a new version. Data only: jOOQ skips it.

-- [jooq ignore start]
alter table agent_type_definitions disable trigger agent_type_definitions_freeze_tg;

update agent_type_definitions
set ui_hints = ui_hints || $json$ {
  "platform_credentials": {"label": "Platform connections", "widget": "credential_ref", "order": 9,
    "help": "Connect each enabled platform. Your password or token is kept in a secure vault; the agent never sees it.",
    "keyed_by": "/platforms_enabled", "credential_api": "/api/cp/platform-credentials"},
  "constraints": {"label": "Constraints", "widget": "object", "order": 11, "help": "Optional limits every draft must respect.",
    "fields": {
      "max_length": {"label": "Maximum post length", "widget": "number", "order": 1, "help": "Characters per post."},
      "hashtags": {"label": "Hashtag rules", "widget": "object", "order": 2, "help": "How many hashtags, which must appear, which never.",
        "fields": {
          "max_count": {"label": "Maximum hashtags", "widget": "number", "order": 1, "help": "Per post."},
          "required": {"label": "Always include", "widget": "list", "order": 2, "help": "Hashtags starting with #.",
            "pattern_help": "a hashtag: # followed by letters, digits or _", "examples": ["#FluShot", "#HealthyHabits"]},
          "banned": {"label": "Never use", "widget": "list", "order": 3, "help": "Hashtags starting with #.",
            "pattern_help": "a hashtag: # followed by letters, digits or _", "examples": ["#MiracleCure"]}
        }}
    }}
}$json$::jsonb
where agent_type_id = 'marketing.healthcare.v1' and version = '1.0.0';

update agent_type_definitions
set ui_hints = ui_hints || $json$ {
  "exchange_provider": {"label": "Exchange", "widget": "enum", "order": 4, "read_only": true,
    "help": "Trades go through Delta Exchange India.",
    "enum_labels": {"delta_exchange_india": "Delta Exchange India"}},
  "exchange_credential_ref": {"label": "Exchange connection", "widget": "credential_ref", "order": 5,
    "help": "Connect your Delta Exchange API key. It is kept in a secure vault; the agent never sees it.",
    "credential_api": "/api/cp/exchange-setup"},
  "allowed_coins": {"label": "Allowed coins", "widget": "list", "order": 6, "help": "Only these coins can be traded, e.g. BTC, ETH.",
    "suggestions": ["BTC", "ETH", "SOL", "XRP", "DOGE"],
    "pattern_help": "an upper-case coin symbol of 2 to 10 letters or digits", "examples": ["BTC", "ETH"]}
}$json$::jsonb
where agent_type_id = 'trading.delta_futures.v1' and version = '1.0.0';
alter table agent_type_definitions enable trigger agent_type_definitions_freeze_tg;
-- [jooq ignore stop]
