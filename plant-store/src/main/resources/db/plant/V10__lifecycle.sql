-- A customer's whole lifecycle: a trial becomes a paid plan (with its monthly budget) or ends;
-- a re-hire of an agent type whose trial was used gets no second trial; a subscription can be
-- cancelled and is purged after its retention; a trial's dry-run actions end as dry runs.

alter table subscriptions drop constraint subscriptions_trial_status_ck;
alter table subscriptions add constraint subscriptions_trial_status_ck
    check (trial_status in ('not_started', 'active', 'ended_converted', 'ended_not_converted', 'not_eligible'));
-- the paid plan's monthly budget, chosen by the customer within the definition's ceiling
alter table subscriptions add column budget_minor_per_month bigint;
alter table subscriptions add column converted_at timestamptz;

-- a deliverable whose allowed action was only described (a trial's dry run): nothing was sent
alter table deliverables drop constraint deliverables_state_ck;
alter table deliverables add constraint deliverables_state_ck check (state in
    ('draft', 'pending_review', 'approved', 'rejected', 'scheduled', 'executed', 'failed', 'dry_run'));

alter table execution_requests drop constraint execution_requests_status_ck;
alter table execution_requests add constraint execution_requests_status_ck
    check (status in ('pending', 'allowed', 'denied', 'executed', 'failed', 'dry_run'));

-- live or dry_run: what enforcement allowed (an allowed dry run is never sent)
alter table execution_decisions add column execution_mode varchar not null default 'live';

-- What the billing provider was told. The local default records plan changes here; a card
-- processor would charge from the same events.
create table billing_events (
    billing_event_id        uuid        not null,
    subscription_id         uuid        not null,
    customer_id             uuid        not null,
    kind                    varchar     not null,
    budget_minor_per_month  bigint,
    currency                varchar,
    provider                varchar     not null,
    provider_reference      varchar,
    recorded_at             timestamptz not null,
    constraint billing_events_pk primary key (billing_event_id),
    constraint billing_events_kind_ck check (kind in ('plan_started', 'budget_changed', 'cancelled', 'trial_extended'))
);

create index billing_events_subscription_ix on billing_events (subscription_id, recorded_at);

-- The seeded definitions promise how long a cancelled subscription's data is kept (read-only)
-- before it is deleted. A pre-release correction of these two rows, as in V4.
-- [jooq ignore start]
alter table agent_type_definitions disable trigger agent_type_definitions_freeze_tg;

update agent_type_definitions
set enforcement_defaults = enforcement_defaults || '{"retention_days": 30}'::jsonb
where agent_type_id in ('marketing.healthcare.v1', 'trading.delta_futures.v1') and version = '1.0.0';

alter table agent_type_definitions enable trigger agent_type_definitions_freeze_tg;
-- [jooq ignore stop]
