-- Schema gateway holds the shared rate-limit buckets: the gateway's own login may read and write
-- them and nothing else (applied after every migrate by the schema's owner; skipped where the role
-- does not exist, e.g. a test database where everything runs as one user).
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'myagents_gateway') then
    grant usage on schema gateway to myagents_gateway;
    grant select, insert, update, delete on gateway.rate_buckets to myagents_gateway;
  end if;
end $$;
