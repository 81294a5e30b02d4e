-- Issue 16: a post the customer published by hand and marked posted is recorded as
-- executed_manually (17 characters: the status column grows).
ALTER TABLE external_actions ALTER COLUMN status TYPE varchar(24);
ALTER TABLE external_actions DROP CONSTRAINT external_actions_status_ck;
ALTER TABLE external_actions ADD CONSTRAINT external_actions_status_ck
    CHECK (status IN ('in_flight', 'executed', 'failed', 'dry_run', 'executed_manually'));
