package com.myagents.ingest.execution;

import com.myagents.contracts.execution.ManualPublication;

/**
 * Body of {@code POST /api/v1/deliverables/{deliverable_id}/execute}. Every field is optional:
 * without {@code action} the deliverable's first proposed action is meant; without
 * {@code approval_id} the request still goes to enforcement, which denies it. {@code manual}
 * ({@code {"posted_url": …}}, the URL optional) says the customer published the post by hand: it is
 * enforced like any execution and recorded as {@code executed_manually}, nothing is sent.
 */
public record ExecuteRequest(String approvalId, String action, ManualPublication manual) {

    static final ExecuteRequest EMPTY = new ExecuteRequest(null, null, null);

    public ExecuteRequest(String approvalId, String action) {
        this(approvalId, action, null);
    }
}
