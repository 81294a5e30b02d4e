package com.myagents.enforcement.policy;

import static com.myagents.contracts.execution.ReasonCode.APPROVAL_EXPIRED;

import java.time.Duration;
import java.time.Instant;

import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * An approval lives no longer than the pinned definition's {@code approval_ttl_hours} (trading 1 h,
 * marketing 72 h), whatever expiry the approval itself carries: the definition is the promise
 * the customer was shown, so enforcement holds every approval to it.
 */
final class ApprovalLifetime {

    private ApprovalLifetime() {
    }

    /** Records {@code approval_within_lifetime}; null when the approval is still within it. */
    static Verdict.Denied check(CheckTrail trail, SubscriptionState subscription, Instant decidedAt, Instant now) {
        int hours = subscription.approvalTtlHours();
        trail.input("approval_ttl_hours", hours);
        if (hours <= 0 || decidedAt == null) {
            trail.pass("approval_within_lifetime", hours <= 0 ? "the definition sets no lifetime"
                    : "the approval's time is not known; its own expiry applies");
            return null;
        }
        Instant end = decidedAt.plus(Duration.ofHours(hours));
        if (!now.isBefore(end)) {
            return trail.fail("approval_within_lifetime", APPROVAL_EXPIRED, "approved at " + decidedAt
                    + ", and approvals of this agent live " + hours + " h (until " + end + ")");
        }
        trail.pass("approval_within_lifetime", "within " + hours + " h of " + decidedAt);
        return null;
    }
}
