package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.CUSTOMER_DIRECTORY;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;

import com.myagents.contracts.serde.EventJson;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;
import com.myagents.ingest.agenttypes.AgentTypeDefinition;
import com.myagents.ingest.agenttypes.AgentTypeRepository;
import com.myagents.ingest.config.ConfigRules;

/**
 * Which configured hired agents of an agent type would stop being configured on a candidate
 * version. It asks the very rules Plant computes {@code configured} with (the candidate's JSON
 * Schema plus its extra rules) about every instance's stored config, whatever version it pins.
 */
@Service
public class ImpactAnalysis {

    public record AffectedInstance(String hiredInstanceId, String subscriptionId, String customerId,
                                   String customerEmail, String customerName, String pinnedVersion, String subscriptionStatus,
                                   List<Violation> violations) {
    }

    public record Impact(String agentTypeId, String version, int instancesChecked,
                         List<AffectedInstance> affectedInstances) {
    }

    private final DSLContext db;
    private final AgentTypeRepository definitions;
    private final ConfigRules rules;

    public ImpactAnalysis(DSLContext db, AgentTypeRepository definitions, ConfigRules rules) {
        this.db = db;
        this.definitions = definitions;
        this.rules = rules;
    }

    public Impact of(String agentTypeId, String version) {
        AgentTypeDefinition candidate = definitions.find(agentTypeId, version)
                .orElseThrow(() -> ApiProblem.notFound("agent type " + agentTypeId + " " + version));
        List<? extends Record> configured = db.select(HIRED_AGENTS.HIRED_INSTANCE_ID, HIRED_AGENTS.SUBSCRIPTION_ID,
                        HIRED_AGENTS.CUSTOMER_ID, CUSTOMER_DIRECTORY.EMAIL, CUSTOMER_DIRECTORY.DISPLAY_NAME,
                        HIRED_AGENTS.AGENT_TYPE_VERSION,
                        HIRED_AGENTS.CONFIG, SUBSCRIPTIONS.STATUS)
                .from(HIRED_AGENTS)
                .join(SUBSCRIPTIONS).on(SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(HIRED_AGENTS.SUBSCRIPTION_ID))
                .leftJoin(CUSTOMER_DIRECTORY).on(CUSTOMER_DIRECTORY.CUSTOMER_ID.eq(HIRED_AGENTS.CUSTOMER_ID))
                .where(HIRED_AGENTS.AGENT_TYPE_ID.eq(agentTypeId))
                .and(HIRED_AGENTS.CONFIGURED.isTrue())
                .orderBy(HIRED_AGENTS.CREATED_AT, HIRED_AGENTS.HIRED_INSTANCE_ID)
                .fetch();
        List<AffectedInstance> affected = new ArrayList<>();
        for (Record instance : configured) {
            List<Violation> violations = violations(candidate, instance);
            if (!violations.isEmpty()) {
                affected.add(new AffectedInstance(instance.get(HIRED_AGENTS.HIRED_INSTANCE_ID).toString(),
                        instance.get(HIRED_AGENTS.SUBSCRIPTION_ID).toString(),
                        instance.get(HIRED_AGENTS.CUSTOMER_ID).toString(), instance.get(CUSTOMER_DIRECTORY.EMAIL),
                        instance.get(CUSTOMER_DIRECTORY.DISPLAY_NAME),
                        instance.get(HIRED_AGENTS.AGENT_TYPE_VERSION), instance.get(SUBSCRIPTIONS.STATUS).literal(), violations));
            }
        }
        return new Impact(agentTypeId, version, configured.size(), affected);
    }

    private List<Violation> violations(AgentTypeDefinition candidate, Record instance) {
        try {
            return rules.check(candidate, EventJson.MAPPER.readTree(instance.get(HIRED_AGENTS.CONFIG).data())).stream()
                    .map(ConfigRules.Finding::violation).toList();
        } catch (RuntimeException unusable) {
            throw new ApiProblem(422, "candidate-unusable", "Unprocessable Content", "agent type "
                    + candidate.agentTypeId() + " " + candidate.version()
                    + " cannot check configs: its config_schema does not compile", java.util.Map.of());
        }
    }
}
