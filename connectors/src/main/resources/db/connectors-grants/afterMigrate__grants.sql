-- connectors' own login has its schema (the idempotency records) and nothing else (applied after
-- every migrate by the schema's owner; skipped where the role does not exist, e.g. a test database).
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'myagents_connectors') then
    grant usage on schema connectors to myagents_connectors;
    grant select, insert, update, delete on all tables in schema connectors to myagents_connectors;
    revoke all on connectors.flyway_schema_history from myagents_connectors;
    grant usage, select on all sequences in schema connectors to myagents_connectors;
  end if;
end $$;
