-- Issue 16: every platform a marketing definition offers is published somehow — by a connector
-- or by the customer's own hand — and a post the customer published by hand and marked posted is
-- recorded as executed_manually.

alter table execution_results drop constraint execution_results_status_ck;
alter table execution_results add constraint execution_results_status_ck
    check (status in ('executed', 'failed', 'dry_run', 'executed_manually'));

-- The seeded marketing definition states how each of its platforms is published
-- (enforcement_defaults.publishing: connector | manual; PP's guardrails refuse a definition that
-- offers a platform with neither), which claims a healthcare post must never make (checked after
-- every generated draft), and no longer asks for a credential for a platform published by hand.
-- A pre-release correction of the seeded row, as V4 did (its freeze trigger is lifted for it).
-- [jooq ignore start]
alter table agent_type_definitions disable trigger agent_type_definitions_freeze_tg;

update agent_type_definitions
set enforcement_defaults = enforcement_defaults
        || '{"publishing": {"x": "connector", "linkedin": "connector", "facebook": "connector",
                            "instagram": "connector", "youtube": "manual", "whatsapp": "manual"},
             "content_guard": {"banned_claims": ["guarantee", "guaranteed", "100% cure", "cures", "cure for",
                               "miracle", "risk-free", "no side effects", "permanent cure", "instant relief",
                               "clinically proven", "best doctor", "गारंटी", "पक्का इलाज", "चमत्कार"]}}'::jsonb,
    extra_rules = (
        select jsonb_agg(case when rule ->> 'rule' = 'each_has_key' and rule ->> 'object' = '/platform_credentials'
                              then rule || '{"except": ["youtube", "whatsapp"],
                                             "message": "every enabled platform a connector publishes to needs a connected credential (YouTube and WhatsApp are published by hand)"}'::jsonb
                              else rule end order by ordinality)
        from jsonb_array_elements(extra_rules) with ordinality as rules(rule, ordinality))
where agent_type_id = 'marketing.healthcare.v1' and version = '1.0.0';

alter table agent_type_definitions enable trigger agent_type_definitions_freeze_tg;
-- [jooq ignore stop]
