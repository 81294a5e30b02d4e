package com.myagents.bench.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.bench.ceiling.SampleRecords;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * What enforcement is given to decide: {@code subscriptions} subscriptions (every
 * {@code trialEvery}-th one in an open trial with a daily cap, the others paid), one approval per
 * deliverable that has one, and requests of three kinds, well mixed by index: approved (allowed,
 * unless a trial cap runs out), without approval (denied {@code approval_missing}) and of a payload
 * edited after its approval (denied {@code payload_changed}). Request {@code i} is for deliverable
 * {@code i}, so no approval is ever used twice; its correlation id carries {@code i}.
 */
public record EnforcementWorkload(int subscriptions, double approvedShare, double changedShare, int trialEvery,
        int trialCap) {

    /** What a request is made to test. */
    public enum Kind { APPROVED, NO_APPROVAL, PAYLOAD_CHANGED }

    static final long DELIVERABLE_BASE = 100_000_000_000L;
    static final long APPROVAL_BASE = 200_000_000_000L;
    static final long SUBSCRIPTION_BASE = 900_000_000_000L;
    private static final double GOLDEN = 0.6180339887498949;

    public EnforcementWorkload {
        if (subscriptions < 1 || approvedShare < 0 || changedShare < 0 || approvedShare + changedShare > 1) {
            throw new IllegalArgumentException("need subscriptions >= 1 and shares that add up to at most 1");
        }
    }

    /** Low-discrepancy mix: any stretch of consecutive requests has about the configured shares. */
    public Kind kindOf(long index) {
        double position = (index * GOLDEN) % 1.0;
        if (position < approvedShare) {
            return Kind.APPROVED;
        }
        return position < approvedShare + changedShare ? Kind.PAYLOAD_CHANGED : Kind.NO_APPROVAL;
    }

    public String subscriptionOf(long index) {
        return SampleRecords.idOf(SUBSCRIPTION_BASE + Math.floorMod(index, subscriptions));
    }

    public String deliverableOf(long index) {
        return SampleRecords.idOf(DELIVERABLE_BASE + index);
    }

    public List<SubscriptionState> subscriptionStates(Instant now) {
        List<SubscriptionState> states = new ArrayList<>(subscriptions);
        for (int s = 0; s < subscriptions; s++) {
            boolean trial = trialEvery > 0 && s % trialEvery == 0;
            states.add(new SubscriptionState(SampleRecords.idOf(SUBSCRIPTION_BASE + s), "customer-" + s,
                    "marketing.healthcare.v1", "active", trial ? "active" : "ended_converted",
                    now.minus(Duration.ofDays(1)), trial ? now.plus(Duration.ofDays(6)) : now.minus(Duration.ofHours(1)),
                    trialCap, List.of("publish", "post"), 500_000, now, 0, trialCap * 100L,
                    java.util.Map.of("publish", 100L, "post", 100L), java.util.Map.of()));
        }
        return states;
    }

    /** The approval request {@code index} needs, or {@code null} for a request sent without one. */
    public ApprovalEvent approvalFor(long index, Instant now) {
        if (kindOf(index) == Kind.NO_APPROVAL) {
            return null;
        }
        return new ApprovalEvent(approvalIdOf(index), deliverableOf(index), subscriptionOf(index), "customer",
                ApprovalEvent.Verdict.APPROVED, "reviewer@customer", null, PayloadHash.of(SampleRecords.payload()),
                now, now.plus(Duration.ofDays(7)));
    }

    public ExecutionRequest request(long index) {
        Kind kind = kindOf(index);
        Map<String, Object> payload = SampleRecords.payload();
        if (kind == Kind.PAYLOAD_CHANGED) {
            payload = new LinkedHashMap<>(payload);
            payload.put("text", payload.get("text") + " Edited after approval.");
        }
        return SampleRecords.executionRequest(SampleRecords.idOf(index), deliverableOf(index), subscriptionOf(index),
                kind == Kind.NO_APPROVAL ? null : approvalIdOf(index), payload);
    }

    static String approvalIdOf(long index) {
        return SampleRecords.idOf(APPROVAL_BASE + index);
    }
}
