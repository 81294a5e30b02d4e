-- Operator visibility (PP ops views and the correlation drill-down). Every constraint is named
-- for jOOQ's DDLDatabase; nothing here changes the tables before it.

-- Who a customer id is, as the verified identity said when the customer last called Plant:
-- ingest-api upserts it from the token (never from a body), so operators can search by email.
create table customer_directory (
    customer_id    uuid        not null,
    email          varchar     not null,
    first_seen_at  timestamptz not null default now(),
    last_seen_at   timestamptz not null default now(),
    constraint customer_directory_pk primary key (customer_id)
);

-- [jooq ignore start]
alter table customer_directory
    add constraint customer_directory_email_lower_ck check (email = lower(email));
-- [jooq ignore stop]

create index customer_directory_email_ix on customer_directory (email);

-- The demo logins cp-backend seeds, so search by email works before they have called Plant.
-- [jooq ignore start]
insert into customer_directory (customer_id, email)
values ('00000000-0000-0000-0000-0000000c0001', 'demo@myagents.local'),
       ('00000000-0000-0000-0000-0000000c0002', 'other@myagents.local')
on conflict do nothing;
-- [jooq ignore stop]

-- HTTP access records (topic myagents.access-records.v1), one per request and hop; record_id
-- is minted once per request, so a replayed record changes nothing.
create table access_records (
    record_id       uuid        not null,
    correlation_id  varchar     not null,
    service         varchar     not null,
    client          varchar,
    principal_id    varchar,
    principal_kind  varchar,
    method          varchar     not null,
    path            varchar     not null,
    status          integer     not null,
    duration_ms     bigint      not null default 0,
    received_at     timestamptz not null,
    completed_at    timestamptz not null,
    constraint access_records_pk primary key (record_id)
);

create index access_records_correlation_ix on access_records (correlation_id, received_at);
create index access_records_received_at_ix on access_records (received_at);

-- Commands enforcement signed (topic myagents.execution-commands.v1), without payload and
-- signature: the drill-down needs to see that a command left, not to be able to replay it.
create table execution_commands (
    command_id         varchar     not null,
    correlation_id     varchar     not null,
    decision_id        varchar,
    deliverable_id     varchar,
    subscription_id    varchar,
    customer_id        varchar,
    hired_instance_id  varchar,
    action             varchar,
    approval_id        varchar,
    idempotency_key    varchar,
    issued_at          timestamptz not null,
    constraint execution_commands_pk primary key (command_id)
);

create index execution_commands_correlation_ix on execution_commands (correlation_id);
