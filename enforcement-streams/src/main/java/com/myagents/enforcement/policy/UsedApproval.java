package com.myagents.enforcement.policy;

import java.time.Instant;

/**
 * An approval an allowed request has consumed. Kept until well after the approval expires; from
 * then on {@code approval_expired} denies a reuse before this record is needed.
 */
public record UsedApproval(String approvalId, String correlationId, String decisionId, Instant usedAt,
        Instant expiresAt) {
}
