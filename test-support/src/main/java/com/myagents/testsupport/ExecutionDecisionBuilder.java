package com.myagents.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionMode;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;

/**
 * An {@link ExecutionDecision} as enforcement writes one, for tests that play enforcement. Unless
 * told otherwise it is judged on the approval alone, the way the approval rule records it: the
 * {@code approval_present} check, the approval id (or "none") and the action as its inputs, and a
 * detail that says which; policy {@code enforcement/1}, decided now, live.
 */
public final class ExecutionDecisionBuilder {

    private String decisionId = UUID.randomUUID().toString();
    private String correlationId = UUID.randomUUID().toString();
    private String deliverableId;
    private String subscriptionId;
    private String customerId;
    private String action = "publish";
    private String approvalId;
    private Outcome outcome = Outcome.DENY;
    private ReasonCode reason = ReasonCode.APPROVAL_MISSING;
    private String detail;
    private List<CheckResult> checks;
    private Map<String, Object> inputs;
    private String policyVersion = "enforcement/1";
    private Instant decidedAt = Instant.now();
    private ExecutionMode mode = ExecutionMode.LIVE;

    private ExecutionDecisionBuilder() {
    }

    /** A decision on nothing in particular yet: denied for a missing approval. */
    public static ExecutionDecisionBuilder decision() {
        return new ExecutionDecisionBuilder();
    }

    /** The decision on this request: its correlation id, deliverable, subscription, customer, action and approval. */
    public static ExecutionDecisionBuilder on(ExecutionRequest request) {
        return decision().correlation(request.correlationId()).deliverable(request.deliverableId())
                .subscription(request.subscriptionId()).customer(request.customerId()).action(request.action())
                .approval(request.approvalId());
    }

    /** Everything as in {@code decision}, to change a part of it (a replay, a tampered copy). */
    public static ExecutionDecisionBuilder from(ExecutionDecision decision) {
        ExecutionDecisionBuilder copy = new ExecutionDecisionBuilder();
        copy.decisionId = decision.decisionId();
        copy.correlationId = decision.correlationId();
        copy.deliverableId = decision.deliverableId();
        copy.subscriptionId = decision.subscriptionId();
        copy.customerId = decision.customerId();
        copy.action = decision.action();
        copy.approvalId = decision.approvalId();
        copy.outcome = decision.outcome();
        copy.reason = decision.reason();
        copy.detail = decision.detail();
        copy.checks = decision.checks();
        copy.inputs = decision.inputs();
        copy.policyVersion = decision.policyVersion();
        copy.decidedAt = decision.decidedAt();
        copy.mode = decision.mode();
        return copy;
    }

    public ExecutionDecisionBuilder correlation(String correlationId) {
        this.correlationId = correlationId;
        return this;
    }

    public ExecutionDecisionBuilder deliverable(String deliverableId) {
        this.deliverableId = deliverableId;
        return this;
    }

    public ExecutionDecisionBuilder subscription(String subscriptionId) {
        this.subscriptionId = subscriptionId;
        return this;
    }

    public ExecutionDecisionBuilder customer(String customerId) {
        this.customerId = customerId;
        return this;
    }

    public ExecutionDecisionBuilder action(String action) {
        this.action = action;
        return this;
    }

    public ExecutionDecisionBuilder approval(String approvalId) {
        this.approvalId = approvalId;
        return this;
    }

    public ExecutionDecisionBuilder outcome(Outcome outcome, ReasonCode reason) {
        this.outcome = outcome;
        this.reason = reason;
        return this;
    }

    public ExecutionDecisionBuilder detail(String detail) {
        this.detail = detail;
        return this;
    }

    public ExecutionDecisionBuilder checks(List<CheckResult> checks) {
        this.checks = checks;
        return this;
    }

    public ExecutionDecisionBuilder inputs(Map<String, Object> inputs) {
        this.inputs = inputs;
        return this;
    }

    public ExecutionDecisionBuilder policyVersion(String policyVersion) {
        this.policyVersion = policyVersion;
        return this;
    }

    public ExecutionDecisionBuilder decidedAt(Instant decidedAt) {
        this.decidedAt = decidedAt;
        return this;
    }

    public ExecutionDecisionBuilder mode(ExecutionMode mode) {
        this.mode = mode;
        return this;
    }

    public ExecutionDecision build() {
        boolean approved = approvalId != null;
        return new ExecutionDecision(decisionId, correlationId, deliverableId, subscriptionId, customerId, action,
                approvalId, outcome, reason,
                detail != null ? detail : approved ? "every check passed" : "no approval_id",
                checks != null ? checks
                        : List.of(new CheckResult("approval_present", approved, approved ? "present" : "no approval_id")),
                inputs != null ? inputs : Map.of("approval_id", approved ? approvalId : "none", "action", action),
                policyVersion, decidedAt, mode);
    }
}
