package com.myagents.ingest.hiring;

import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import com.myagents.http.problem.ApiProblem;
import com.myagents.ingest.agenttypes.AgentTypeDefinition;
import com.myagents.ingest.agenttypes.AgentTypeRepository;
import com.myagents.plant.jooq.generated.tables.records.HiredAgentsRecord;
import com.myagents.plant.jooq.generated.tables.records.SubscriptionsRecord;
import com.myagents.plant.status.SubscriptionStatus;

/**
 * The one way features reach a customer's hired instance: not theirs → 404; for writes, the row
 * is locked and a cancelled or ended subscription is refused (409, read-only until its data is purged).
 */
@Component
public class HiredInstances {

    private final HiredAgentRepository agents;
    private final AgentTypeRepository definitions;
    private final Clock clock;

    HiredInstances(HiredAgentRepository agents, AgentTypeRepository definitions, Clock clock) {
        this.clock = clock;
        this.agents = agents;
        this.definitions = definitions;
    }

    public HiredAgentRow forRead(DSLContext tx, UUID customerId, UUID hiredInstanceId) {
        return agents.byInstance(tx, customerId, hiredInstanceId)
                .orElseThrow(() -> ApiProblem.notFound("hired agent " + hiredInstanceId));
    }

    public HiredAgentRow forWrite(DSLContext tx, UUID customerId, UUID hiredInstanceId) {
        return locked(tx, forRead(tx, customerId, hiredInstanceId));
    }

    public HiredAgentRow forWriteBySubscription(DSLContext tx, UUID customerId, UUID subscriptionId) {
        return locked(tx, agents.bySubscription(tx, customerId, subscriptionId)
                .orElseThrow(() -> ApiProblem.notFound("subscription " + subscriptionId)));
    }

    public AgentTypeDefinition pinnedDefinition(HiredAgentsRecord agent) {
        return definitions.find(agent.getAgentTypeId(), agent.getAgentTypeVersion()).orElseThrow();
    }

    /** What a customer can still do with an ended subscription's agent: read it, or hire the agent type again. */
    static final String READ_ONLY_NEXT_STEP = "Its settings, goals and drafts stay readable, but nothing can change. "
            + "To work with this agent again, hire it again from the catalog.";

    private HiredAgentRow locked(DSLContext tx, HiredAgentRow row) {
        tx.selectFrom(HIRED_AGENTS).where(HIRED_AGENTS.HIRED_INSTANCE_ID.eq(row.agent().getHiredInstanceId()))
                .forUpdate().fetchOne();
        if (readOnly(row.subscription(), OffsetDateTime.now(clock))) {
            SubscriptionsRecord s = row.subscription();
            String detail = "This subscription has ended" + (s.getEndedAt() == null ? "" : " (" + s.getEndedAt().toLocalDate() + ")")
                    + "; its agent is read-only" + (s.getRetentionUntil() == null ? "."
                    : " and its data is kept until " + s.getRetentionUntil().toLocalDate() + ", then deleted.");
            throw new ApiProblem(409, "read-only", "This agent is read-only", detail,
                    java.util.Map.of("reason", RunReadiness.SUBSCRIPTION_INACTIVE.code(), "retention_until",
                            String.valueOf(s.getRetentionUntil()), "next_step", READ_ONLY_NEXT_STEP));
        }
        return row;
    }

    /** A cancelled or ended subscription: everything stays readable until its retention ends, nothing changes. */
    static boolean readOnly(SubscriptionsRecord s, OffsetDateTime now) {
        return s.getStatus() != SubscriptionStatus.ACTIVE;
    }
}
