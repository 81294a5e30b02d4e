package com.myagents.plant.state;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.JSONB;

import com.myagents.contracts.Topics;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.serde.EventJson;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.plant.jooq.generated.tables.records.HiredAgentsRecord;
import com.myagents.plant.jooq.generated.tables.records.SubscriptionsRecord;
import com.myagents.plant.outbox.OutboxWriter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The state the streams keep of Plant's rows, published through the outbox in the caller's
 * transaction: the hired agent (goal runs need its config and readiness) and its subscription
 * (enforcement needs its status, trial window, caps and budget from the pinned definition).
 */
public final class PlantStateEvents {

    private final OutboxWriter outbox;

    public PlantStateEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void publish(DSLContext tx, HiredAgentsRecord agent, SubscriptionsRecord subscription, JsonNode enforcementDefaults) {
        JsonNode config = EventJson.MAPPER.readTree(agent.getConfig().data());
        outbox.append(tx, Topics.HIRED_AGENTS, agent.getHiredInstanceId().toString(), new HiredAgentChange(
                agent.getHiredInstanceId().toString(), subscription.getSubscriptionId().toString(),
                agent.getCustomerId().toString(), agent.getAgentTypeId(), agent.getAgentTypeVersion(),
                agent.getNickname(), config.path("timezone").asString(null),
                EventJson.MAPPER.convertValue(config, new TypeReference<Map<String, Object>>() { }),
                Boolean.TRUE.equals(agent.getConfigured()), subscription.getStatus().literal(), subscription.getTrialStatus().literal(),
                instant(subscription.getTrialEndAt()), Instant.now(),
                texts(enforcementDefaults.path("content_guard").path("banned_claims"))));
        List<String> trialActions = actions(enforcementDefaults.path("trial_allowed_actions"));
        // A paid plan spends what the customer chose, within the definition's ceiling.
        long budget = subscription.getBudgetMinorPerMonth() != null ? subscription.getBudgetMinorPerMonth()
                : enforcementDefaults.path("budget_minor_per_month").asLong(0);
        outbox.append(tx, Topics.SUBSCRIPTIONS, subscription.getSubscriptionId().toString(), new SubscriptionState(
                subscription.getSubscriptionId().toString(), subscription.getCustomerId().toString(),
                subscription.getAgentTypeId(), subscription.getStatus().literal(), subscription.getTrialStatus().literal(),
                instant(subscription.getTrialStartAt()), instant(subscription.getTrialEndAt()),
                enforcementDefaults.path("trial_caps").path("actions_per_day").asInt(0),
                trialActions,
                budget, Instant.now(),
                enforcementDefaults.path("trial_caps").path("goal_runs_per_day").asInt(0),
                enforcementDefaults.path("trial_caps").path("cost_minor_per_day").asLong(0),
                prices(enforcementDefaults.path("action_costs_minor")),
                prices(enforcementDefaults.path("goal_run_costs_minor")),
                actions(enforcementDefaults.path("trial_dry_run_actions")),
                enforcementDefaults.path("approval_ttl_hours").asInt(0)));
    }

    private static List<String> actions(JsonNode list) {
        List<String> actions = list.isArray()
                ? EventJson.MAPPER.convertValue(list, new TypeReference<List<String>>() { }) : null;
        return actions == null ? List.of() : actions;
    }

    private static List<String> texts(JsonNode list) {
        List<String> values = new java.util.ArrayList<>();
        list.forEach(value -> values.add(value.asString("")));
        return values;
    }

    private static Map<String, Long> prices(JsonNode prices) {
        Map<String, Long> values = EventJson.MAPPER.convertValue(prices.isObject() ? prices : EventJson.MAPPER.createObjectNode(),
                new TypeReference<Map<String, Long>>() { });
        return values == null ? Map.of() : values;
    }

    public static JsonNode json(JSONB value) {
        return EventJson.MAPPER.readTree(value == null ? "{}" : value.data());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
