-- pp-backend's own login has its schema and nothing else (applied after every migrate by the
-- schema's owner; skipped where the role does not exist, e.g. a test database).
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'myagents_pp_backend') then
    grant usage on schema pp to myagents_pp_backend;
    grant select, insert, update, delete on all tables in schema pp to myagents_pp_backend;
    revoke all on pp.flyway_schema_history from myagents_pp_backend;
    grant usage, select on all sequences in schema pp to myagents_pp_backend;
  end if;
end $$;
