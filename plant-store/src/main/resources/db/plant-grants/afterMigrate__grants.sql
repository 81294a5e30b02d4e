-- What each service's login may do in schema plant, applied after every migrate by the schema's
-- owner (Flyway's user), so new tables are covered as soon as they exist. A role that does not
-- exist (a test database where everything runs as one user) is skipped. The roles are created by
-- the launcher (DatabaseRoles): no service owns a table or is a superuser.
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'myagents_ingest_api') then
    -- Plant's HTTP API: the plant tables, rows and outbox in one transaction; never the migration history
    grant usage on schema plant to myagents_ingest_api;
    grant select, insert, update, delete on all tables in schema plant to myagents_ingest_api;
    revoke all on plant.flyway_schema_history from myagents_ingest_api;
    grant usage, select on all sequences in schema plant to myagents_ingest_api;
  end if;
  if exists (select 1 from pg_roles where rolname = 'myagents_plant_store') then
    grant usage on schema plant to myagents_plant_store;
    -- the materializer writes only the tables it materializes from the stream outputs
    grant select, insert, update on plant.deliverables, plant.goal_runs, plant.execution_requests,
          plant.execution_decisions, plant.enforcement_denials, plant.execution_results,
          plant.execution_commands, plant.access_records to myagents_plant_store;
    -- and the records it dead-lettered, read back from its dead-letter topic (ingest-api serves them to PP)
    grant select, insert on plant.dead_letters to myagents_plant_store;
    -- the outbox relay publishes, marks and purges the outbox; the state snapshot adds to it
    grant select, insert, update, delete on plant.outbox to myagents_plant_store;
    grant usage, select on all sequences in schema plant to myagents_plant_store;
    -- the state snapshot reads what it republishes
    grant select on plant.hired_agents, plant.subscriptions, plant.agent_type_definitions to myagents_plant_store;
  end if;
end $$;
