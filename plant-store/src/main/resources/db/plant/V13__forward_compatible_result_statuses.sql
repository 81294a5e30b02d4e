-- Issue 18: a result's status is kept as the connector wrote it. A newer connector may write a
-- status this build does not know; the materializer stores the result rather than refuse the
-- record (and leaves the deliverable and the request as they were until a build that knows it).
alter table execution_results drop constraint execution_results_status_ck;
