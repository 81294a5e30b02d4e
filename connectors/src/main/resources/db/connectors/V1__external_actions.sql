-- One row per external action a connector took or decided not to take, keyed by the command's
-- idempotency key (one per approval). It is written as in_flight before any call leaves the
-- process and finished after, so a redelivered command never acts twice: a finished row is
-- published again as it is; an in_flight row means an earlier attempt may have acted, and only a
-- lookup at the platform (Delta: the order by client_order_id) may settle it, otherwise the result
-- is failed with outcome_unknown for a human to check.
CREATE TABLE external_actions (
    idempotency_key  varchar(128)             NOT NULL,
    -- the attempt that claimed the row; a finish or release must come from it
    claim_id         uuid                     NOT NULL,
    result_id        uuid                     NOT NULL,
    command_id       varchar(128)             NOT NULL,
    correlation_id   varchar(128)             NOT NULL,
    deliverable_id   varchar(128)             NULL,
    subscription_id  varchar(128)             NULL,
    hired_instance_id varchar(128)            NULL,
    action           varchar(32)              NOT NULL,
    -- delta | linkedin | x | none (refused before a target was known)
    target           varchar(32)              NOT NULL,
    status           varchar(16)              NOT NULL,
    -- why a failed row failed, e.g. insufficient_margin, rate_limited, outcome_unknown
    failure_code     varchar(64)              NULL,
    external_id      varchar(256)             NULL,
    cost_minor       bigint                   NOT NULL DEFAULT 0,
    detail           text                     NULL,
    created_at       timestamp with time zone NOT NULL,
    updated_at       timestamp with time zone NOT NULL,
    completed_at     timestamp with time zone NULL,
    CONSTRAINT external_actions_pk PRIMARY KEY (idempotency_key),
    CONSTRAINT external_actions_status_ck CHECK (status IN ('in_flight', 'executed', 'failed', 'dry_run'))
);

CREATE INDEX external_actions_deliverable_ix ON external_actions (deliverable_id);
CREATE INDEX external_actions_status_ix ON external_actions (status, updated_at);
