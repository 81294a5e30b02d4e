-- Customers of the single door. Emails are stored lower-case so that login is case-insensitive
-- and the unique constraint means what it says.
CREATE TABLE customers (
    customer_id   uuid                     NOT NULL,
    email         varchar(320)             NOT NULL,
    password_hash varchar(100)             NOT NULL,
    display_name  varchar(200)             NOT NULL,
    created_at    timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT customers_pk PRIMARY KEY (customer_id),
    CONSTRAINT customers_email_uk UNIQUE (email),
    CONSTRAINT customers_email_lower_ck CHECK (email = lower(email))
);
