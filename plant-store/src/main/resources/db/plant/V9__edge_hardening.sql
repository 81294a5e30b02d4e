-- Issue 14, the edge: a browser's own correlation id is kept for reference only (the doors mint the
-- one timelines join on), and sane maxima for the trading agent's numbers.

alter table access_records add column client_correlation_id varchar(128);

-- Sane maxima for the trading agent's numbers (issue 14 item 3): the 1.0.0 definition bounded
-- every number from below only, so units of 10^26 and a limit price of 1e308 were valid config and
-- goal settings. No real order comes near these ceilings; the request edge refuses anything beyond
-- the 64-bit range before a schema is evaluated. A pre-release correction of the seeded definition
-- (its freeze trigger is lifted for this one row, as V4 did); an operator's change to a published
-- definition is still a new version.
-- [jooq ignore start]
alter table agent_type_definitions disable trigger agent_type_definitions_freeze_tg;

update agent_type_definitions
set config_schema = jsonb_set(jsonb_set(config_schema,
            '{properties,risk_limits,properties,max_units_per_order,maximum}', '1000000'::jsonb),
            '{properties,risk_limits,properties,max_notional_inr,maximum}', '100000000000'::jsonb),
    goal_templates = (
        select jsonb_agg(case when template ->> 'goal_template_id' = 'trading.trade_intent_draft'
                              then jsonb_set(jsonb_set(template,
                                       '{settings_schema,properties,units,maximum}', '1000000'::jsonb),
                                       '{settings_schema,properties,limit_price,maximum}', '1000000000'::jsonb)
                              else template end
                         order by position)
        from jsonb_array_elements(goal_templates) with ordinality as templates(template, position))
where agent_type_id = 'trading.delta_futures.v1' and version = '1.0.0';

alter table agent_type_definitions enable trigger agent_type_definitions_freeze_tg;
-- [jooq ignore stop]
