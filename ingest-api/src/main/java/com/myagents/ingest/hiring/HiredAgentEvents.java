package com.myagents.ingest.hiring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import com.myagents.contracts.Topics;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.serde.EventJson;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.ingest.agenttypes.AgentTypeDefinition;
import com.myagents.plant.jooq.generated.tables.records.HiredAgentsRecord;
import com.myagents.plant.jooq.generated.tables.records.SubscriptionsRecord;
import com.myagents.plant.outbox.OutboxWriter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Publishes, through the outbox and inside the caller's transaction, the state the streams need:
 * the hired agent (for goal runs) and the subscription's trial and budget (for enforcement).
 */
@Component
class HiredAgentEvents {

    private final OutboxWriter outbox;

    HiredAgentEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    void changed(DSLContext tx, HiredAgentsRecord agent, SubscriptionsRecord subscription, AgentTypeDefinition definition) {
        String timezone = agent.getConfig() == null ? null
                : EventJson.MAPPER.readTree(agent.getConfig().data()).path("timezone").asString(null);
        Map<String, Object> config = EventJson.MAPPER.readValue(agent.getConfig().data(),
                new TypeReference<Map<String, Object>>() { });
        outbox.append(tx, Topics.HIRED_AGENTS, agent.getHiredInstanceId().toString(), new HiredAgentChange(
                agent.getHiredInstanceId().toString(), subscription.getSubscriptionId().toString(),
                agent.getCustomerId().toString(), agent.getAgentTypeId(), agent.getAgentTypeVersion(),
                agent.getNickname(), timezone, config, Boolean.TRUE.equals(agent.getConfigured()),
                subscription.getStatus(), subscription.getTrialStatus(), instant(subscription.getTrialEndAt()),
                Instant.now()));
        JsonNode defaults = definition.enforcementDefaults();
        List<String> trialActions = EventJson.MAPPER.convertValue(defaults.path("trial_allowed_actions"),
                new TypeReference<List<String>>() { });
        outbox.append(tx, Topics.SUBSCRIPTIONS, subscription.getSubscriptionId().toString(), new SubscriptionState(
                subscription.getSubscriptionId().toString(), subscription.getCustomerId().toString(),
                subscription.getAgentTypeId(), subscription.getStatus(), subscription.getTrialStatus(),
                instant(subscription.getTrialStartAt()), instant(subscription.getTrialEndAt()),
                defaults.path("trial_caps").path("actions_per_day").asInt(0),
                trialActions == null ? List.of() : trialActions,
                defaults.path("budget_minor_per_month").asLong(0), Instant.now()));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
