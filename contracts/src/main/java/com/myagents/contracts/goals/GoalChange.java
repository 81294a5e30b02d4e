package com.myagents.contracts.goals;

import java.time.Instant;
import java.util.Map;

/**
 * The current state of one goal instance, keyed by goal_instance_id; {@code deleted} tombstones
 * it for the scheduler. Carries what the scheduler needs to compute the next due time without
 * a database call: frequency, local time of day, the instance's IANA timezone; whether the
 * instance may run comes from {@link com.myagents.contracts.hiring.HiredAgentChange}.
 */
public record GoalChange(
        String goalInstanceId,
        String goalTemplateId,
        String skillBinding,
        String hiredInstanceId,
        String subscriptionId,
        String customerId,
        String frequency,
        String timeOfDay,
        String timezone,
        Map<String, Object> settings,
        boolean enabled,
        boolean deleted,
        Instant changedAt) {
}
