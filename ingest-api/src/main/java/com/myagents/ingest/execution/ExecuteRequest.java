package com.myagents.ingest.execution;

/**
 * Body of {@code POST /api/v1/deliverables/{deliverable_id}/execute}. Both fields are optional:
 * without {@code action} the deliverable's first proposed action is meant; without
 * {@code approval_id} the request still goes to enforcement, which denies it.
 */
public record ExecuteRequest(String approvalId, String action) {

    static final ExecuteRequest EMPTY = new ExecuteRequest(null, null);
}
