-- The credential vault. vault_entries holds every secret of every kind as an envelope: the secret
-- encrypted (AES-256-GCM) with a data key of its own, and that data key wrapped (AES-256-GCM) with
-- the master key named by key_id. Both encryptions bind customer_id + credential_ref as associated
-- data, so a ciphertext copied into another row does not decrypt. Only the masked hint and the
-- descriptors in the per-kind tables are readable without a key.
CREATE TABLE vault_entries (
    credential_ref    varchar(32)              NOT NULL,
    customer_id       uuid                     NOT NULL,
    kind              varchar(16)              NOT NULL,
    hint              varchar(16)              NOT NULL,
    key_id            varchar(64)              NOT NULL,
    data_key_nonce    bytea                    NOT NULL,
    wrapped_data_key  bytea                    NOT NULL,
    secret_nonce      bytea                    NOT NULL,
    secret_ciphertext bytea                    NOT NULL,
    created_at        timestamp with time zone NOT NULL,
    rotated_at        timestamp with time zone NULL,
    last_used_at      timestamp with time zone NULL,
    wrapped_at        timestamp with time zone NOT NULL,
    CONSTRAINT vault_entries_pk PRIMARY KEY (credential_ref),
    CONSTRAINT vault_entries_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (customer_id),
    CONSTRAINT vault_entries_kind_ck CHECK (kind IN ('platform', 'exchange'))
);

CREATE INDEX vault_entries_customer_ix ON vault_entries (customer_id, kind, created_at);
-- the re-wrap job looks for rows whose key_id is not the current one
CREATE INDEX vault_entries_key_ix ON vault_entries (key_id);

-- What a platform credential is for; its tokens live in vault_entries.
CREATE TABLE platform_credentials (
    credential_ref   varchar(32)              NOT NULL,
    platform         varchar(16)              NOT NULL,
    posting_identity varchar(200)             NOT NULL,
    expires_at       timestamp with time zone NULL,
    CONSTRAINT platform_credentials_pk PRIMARY KEY (credential_ref),
    CONSTRAINT platform_credentials_entry_fk FOREIGN KEY (credential_ref)
        REFERENCES vault_entries (credential_ref) ON DELETE CASCADE,
    CONSTRAINT platform_credentials_platform_ck
        CHECK (platform IN ('x', 'linkedin', 'instagram', 'facebook', 'youtube', 'whatsapp'))
);

-- An exchange account and the limits the customer set on it; its api key and secret live in vault_entries.
CREATE TABLE exchange_setups (
    credential_ref      varchar(32)    NOT NULL,
    exchange_provider   varchar(40)    NOT NULL,
    default_coin        varchar(20)    NOT NULL,
    allowed_coins       jsonb          NOT NULL,
    max_units_per_order numeric(20, 8) NOT NULL,
    max_notional_inr    numeric(20, 2) NULL,
    CONSTRAINT exchange_setups_pk PRIMARY KEY (credential_ref),
    CONSTRAINT exchange_setups_entry_fk FOREIGN KEY (credential_ref)
        REFERENCES vault_entries (credential_ref) ON DELETE CASCADE,
    CONSTRAINT exchange_setups_provider_ck CHECK (exchange_provider IN ('delta_exchange_india')),
    CONSTRAINT exchange_setups_units_ck CHECK (max_units_per_order > 0),
    CONSTRAINT exchange_setups_notional_ck CHECK (max_notional_inr IS NULL OR max_notional_inr > 0)
);

-- Every attempt to resolve a secret, granted or refused. Values come from the caller, so they are
-- kept as text (an unparseable customer id is still worth recording) and no foreign keys apply.
CREATE TABLE credential_access_audit (
    audit_id       uuid                     NOT NULL,
    accessed_at    timestamp with time zone NOT NULL,
    caller         varchar(200)             NULL,
    credential_ref varchar(64)              NULL,
    customer_id    varchar(64)              NULL,
    purpose        varchar(100)             NULL,
    correlation_id varchar(128)             NULL,
    outcome        varchar(32)              NOT NULL,
    CONSTRAINT credential_access_audit_pk PRIMARY KEY (audit_id)
);

CREATE INDEX credential_access_audit_ref_ix ON credential_access_audit (credential_ref, accessed_at);
