-- Schema cp holds the credential vault: cp-backend's own login is the only one granted anything
-- here (applied after every migrate by the schema's owner; skipped where the role does not exist,
-- e.g. a test database where everything runs as one user).
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'myagents_cp_backend') then
    grant usage on schema cp to myagents_cp_backend;
    grant select, insert, update, delete on all tables in schema cp to myagents_cp_backend;
    revoke all on cp.flyway_schema_history from myagents_cp_backend;
    grant usage, select on all sequences in schema cp to myagents_cp_backend;
  end if;
end $$;
