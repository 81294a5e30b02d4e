-- Issue 16: a post the customer had written again is superseded by its new draft (it can no
-- longer be reviewed, edited or executed; the review says so in words).
alter table deliverables drop constraint deliverables_state_ck;
alter table deliverables add constraint deliverables_state_ck check (state in
    ('draft', 'pending_review', 'approved', 'rejected', 'scheduled', 'executed', 'failed', 'dry_run', 'superseded'));

-- What a metered goal run really cost, once its settlement is known (cost_minor then shows it,
-- never more than the price charged when the run was allowed); null until settled.
alter table goal_runs add column settled_cost_minor bigint;
