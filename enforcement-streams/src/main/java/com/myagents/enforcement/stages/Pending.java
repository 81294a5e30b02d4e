package com.myagents.enforcement.stages;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.serde.JsonSerde;

/**
 * A request that passed the deliverable stage, on its way (repartitioned by subscription_id) to
 * the subscription stage, with the checks and inputs so far. {@code approval_expires_at} tells
 * that stage how long to remember the approval as used; {@code approval_decided_at} lets it hold
 * the approval to the lifetime of the subscription's pinned definition.
 */
public record Pending(ExecutionRequest request, Instant approvalExpiresAt, List<CheckResult> checks,
        Map<String, Object> inputs, Instant approvalDecidedAt)
        implements Evaluated {

    /** Serde of the internal repartition topic; the application's own format, not a contract. */
    public static final JsonSerde<Pending> SERDE = new JsonSerde<>(Pending.class, "enforcement-pending", 1);
}
