-- One token bucket per principal, shared by every gateway instance on this database: each request
-- takes its token with one atomic upsert (SharedTokenBuckets), refilled by the database's own clock
-- so that instances on different machines agree on time.
-- Unlogged: no WAL on the request path; after a PostgreSQL crash the table is empty, which only
-- means every bucket starts full again (rate-limit state is not worth a write-ahead log).
create unlogged table rate_buckets (
    bucket_key  text primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null,
    -- whether the latest acquisition got its token (returned by the same upsert)
    granted     boolean          not null
);

-- the sweep forgets buckets idle long enough to be full again
create index rate_buckets_refilled_at on rate_buckets (refilled_at);
