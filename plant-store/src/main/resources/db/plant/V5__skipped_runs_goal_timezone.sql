-- Runs never vanish (issue 13 item 5): a due or requested goal run the goal runner does not run is
-- recorded as 'skipped', with the reason (not_finalized, not_configured, trial_ended,
-- subscription_inactive, goal_disabled, not_eligible, settings_invalid).
alter table goal_runs drop constraint goal_runs_status_ck;
alter table goal_runs add constraint goal_runs_status_ck
    check (status in ('triggered', 'completed', 'failed', 'denied', 'skipped'));

-- A goal's own IANA time zone (issue 13 item 8); null: the goal follows its instance's configured
-- timezone, also when that changes. Goals never had a column of their own (the instance's zone was
-- copied into each goal-change event), so every existing goal follows its instance.
alter table goal_instances add column timezone varchar;
