-- Metering: goal runs are checked and charged by enforcement before they generate anything, and
-- a denied run is recorded as such (issue 5 item 5, issue 6).

alter table goal_runs drop constraint goal_runs_status_ck;
alter table goal_runs add constraint goal_runs_status_ck
    check (status in ('triggered', 'completed', 'failed', 'denied'));
alter table goal_runs add column reason varchar;
alter table goal_runs add column cost_minor bigint;

-- The 1.0.0 definitions priced actions but not goal runs, and capped a trial's drafts although
-- nothing could count drafts before generating them. Their trial caps now name what enforcement
-- meters: actions and goal runs per day, and spend per day. A pre-release correction of the seeded
-- definitions (their freeze trigger is lifted for it, for these two rows only); an operator's
-- change to a published definition is still a new version.
-- [jooq ignore start]
alter table agent_type_definitions disable trigger agent_type_definitions_freeze_tg;

update agent_type_definitions
set enforcement_defaults = enforcement_defaults
        || '{"trial_caps": {"actions_per_day": 5, "goal_runs_per_day": 10, "cost_minor_per_day": 2000},
             "goal_run_costs_minor": {"marketing.weekly_multichannel_batch": 100,
                                      "marketing.daily_education_micropost": 25,
                                      "marketing.monthly_campaign_pack": 300}}'::jsonb
where agent_type_id = 'marketing.healthcare.v1' and version = '1.0.0';

-- Trading runs are deterministic and model-free: they cost nothing, so they are not metered.
update agent_type_definitions
set enforcement_defaults = enforcement_defaults
        || '{"trial_caps": {"actions_per_day": 10, "goal_runs_per_day": 20, "cost_minor_per_day": 0},
             "goal_run_costs_minor": {}}'::jsonb
where agent_type_id = 'trading.delta_futures.v1' and version = '1.0.0';

alter table agent_type_definitions enable trigger agent_type_definitions_freeze_tg;
-- [jooq ignore stop]
