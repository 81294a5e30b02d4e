package com.myagents.enforcement.stages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionMode;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.enforcement.policy.EnforcementPolicy;
import com.myagents.enforcement.policy.Verdict;

/**
 * A final decision together with the request it answers (the command needs fields the decision
 * does not carry). Ids are name-based UUIDs of the correlation id: a replay yields the same ids,
 * so every downstream upsert is idempotent.
 */
public record Decided(ExecutionRequest request, ExecutionDecision decision) {

    public static Decided of(ExecutionRequest request, Verdict verdict, Instant decidedAt) {
        ReasonCode reason;
        String detail;
        if (verdict instanceof Verdict.Denied denied) {
            reason = denied.reason();
            detail = denied.detail();
        } else {
            reason = ReasonCode.ALLOWED;
            detail = "every check passed";
        }
        Outcome outcome = verdict instanceof Verdict.Allowed ? Outcome.ALLOW : Outcome.DENY;
        ExecutionMode mode = verdict instanceof Verdict.Allowed allowed ? allowed.mode() : ExecutionMode.LIVE;
        ExecutionDecision decision = new ExecutionDecision(decisionId(request.correlationId()), request.correlationId(),
                request.deliverableId(), request.subscriptionId(), request.customerId(), request.action(),
                request.approvalId(), outcome, reason, detail, verdict.checks(), verdict.inputs(),
                EnforcementPolicy.VERSION, decidedAt, mode);
        return new Decided(request, decision);
    }

    public static String decisionId(String correlationId) {
        return nameUuid("execution-decision:" + correlationId);
    }

    public EnforcementDenial denial() {
        return EnforcementDenial.of(decision);
    }

    /**
     * The unsigned command for an allowed decision. Its idempotency key is derived from the
     * approval, which can be used once: even a second request could not make a connector act twice.
     */
    public ExecutionCommand command() {
        return new ExecutionCommand(nameUuid("execution-command:" + request.correlationId()),
                request.correlationId(), decision.decisionId(), request.deliverableId(), request.subscriptionId(),
                request.customerId(), request.hiredInstanceId(), request.action(), request.approvalId(),
                nameUuid("execution:" + request.deliverableId() + ":" + request.approvalId()).replace("-", ""),
                request.payload(), decision.decidedAt(), null, decision.mode(), platformKey(request),
                request.manual());
    }

    /**
     * One key per approved payload of a deliverable: a retry of a failed execution (a fresh
     * approval of the same payload) reaches the platform under the same key, so a platform that
     * de-duplicates (Delta's client_order_id) can never act twice for it.
     */
    static String platformKey(ExecutionRequest request) {
        return nameUuid("platform:" + request.deliverableId() + ":" + request.payloadHash()).replace("-", "");
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
