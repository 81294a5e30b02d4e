-- Issue 16: each customer's small media library. Images (JPEG or PNG, checked by their magic
-- bytes) that a post can carry; a platform fetches one through a short-lived signed URL.
CREATE TABLE media_assets (
    media_id      uuid                     NOT NULL,
    customer_id   uuid                     NOT NULL,
    content_type  varchar(16)              NOT NULL,
    size_bytes    integer                  NOT NULL,
    sha256        varchar(64)              NOT NULL,
    file_name     varchar(120)             NULL,
    content       bytea                    NOT NULL,
    created_at    timestamp with time zone NOT NULL,
    CONSTRAINT media_assets_pk PRIMARY KEY (media_id),
    CONSTRAINT media_assets_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (customer_id),
    CONSTRAINT media_assets_type_ck CHECK (content_type IN ('image/jpeg', 'image/png'))
);

CREATE INDEX media_assets_customer_ix ON media_assets (customer_id, created_at);
