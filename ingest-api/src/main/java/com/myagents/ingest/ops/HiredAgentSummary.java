package com.myagents.ingest.ops;

import java.time.OffsetDateTime;

/** One hired agent in an operator's search result: who, what, and the flags support asks about first. */
public record HiredAgentSummary(
        String hiredInstanceId,
        String subscriptionId,
        String customerId,
        String customerEmail,
        /** The customer's display name as their identity last said it; null until then. */
        String customerName,
        String agentTypeId,
        String agentTypeVersion,
        String nickname,
        boolean configured,
        String subscriptionStatus,
        String trialStatus,
        OffsetDateTime trialEndAt,
        int goalsCount,
        int draftsPendingReview,
        OffsetDateTime createdAt) {
}
