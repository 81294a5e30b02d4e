-- Plant's authoritative tables (schema `plant`, chosen by Flyway's default schema).
-- Strings are varchar (no length: the same as text in PostgreSQL) because H2 cannot index text.
-- jOOQ generates its classes from this file by parsing it with H2: every constraint is named,
-- and what H2 cannot parse (regex checks, jsonb functions, partial indexes) sits between
-- jooq-ignore markers; Flyway applies it all the same.

-- Versioned agent types. A (agent_type_id, version) row is immutable once published.
create table agent_type_definitions (
    agent_type_id         varchar     not null,
    version               varchar     not null,
    status                varchar     not null default 'draft',
    display_name          varchar     not null,
    description           varchar,
    config_schema         jsonb       not null,
    ui_hints              jsonb       not null default '{}',
    goal_templates        jsonb       not null default '[]',
    enforcement_defaults  jsonb       not null default '{}',
    -- rules JSON Schema cannot say, as data (e.g. default_coin ∈ allowed_coins)
    extra_rules           jsonb       not null default '[]',
    created_at            timestamptz not null default now(),
    created_by            varchar     not null,
    published_at          timestamptz,
    constraint agent_type_definitions_pk primary key (agent_type_id, version),
    constraint agent_type_definitions_status_ck check (status in ('draft', 'published', 'retired')),
    constraint agent_type_definitions_published_at_ck check (status = 'draft' or published_at is not null)
);

-- [jooq ignore start]
alter table agent_type_definitions
    add constraint agent_type_definitions_version_semver_ck check (version ~ '^[0-9]+\.[0-9]+\.[0-9]+$');
-- [jooq ignore stop]

create index agent_type_definitions_status_ix on agent_type_definitions (agent_type_id, status);

-- [jooq ignore start]
-- A definition is immutable once it leaves draft: only its status may move on (published ->
-- retired, or back), never its content, and it is never deleted. Hired agents pin a version.
create function agent_type_definitions_freeze() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'draft' then
            raise exception 'agent type % % is % and cannot be deleted', old.agent_type_id, old.version, old.status
                using errcode = 'integrity_constraint_violation';
        end if;
        return old;
    end if;
    if old.status <> 'draft' and (
            new.agent_type_id, new.version, new.display_name, new.description, new.config_schema, new.ui_hints,
            new.goal_templates, new.enforcement_defaults, new.extra_rules, new.created_at, new.created_by,
            new.status = 'draft')
        is distinct from (
            old.agent_type_id, old.version, old.display_name, old.description, old.config_schema, old.ui_hints,
            old.goal_templates, old.enforcement_defaults, old.extra_rules, old.created_at, old.created_by,
            false) then
        raise exception 'agent type % % is % and immutable; create a new version', old.agent_type_id, old.version, old.status
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;

create trigger agent_type_definitions_freeze_tg
    before update or delete on agent_type_definitions
    for each row execute function agent_type_definitions_freeze();
-- [jooq ignore stop]

create table subscriptions (
    subscription_id   uuid        not null,
    customer_id       uuid        not null,
    agent_type_id     varchar     not null,
    status            varchar     not null default 'active',
    period_start      timestamptz not null,
    period_end        timestamptz,
    ended_at          timestamptz,
    retention_until   timestamptz,
    trial_status      varchar     not null default 'not_started',
    trial_start_at    timestamptz,
    trial_end_at      timestamptz,
    created_at        timestamptz not null default now(),
    constraint subscriptions_pk primary key (subscription_id),
    constraint subscriptions_status_ck check (status in ('active', 'cancelled', 'ended')),
    constraint subscriptions_trial_status_ck
        check (trial_status in ('not_started', 'active', 'ended_converted', 'ended_not_converted'))
);

create index subscriptions_customer_ix on subscriptions (customer_id);

-- One hired instance per subscription, pinned to the exact definition version it was hired on.
create table hired_agents (
    hired_instance_id   uuid        not null,
    subscription_id     uuid        not null,
    customer_id         uuid        not null,
    agent_type_id       varchar     not null,
    agent_type_version  varchar     not null,
    nickname            varchar,
    config              jsonb       not null default '{}',
    configured          boolean     not null default false,
    config_violations   jsonb       not null default '[]',
    finalized_at        timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint hired_agents_pk primary key (hired_instance_id),
    constraint hired_agents_subscription_uk unique (subscription_id),
    constraint hired_agents_subscription_fk foreign key (subscription_id) references subscriptions (subscription_id),
    constraint hired_agents_definition_fk foreign key (agent_type_id, agent_type_version)
        references agent_type_definitions (agent_type_id, version)
);

create index hired_agents_customer_ix on hired_agents (customer_id);

create table goal_instances (
    goal_instance_id   uuid        not null,
    hired_instance_id  uuid        not null,
    goal_template_id   varchar     not null,
    frequency          varchar     not null,
    time_of_day        time,
    settings           jsonb       not null default '{}',
    enabled            boolean     not null default true,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint goal_instances_pk primary key (goal_instance_id),
    constraint goal_instances_hired_agent_fk foreign key (hired_instance_id) references hired_agents (hired_instance_id),
    constraint goal_instances_frequency_ck check (frequency in ('daily', 'weekly', 'monthly', 'on_demand'))
);

create index goal_instances_hired_agent_ix on goal_instances (hired_instance_id);

-- One row per run: run_id = goal instance id + period key, so a retried run finds its row.
-- No foreign key to goal_instances: a run may complete after its goal was deleted.
create table goal_runs (
    run_id            varchar     not null,
    goal_instance_id  uuid        not null,
    period_key        varchar     not null,
    status            varchar     not null,
    triggered_at      timestamptz,
    completed_at      timestamptz,
    detail            varchar,
    constraint goal_runs_pk primary key (run_id),
    constraint goal_runs_status_ck check (status in ('triggered', 'completed', 'failed'))
);

create index goal_runs_goal_instance_ix on goal_runs (goal_instance_id);

create table deliverables (
    deliverable_id     uuid        not null,
    run_id             varchar,
    goal_instance_id   uuid,
    goal_template_id   varchar,
    hired_instance_id  uuid        not null,
    subscription_id    uuid        not null,
    customer_id        uuid        not null,
    kind               varchar     not null,
    state              varchar     not null default 'pending_review',
    payload            jsonb       not null,
    -- the only actions an execution may take for this deliverable, a JSON array of strings
    proposed_actions   jsonb       not null default '[]',
    -- hex SHA-256 of the canonical payload JSON: an approval covers exactly this payload
    payload_hash       varchar     not null,
    suggested_for      timestamptz,
    scheduled_for      timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint deliverables_pk primary key (deliverable_id),
    constraint deliverables_hired_agent_fk foreign key (hired_instance_id) references hired_agents (hired_instance_id),
    constraint deliverables_state_ck check (state in
        ('draft', 'pending_review', 'approved', 'rejected', 'scheduled', 'executed', 'failed'))
);

-- [jooq ignore start]
alter table deliverables
    add constraint deliverables_proposed_actions_array_ck check (jsonb_typeof(proposed_actions) = 'array');
-- [jooq ignore stop]

create index deliverables_hired_agent_state_ix on deliverables (hired_instance_id, state, created_at);
create index deliverables_customer_ix on deliverables (customer_id, state);
create index deliverables_run_ix on deliverables (run_id);

create table approvals (
    approval_id     uuid        not null,
    deliverable_id  uuid        not null,
    customer_id     uuid        not null,
    verdict         varchar     not null,
    reviewer        varchar     not null,
    notes           varchar,
    payload_hash    varchar     not null,
    decided_at      timestamptz not null,
    expires_at      timestamptz,
    used_at         timestamptz,
    constraint approvals_pk primary key (approval_id),
    constraint approvals_deliverable_fk foreign key (deliverable_id) references deliverables (deliverable_id),
    constraint approvals_verdict_ck check (verdict in ('approved', 'rejected', 'voided'))
);

create index approvals_deliverable_ix on approvals (deliverable_id, decided_at);

-- A request as ingest-api accepted it; approval_id is kept as the caller sent it (text, maybe
-- absent or unknown) because enforcement, not the database, decides what it is worth.
create table execution_requests (
    correlation_id     varchar     not null,
    deliverable_id     uuid        not null,
    subscription_id    uuid        not null,
    customer_id        uuid        not null,
    hired_instance_id  uuid        not null,
    action             varchar     not null,
    approval_id        varchar,
    payload_hash       varchar,
    requested_by       varchar     not null,
    requested_at       timestamptz not null,
    status             varchar     not null default 'pending',
    decided_at         timestamptz,
    constraint execution_requests_pk primary key (correlation_id),
    constraint execution_requests_deliverable_fk foreign key (deliverable_id) references deliverables (deliverable_id),
    constraint execution_requests_status_ck check (status in ('pending', 'allowed', 'denied', 'executed', 'failed'))
);

create index execution_requests_deliverable_ix on execution_requests (deliverable_id, requested_at);
create index execution_requests_customer_ix on execution_requests (customer_id, requested_at);

-- Audit tables below keep references as text, unconstrained: a decision about a malformed
-- request must still be recorded, whatever its ids look like.
create table execution_decisions (
    decision_id      uuid        not null,
    correlation_id   varchar     not null,
    deliverable_id   varchar,
    subscription_id  varchar,
    customer_id      varchar,
    action           varchar,
    approval_id      varchar,
    outcome          varchar     not null,
    reason           varchar     not null,
    detail           varchar,
    checks           jsonb       not null default '[]',
    inputs           jsonb       not null default '{}',
    policy_version   varchar     not null,
    decided_at       timestamptz not null,
    constraint execution_decisions_pk primary key (decision_id),
    constraint execution_decisions_correlation_uk unique (correlation_id),
    constraint execution_decisions_outcome_ck check (outcome in ('allow', 'deny'))
);

create index execution_decisions_deliverable_ix on execution_decisions (deliverable_id, decided_at);

create table enforcement_denials (
    denial_id        uuid        not null,
    correlation_id   varchar     not null,
    subscription_id  varchar,
    customer_id      varchar,
    deliverable_id   varchar,
    action           varchar,
    reason           varchar     not null,
    detail           varchar,
    inputs           jsonb       not null default '{}',
    policy_version   varchar     not null,
    denied_at        timestamptz not null,
    constraint enforcement_denials_pk primary key (denial_id),
    constraint enforcement_denials_correlation_uk unique (correlation_id)
);

create index enforcement_denials_customer_ix on enforcement_denials (customer_id, denied_at);
create index enforcement_denials_subscription_ix on enforcement_denials (subscription_id, denied_at);
create index enforcement_denials_reason_ix on enforcement_denials (reason, denied_at);
create index enforcement_denials_denied_at_ix on enforcement_denials (denied_at);

create table execution_results (
    result_id         uuid        not null,
    command_id        varchar     not null,
    correlation_id    varchar     not null,
    deliverable_id    varchar,
    subscription_id   varchar,
    status            varchar     not null,
    external_id       varchar,
    idempotency_key   varchar,
    cost_minor        bigint      not null default 0,
    detail            varchar,
    completed_at      timestamptz not null,
    constraint execution_results_pk primary key (result_id),
    constraint execution_results_command_uk unique (command_id),
    constraint execution_results_status_ck check (status in ('executed', 'failed', 'dry_run'))
);

create index execution_results_correlation_ix on execution_results (correlation_id);
create index execution_results_deliverable_ix on execution_results (deliverable_id, completed_at);

-- Transactional outbox: a service writes its rows and the events to publish in one transaction;
-- the relay sends unpublished rows in id order and stamps published_at.
create table outbox (
    id            bigserial   not null,
    topic         varchar     not null,
    record_key    varchar     not null,
    -- the exact bytes of the topic's value serde
    payload       bytea       not null,
    -- the JsonSerde schema header, e.g. execution-request/v1
    schema        varchar     not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz,
    constraint outbox_pk primary key (id)
);

-- [jooq ignore start]
create index outbox_unpublished_ix on outbox (id) where published_at is null;
-- [jooq ignore stop]
