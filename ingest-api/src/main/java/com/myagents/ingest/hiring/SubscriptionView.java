package com.myagents.ingest.hiring;

import java.time.OffsetDateTime;

public record SubscriptionView(
        String subscriptionId,
        String customerId,
        String agentTypeId,
        String status,
        OffsetDateTime periodStart,
        OffsetDateTime periodEnd,
        OffsetDateTime endedAt,
        OffsetDateTime retentionUntil,
        String trialStatus,
        OffsetDateTime trialStartAt,
        OffsetDateTime trialEndAt,
        String hiredInstanceId,
        OffsetDateTime createdAt) {
}
