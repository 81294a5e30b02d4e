package com.myagents.enforcement.stages;

import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.serde.JsonSerde;

/**
 * An execution request whose approval enforcement has not seen yet: the customer approved and
 * executed within moments, and the approval's record is still on its way on the approvals topic
 * (a different topic than the request's, so nothing orders the two). It waits a short grace for it.
 *
 * @param key        the request record's key (its subscription id)
 * @param request    the request
 * @param timestamp  the request record's timestamp, kept for the decision it gets
 * @param awaitingSince wall-clock millis when it began to wait
 */
public record AwaitedApproval(String key, ExecutionRequest request, long timestamp, long awaitingSince) {

    public static final JsonSerde<AwaitedApproval> SERDE = new JsonSerde<>(AwaitedApproval.class,
            "enforcement-awaited-approval", 1);
}
