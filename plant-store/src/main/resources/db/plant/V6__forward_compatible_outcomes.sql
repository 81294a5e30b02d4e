-- A decision's outcome is kept as enforcement wrote it: a newer enforcement may write a verdict this
-- build does not know, and the materializer must store it rather than refuse the record (only
-- 'allow' lets anything happen; every reader treats anything else as not allowed).
alter table execution_decisions drop constraint execution_decisions_outcome_ck;
