-- What an audited action decided beyond its status, e.g. a publish's guardrail findings, breaking
-- changes and whether the operator acknowledged them. Null for plain proxied calls.
ALTER TABLE operator_audit ADD COLUMN detail jsonb;
