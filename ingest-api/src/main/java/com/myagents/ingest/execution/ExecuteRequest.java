package com.myagents.ingest.execution;

import com.myagents.contracts.execution.ManualPublication;

import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/v1/deliverables/{deliverable_id}/execute}. Every field is optional:
 * without {@code action} the deliverable's first proposed action is meant; without
 * {@code approval_id} the request still goes to enforcement, which denies it. {@code manual}
 * ({@code {"posted_url": …}}, the URL optional) says the customer published the post by hand: it is
 * enforced like any execution and recorded as {@code executed_manually}, nothing is sent.
 */
public record ExecuteRequest(
        String approvalId,
        @Pattern(regexp = "[a-z][a-z_]{0,39}", message = "must be a lower-case action name such as publish or place_order")
        String action,
        ManualPublication manual) {

    static final ExecuteRequest EMPTY = new ExecuteRequest(null, null, null);

    public ExecuteRequest(String approvalId, String action) {
        this(approvalId, action, null);
    }
}
