package com.myagents.ingest.hiring;

import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

import com.myagents.contracts.serde.EventJson;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;
import com.myagents.ingest.agenttypes.AgentTypeDefinition;
import com.myagents.ingest.agenttypes.AgentTypeRepository;
import com.myagents.ingest.config.ConfigRules;
import com.myagents.ingest.config.SecretScanner;
import com.myagents.ingest.identity.Ids;
import com.myagents.plant.jooq.generated.tables.records.HiredAgentsRecord;
import com.myagents.plant.jooq.generated.tables.records.SubscriptionsRecord;
import com.myagents.plant.state.PlantStateEvents;
import com.myagents.plant.status.SubscriptionStatus;
import com.myagents.plant.status.TrialStatus;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Hiring, configuring and finalizing agent instances. Readiness ({@code configured}) is computed
 * here from the pinned definition, never taken from the client; every change publishes the
 * instance and subscription state through the outbox in the same transaction.
 */
@Service
public class HiringService {

    static final String TRIAL_ALREADY_USED = "trial_already_used";
    static final String TRIAL_ALREADY_USED_NEXT_STEP =
            "Subscribe to a paid plan to start this agent: the free trial is one per customer and agent type.";

    private final InstanceWrites writes;
    private final HiredAgentRepository agents;
    private final AgentTypeRepository definitions;
    private final ConfigRules rules;
    private final PlantStateEvents events;

    HiringService(InstanceWrites writes, HiredAgentRepository agents, AgentTypeRepository definitions, ConfigRules rules,
                  PlantStateEvents events) {
        this.writes = writes;
        this.agents = agents;
        this.definitions = definitions;
        this.rules = rules;
        this.events = events;
    }

    public SubscriptionView hire(UUID customerId, HireRequest request) {
        AgentTypeDefinition definition = definitions.latestPublished(request.agentTypeId())
                .orElseThrow(() -> ApiProblem.badRequest("agent_type_id", "no published agent type " + request.agentTypeId()));
        OffsetDateTime now = writes.now();
        UUID subscriptionId = UUID.randomUUID();
        UUID hiredInstanceId = UUID.randomUUID();
        writes.db().transaction(tx -> {
            DSLContext t = DSL.using(tx);
            // two hires of one type at once must not both see "no trial yet": serialize them
            lockTrialDecision(t, customerId, definition.agentTypeId());
            SubscriptionsRecord subscription = t.newRecord(SUBSCRIPTIONS);
            subscription.setSubscriptionId(subscriptionId);
            subscription.setCustomerId(customerId);
            subscription.setAgentTypeId(definition.agentTypeId());
            subscription.setStatus(SubscriptionStatus.ACTIVE);
            subscription.setPeriodStart(now);
            // One trial per customer and agent type: a second hire runs only once paid.
            subscription.setTrialStatus(trialTaken(t, customerId, definition.agentTypeId()) ? TrialStatus.NOT_ELIGIBLE : TrialStatus.NOT_STARTED);
            subscription.setCreatedAt(now);
            subscription.store();
            HiredAgentsRecord agent = t.newRecord(HIRED_AGENTS);
            agent.setHiredInstanceId(hiredInstanceId);
            agent.setSubscriptionId(subscriptionId);
            agent.setCustomerId(customerId);
            agent.setAgentTypeId(definition.agentTypeId());
            agent.setAgentTypeVersion(definition.version());
            agent.setNickname(request.nickname() != null ? request.nickname() : definition.displayName());
            agent.setConfig(JSONB.valueOf("{}"));
            List<Violation> violations = findings(definition, EventJson.MAPPER.createObjectNode());
            agent.setConfigured(violations.isEmpty());
            agent.setConfigViolations(jsonb(violations));
            agent.setCreatedAt(now);
            agent.setUpdatedAt(now);
            agent.store();
            events.publish(t, agent, subscription, definition.enforcementDefaults());
        });
        return subscriptions(customerId).stream().filter(s -> s.subscriptionId().equals(subscriptionId.toString()))
                .findFirst().orElseThrow();
    }

    public List<SubscriptionView> subscriptions(UUID customerId) {
        return agents.all(customerId).stream().map(HiringService::subscriptionView).toList();
    }

    public List<HiredAgentView> summary(UUID customerId) {
        return agents.all(customerId).stream().map(this::view).toList();
    }

    public HiredAgentView byInstance(UUID customerId, UUID hiredInstanceId) {
        return view(writes.instances().forRead(writes.db(), customerId, hiredInstanceId));
    }

    public HiredAgentView bySubscription(UUID customerId, UUID subscriptionId) {
        return view(agents.bySubscription(writes.db(), customerId, subscriptionId)
                .orElseThrow(() -> ApiProblem.notFound("subscription " + subscriptionId)));
    }

    public HiredAgentView saveDraft(UUID customerId, DraftConfigRequest request) {
        UUID subscriptionId = Ids.uuid("subscription_id", request.subscriptionId());
        JsonNode config = request.config();
        List<Violation> secrets = SecretScanner.findSecrets(config).stream()
                .map(v -> new Violation("/config" + v.pointer(), v.message())).toList();
        if (!secrets.isEmpty()) {
            throw ApiProblem.badRequest(secrets);
        }
        return writes.db().transactionResult(tx -> {
            DSLContext t = DSL.using(tx);
            HiredAgentRow row = writes.instances().forWriteBySubscription(t, customerId, subscriptionId);
            AgentTypeDefinition definition = writes.instances().pinnedDefinition(row.agent());
            List<ConfigRules.Finding> findings = rules.check(definition, config);
            List<Violation> wrong = findings.stream().filter(f -> !f.missing())
                    .map(f -> new Violation("/config" + f.pointer(), f.message())).toList();
            if (!wrong.isEmpty()) {
                throw ApiProblem.badRequest(wrong);
            }
            HiredAgentsRecord agent = row.agent();
            agent.attach(tx);
            agent.setConfig(JSONB.valueOf(EventJson.MAPPER.writeValueAsString(config)));
            String nickname = config.path("nickname").asString(null);
            agent.setNickname(nickname != null ? nickname : request.nickname() != null ? request.nickname() : agent.getNickname());
            agent.setConfigured(findings.isEmpty());
            agent.setConfigViolations(jsonb(findings.stream().map(ConfigRules.Finding::violation).toList()));
            agent.setUpdatedAt(writes.now());
            agent.store();
            events.publish(t, agent, row.subscription(), definition.enforcementDefaults());
            return view(agents.bySubscription(t, customerId, subscriptionId).orElseThrow());
        });
    }

    /** Starts the trial once the instance is configured and has at least one goal. */
    public HiredAgentView finalizeInstance(UUID customerId, UUID hiredInstanceId) {
        return changeInstance(customerId, hiredInstanceId, (t, row) -> {
            HiredAgentsRecord agent = row.agent();
            if (!Boolean.TRUE.equals(agent.getConfigured())) {
                throw new ApiProblem(409, "not-configured", "Conflict",
                        "the configuration is not complete", java.util.Map.of("errors", violations(agent)));
            }
            if (row.goals() == 0) {
                throw new ApiProblem(409, "no-goals", "Conflict", "add at least one goal before finalizing",
                        java.util.Map.of("errors", List.of(new Violation("/goals", "at least one goal is required"))));
            }
            AgentTypeDefinition definition = writes.instances().pinnedDefinition(agent);
            OffsetDateTime now = writes.now();
            SubscriptionsRecord subscription = row.subscription();
            subscription.attach(t.configuration());
            // eligibility is decided at hire (not_eligible then); a not_started subscription starts its trial here,
            // unless another one of the same type started a trial first (hired before the rule closed that gap)
            if (subscription.getTrialStatus() == TrialStatus.NOT_STARTED
                    && trialStartedElsewhere(t, customerId, subscription.getAgentTypeId(), subscription.getSubscriptionId())) {
                throw ApiProblem.conflict("The free trial of this agent type already ran on another of your agents.")
                        .with("reason", TRIAL_ALREADY_USED).with("next_step", TRIAL_ALREADY_USED_NEXT_STEP);
            }
            if (subscription.getTrialStatus() == TrialStatus.NOT_STARTED) {
                subscription.setTrialStatus(TrialStatus.ACTIVE);
                subscription.setTrialStartAt(now);
                subscription.setTrialEndAt(now.plusDays(definition.trialDays()));
                subscription.store();
            }
            agent.attach(t.configuration());
            if (agent.getFinalizedAt() == null) {
                agent.setFinalizedAt(now);
            }
            agent.setUpdatedAt(now);
            agent.store();
            events.publish(t, agent, subscription, definition.enforcementDefaults());
        });
    }

    /** Moves the instance to the latest published version of its agent type and recomputes readiness. */
    public HiredAgentView upgrade(UUID customerId, UUID hiredInstanceId) {
        return changeInstance(customerId, hiredInstanceId, (t, row) -> {
            HiredAgentsRecord agent = row.agent();
            AgentTypeDefinition latest = definitions.latestPublished(agent.getAgentTypeId()).orElseThrow();
            JsonNode config = EventJson.MAPPER.readTree(agent.getConfig().data());
            List<Violation> violations = findings(latest, config);
            agent.attach(t.configuration());
            agent.setAgentTypeVersion(latest.version());
            agent.setConfigured(violations.isEmpty());
            agent.setConfigViolations(jsonb(violations));
            agent.setUpdatedAt(writes.now());
            agent.store();
            events.publish(t, agent, row.subscription(), latest.enforcementDefaults());
        });
    }

    /** One change to a customer's instance, locked, in one transaction; answers the instance as it then is. */
    private HiredAgentView changeInstance(UUID customerId, UUID hiredInstanceId, BiConsumer<DSLContext, HiredAgentRow> change) {
        return writes.db().transactionResult(tx -> {
            DSLContext t = DSL.using(tx);
            change.accept(t, writes.instances().forWrite(t, customerId, hiredInstanceId));
            return view(agents.byInstance(t, customerId, hiredInstanceId).orElseThrow());
        });
    }

    /**
     * True when this customer may not get a trial of this agent type: one of their subscriptions to
     * it has started a trial (whatever became of it), or one is still active (its trial not started
     * yet, running, or paid). A subscription cancelled before its trial ever started does not count:
     * that trial was never used and can no longer start.
     */
    private static boolean trialTaken(DSLContext tx, UUID customerId, String agentTypeId) {
        return tx.fetchExists(SUBSCRIPTIONS, SUBSCRIPTIONS.CUSTOMER_ID.eq(customerId)
                .and(SUBSCRIPTIONS.AGENT_TYPE_ID.eq(agentTypeId))
                .and(SUBSCRIPTIONS.TRIAL_START_AT.isNotNull().or(SUBSCRIPTIONS.STATUS.eq(SubscriptionStatus.ACTIVE))));
    }

    /** True when another subscription of this customer to this agent type has started its trial. */
    private static boolean trialStartedElsewhere(DSLContext tx, UUID customerId, String agentTypeId, UUID subscriptionId) {
        return tx.fetchExists(SUBSCRIPTIONS, SUBSCRIPTIONS.CUSTOMER_ID.eq(customerId)
                .and(SUBSCRIPTIONS.AGENT_TYPE_ID.eq(agentTypeId))
                .and(SUBSCRIPTIONS.SUBSCRIPTION_ID.ne(subscriptionId))
                .and(SUBSCRIPTIONS.TRIAL_START_AT.isNotNull()));
    }

    /** A transaction-scoped lock per customer and agent type, so that trial eligibility is decided one hire at a time. */
    private static void lockTrialDecision(DSLContext tx, UUID customerId, String agentTypeId) {
        long key = customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits() ^ agentTypeId.hashCode();
        tx.fetch("select pg_advisory_xact_lock(?)", key);
    }

    private List<Violation> findings(AgentTypeDefinition definition, JsonNode config) {
        return rules.check(definition, config).stream().map(ConfigRules.Finding::violation).toList();
    }

    private HiredAgentView view(HiredAgentRow row) {
        HiredAgentsRecord a = row.agent();
        SubscriptionsRecord s = row.subscription();
        JsonNode terms = writes.instances().pinnedDefinition(a).enforcementDefaults();
        return new HiredAgentView(a.getHiredInstanceId().toString(), s.getSubscriptionId().toString(),
                a.getAgentTypeId(), a.getAgentTypeVersion(), a.getNickname(), EventJson.MAPPER.readTree(a.getConfig().data()),
                Boolean.TRUE.equals(a.getConfigured()), violations(a), row.goals(), row.goals() > 0, a.getFinalizedAt(),
                s.getStatus().literal(), s.getTrialStatus().literal(), s.getTrialStartAt(), s.getTrialEndAt(), s.getRetentionUntil(),
                HiredInstances.readOnly(s, writes.now()), row.draftsPendingReview(),
                HiredAgentView.planOf(s.getTrialStatus()), s.getBudgetMinorPerMonth(),
                terms.path("budget_minor_per_month").asLong(0), terms.path("currency").asString("INR"),
                MonthSpend.of(writes.db(), s.getSubscriptionId(), a.getHiredInstanceId(), writes.now()),
                s.getEndedAt(), terms.path("approval_ttl_hours").asInt(0), terms.path("retention_days").asInt(30));
    }

    private static SubscriptionView subscriptionView(HiredAgentRow row) {
        SubscriptionsRecord s = row.subscription();
        return new SubscriptionView(s.getSubscriptionId().toString(), s.getCustomerId().toString(), s.getAgentTypeId(),
                s.getStatus().literal(), s.getPeriodStart(), s.getPeriodEnd(), s.getEndedAt(), s.getRetentionUntil(),
                s.getTrialStatus().literal(), s.getTrialStartAt(), s.getTrialEndAt(),
                row.agent().getHiredInstanceId().toString(), s.getCreatedAt());
    }

    private static List<Violation> violations(HiredAgentsRecord agent) {
        return EventJson.MAPPER.readValue(agent.getConfigViolations().data(), new TypeReference<List<Violation>>() { });
    }

    private static JSONB jsonb(List<Violation> violations) {
        return JSONB.valueOf(EventJson.MAPPER.writeValueAsString(violations));
    }
}
