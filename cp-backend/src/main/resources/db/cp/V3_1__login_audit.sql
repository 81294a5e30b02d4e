-- Failed and refused sign-ins at the customers' door (issue 14 item 6): one row per failure, lockout
-- or attempt refused while locked, so brute force is visible to whoever reviews the door.
CREATE TABLE login_audit (
    audit_id       uuid                     NOT NULL,
    attempted_at   timestamp with time zone NOT NULL,
    email          varchar(320)             NOT NULL,
    client_address varchar(64)              NOT NULL,
    outcome        varchar(32)              NOT NULL,
    correlation_id varchar(128)             NULL,
    CONSTRAINT login_audit_pk PRIMARY KEY (audit_id)
);

CREATE INDEX login_audit_email_ix ON login_audit (email, attempted_at);
