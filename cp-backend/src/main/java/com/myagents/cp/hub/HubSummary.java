package com.myagents.cp.hub;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.myagents.cp.auth.CustomerView;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/cp/my-agents/summary}: who is signed in, every hired agent of theirs with the flags
 * Plant computed, and which one the hub opens first.
 */
public record HubSummary(CustomerView customer, List<InstanceSummary> instances, String selected) {

    static final String TRIAL_ACTIVE = "active";
    static final String TRIAL_NOT_STARTED = "not_started";

    /** Built from ingest-api's {@code {"instances":[...]}}; fields it does not send stay null or zero. */
    static HubSummary of(CustomerView customer, JsonNode plantSummary, Instant now) {
        return of(customer, plantSummary, now, null);
    }

    /** {@code lastOpened}: the instance the customer opened last; selected when it is still theirs. */
    static HubSummary of(CustomerView customer, JsonNode plantSummary, Instant now, String lastOpened) {
        List<InstanceSummary> instances = new ArrayList<>();
        for (JsonNode instance : plantSummary.path("instances")) {
            instances.add(instance(instance, now));
        }
        String selected = instances.stream().map(InstanceSummary::hiredInstanceId).filter(id -> id.equals(lastOpened))
                .findFirst().orElse(instances.isEmpty() ? null : instances.get(0).hiredInstanceId());
        return new HubSummary(customer, List.copyOf(instances), selected);
    }

    private static InstanceSummary instance(JsonNode plant, Instant now) {
        String trialStatus = text(plant, "trial_status");
        String trialEndAt = text(plant, "trial_end_at");
        return new InstanceSummary(text(plant, "subscription_id"), text(plant, "hired_instance_id"),
                text(plant, "nickname"), text(plant, "agent_type_id"), text(plant, "agent_type_version"),
                plant.path("configured").asBoolean(false), plant.path("goals_completed").asBoolean(false),
                plant.path("goals_count").asInt(0), trialStatus, text(plant, "trial_start_at"), trialEndAt,
                trialDaysLeft(trialStatus, trialEndAt, now), text(plant, "subscription_status"),
                text(plant, "retention_until"), plant.path("read_only").asBoolean(false),
                plant.path("drafts_pending_review").asInt(0), text(plant, "plan"),
                plant.path("budget_minor_per_month").isNumber() ? plant.path("budget_minor_per_month").asLong() : null,
                plant.path("max_budget_minor_per_month").asLong(0), text(plant, "currency"),
                plant.path("month_spend_minor").asLong(0), text(plant, "ended_at"),
                plant.path("approval_ttl_hours").asInt(0), plant.path("retention_days").asInt(0));
    }

    /**
     * Whole days left in an active trial, rounded up (a trial ending in five hours has one day left);
     * 0 once it has ended; null before it starts or when Plant gave no end.
     */
    static Integer trialDaysLeft(String trialStatus, String trialEndAt, Instant now) {
        if (trialStatus == null || TRIAL_NOT_STARTED.equals(trialStatus)) {
            return null;
        }
        if (!TRIAL_ACTIVE.equals(trialStatus)) {
            return 0;
        }
        if (trialEndAt == null) {
            return null;
        }
        try {
            Duration left = Duration.between(now, OffsetDateTime.parse(trialEndAt).toInstant());
            if (left.isNegative() || left.isZero()) {
                return 0;
            }
            long days = left.toDays();
            return (int) (left.equals(Duration.ofDays(days)) ? days : days + 1);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
