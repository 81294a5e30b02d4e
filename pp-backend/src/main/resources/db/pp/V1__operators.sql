-- Operators of the PP door. roles is a comma-separated list of admin | support | auditor.
CREATE TABLE operators (
    operator_id   uuid                     NOT NULL,
    email         varchar(320)             NOT NULL,
    password_hash varchar(100)             NOT NULL,
    display_name  varchar(200)             NOT NULL,
    roles         varchar(200)             NOT NULL,
    created_at    timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT operators_pk PRIMARY KEY (operator_id),
    CONSTRAINT operators_email_uk UNIQUE (email),
    CONSTRAINT operators_email_lower_ck CHECK (email = lower(email))
);

-- What operators did and saw: one row per sign-in attempt and per call through the door, written
-- before the call goes on so that nothing reaches customer data unaudited.
CREATE TABLE operator_audit (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    operator_id    uuid,
    action         varchar(64)              NOT NULL,
    target         varchar(2048)            NOT NULL,
    correlation_id varchar(128)             NOT NULL,
    status_code    integer,
    at             timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT operator_audit_pk PRIMARY KEY (id),
    CONSTRAINT operator_audit_operator_fk FOREIGN KEY (operator_id) REFERENCES operators (operator_id)
);

CREATE INDEX operator_audit_operator_at_idx ON operator_audit (operator_id, at);
CREATE INDEX operator_audit_correlation_idx ON operator_audit (correlation_id);
