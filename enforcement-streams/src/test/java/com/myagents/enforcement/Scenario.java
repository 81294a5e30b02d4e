package com.myagents.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.approvals.ApprovalEvent.Verdict;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.subscriptions.SubscriptionState;

/** Requests, approvals and subscriptions as the rest of the system publishes them, with names for tests. */
final class Scenario {

    static final String SUBSCRIPTION = "sub-1";
    static final String CUSTOMER = "customer-1";
    static final java.util.Map<String, Object> PAYLOAD = java.util.Map.of("platform", "linkedin", "text", "approved post");
    static final String HASH = com.myagents.contracts.deliverables.PayloadHash.of(PAYLOAD);

    private Scenario() {
    }

    static ExecutionRequest request(String correlationId, String deliverableId, String approvalId) {
        return request(correlationId, deliverableId, "publish", approvalId);
    }

    static ExecutionRequest request(String correlationId, String deliverableId, String action, String approvalId) {
        return new ExecutionRequest(correlationId, deliverableId, SUBSCRIPTION, CUSTOMER, "hired-1", action,
                approvalId, HASH, CUSTOMER, EnforcementDriver.START, PAYLOAD, java.util.List.of("publish", "post", "place_order"));
    }

    static ExecutionRequest withPayloadHash(ExecutionRequest r, String hash) {
        return new ExecutionRequest(r.correlationId(), r.deliverableId(), r.subscriptionId(), r.customerId(),
                r.hiredInstanceId(), r.action(), r.approvalId(), hash, r.requestedBy(), r.requestedAt(), r.payload(), r.proposedActions());
    }

    static ExecutionRequest withSubscription(ExecutionRequest r, String subscriptionId) {
        return new ExecutionRequest(r.correlationId(), r.deliverableId(), subscriptionId, r.customerId(),
                r.hiredInstanceId(), r.action(), r.approvalId(), r.payloadHash(), r.requestedBy(), r.requestedAt(), r.payload(), r.proposedActions());
    }

    static ApprovalEvent approved(String approvalId, String deliverableId) {
        return approval(approvalId, deliverableId, Verdict.APPROVED, EnforcementDriver.START.plus(Duration.ofDays(3)));
    }

    static ApprovalEvent approval(String approvalId, String deliverableId, Verdict verdict, Instant expiresAt) {
        return new ApprovalEvent(approvalId, deliverableId, SUBSCRIPTION, CUSTOMER, verdict, "reviewer@customer",
                "looks good", HASH, EnforcementDriver.START, expiresAt);
    }

    /** An active subscription in an open trial that may publish and post, {@code perDay} times a day. */
    static SubscriptionState inTrial(int perDay) {
        return subscription("active", "active", EnforcementDriver.START.plus(Duration.ofDays(7)), perDay);
    }

    static SubscriptionState subscription(String status, String trialStatus, Instant trialEndAt, int perDay) {
        return new SubscriptionState(SUBSCRIPTION, CUSTOMER, "marketing", status, trialStatus,
                EnforcementDriver.START.minus(Duration.ofDays(1)), trialEndAt, perDay, List.of("publish", "post"),
                10_000, EnforcementDriver.START, 10, 10_000, PRICES, RUN_PRICES);
    }

    static final java.util.Map<String, Long> PRICES = java.util.Map.of("publish", 100L, "post", 100L,
            "place_order", 500L, "close_position", 500L);
    static final String DAILY_POST = "marketing.daily_education_micropost";
    static final java.util.Map<String, Long> RUN_PRICES = java.util.Map.of(DAILY_POST, 50L);

    /** A paid plan with this monthly budget. */
    static SubscriptionState paid(long budget) {
        return withCaps(subscription("active", "ended_converted", EnforcementDriver.START, 0), 0, 0, budget);
    }

    /** A trial with these daily caps (actions, goal runs) and this daily spend. */
    static SubscriptionState trial(int actionsPerDay, int goalRunsPerDay, long costPerDay) {
        return withCaps(inTrial(actionsPerDay), goalRunsPerDay, costPerDay, 0);
    }

    private static SubscriptionState withCaps(SubscriptionState s, int goalRunsPerDay, long costPerDay, long budget) {
        return new SubscriptionState(s.subscriptionId(), s.customerId(), s.agentTypeId(), s.status(), s.trialStatus(),
                s.trialStartAt(), s.trialEndAt(), s.trialActionsPerDay(), s.trialAllowedActions(), budget, s.updatedAt(),
                goalRunsPerDay, costPerDay, s.actionCostsMinor(), s.goalRunCostsMinor());
    }
}
