package com.myagents.contracts.hiring;

import java.time.Instant;
import java.util.Map;

/**
 * The current state of one hired agent instance, keyed by hired_instance_id on a compacted
 * topic: what goal runs need to draft content (its configuration, refs only, never a secret)
 * and whether it may run at all (configured, subscription active, trial or paid).
 * {@code bannedClaims} is the pinned definition's healthcare guard ({@code content_guard.banned_claims}):
 * claims no generated post may make, checked after generation.
 */
public record HiredAgentChange(
        String hiredInstanceId,
        String subscriptionId,
        String customerId,
        String agentTypeId,
        String agentTypeVersion,
        String nickname,
        String timezone,
        Map<String, Object> config,
        boolean configured,
        String subscriptionStatus,
        String trialStatus,
        Instant trialEndAt,
        Instant changedAt,
        java.util.List<String> bannedClaims) {

    public HiredAgentChange {
        bannedClaims = bannedClaims == null ? java.util.List.of() : java.util.List.copyOf(bannedClaims);
    }

    /** An instance whose definition bans no claims. */
    public HiredAgentChange(String hiredInstanceId, String subscriptionId, String customerId, String agentTypeId,
            String agentTypeVersion, String nickname, String timezone, Map<String, Object> config, boolean configured,
            String subscriptionStatus, String trialStatus, Instant trialEndAt, Instant changedAt) {
        this(hiredInstanceId, subscriptionId, customerId, agentTypeId, agentTypeVersion, nickname, timezone, config,
                configured, subscriptionStatus, trialStatus, trialEndAt, changedAt, java.util.List.of());
    }

    /** Only configured, active, in-trial-or-paid instances run goals. */
    public boolean runnable(Instant now) {
        boolean active = "active".equals(subscriptionStatus);
        boolean paidOrTrial = "active".equals(trialStatus) && (trialEndAt == null || now.isBefore(trialEndAt))
                || "ended_converted".equals(trialStatus);
        return configured && active && paidOrTrial;
    }
}
