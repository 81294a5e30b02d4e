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

/**
 * The one way features reach a customer's hired instance: not theirs → 404; for writes, the row
 * is locked and an ended subscription past its retention is refused (409, read-only).
 */
@Component
public class HiredInstances {

    private final HiredAgentRepository agents;
    private final AgentTypeRepository definitions;
    private final Clock clock = Clock.systemUTC();

    HiredInstances(HiredAgentRepository agents, AgentTypeRepository definitions) {
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

    HiredAgentRow forWriteBySubscription(DSLContext tx, UUID customerId, UUID subscriptionId) {
        return locked(tx, agents.bySubscription(tx, customerId, subscriptionId)
                .orElseThrow(() -> ApiProblem.notFound("subscription " + subscriptionId)));
    }

    public AgentTypeDefinition pinnedDefinition(HiredAgentsRecord agent) {
        return definitions.find(agent.getAgentTypeId(), agent.getAgentTypeVersion()).orElseThrow();
    }

    private HiredAgentRow locked(DSLContext tx, HiredAgentRow row) {
        tx.selectFrom(HIRED_AGENTS).where(HIRED_AGENTS.HIRED_INSTANCE_ID.eq(row.agent().getHiredInstanceId()))
                .forUpdate().fetchOne();
        if (readOnly(row.subscription(), OffsetDateTime.now(clock))) {
            throw ApiProblem.conflict("subscription " + row.subscription().getSubscriptionId()
                    + " ended and its retention has passed; it is read-only");
        }
        return row;
    }

    static boolean readOnly(SubscriptionsRecord s, OffsetDateTime now) {
        return "ended".equals(s.getStatus()) && s.getRetentionUntil() != null && s.getRetentionUntil().isBefore(now);
    }
}
