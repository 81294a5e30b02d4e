package com.myagents.ingest.execution;

import java.util.List;
import java.util.Map;

import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.serde.EventJson;
import com.myagents.plant.jooq.generated.tables.records.ExecutionDecisionsRecord;

import tools.jackson.core.type.TypeReference;

/** A decision as plant-store materialized it, back in its event shape. */
final class StoredDecisions {

    private StoredDecisions() {
    }

    static ExecutionDecision toEvent(ExecutionDecisionsRecord r) {
        List<CheckResult> checks = EventJson.MAPPER.readValue(r.getChecks().data(), new TypeReference<List<CheckResult>>() { });
        Map<String, Object> inputs = EventJson.MAPPER.readValue(r.getInputs().data(), new TypeReference<Map<String, Object>>() { });
        return new ExecutionDecision(r.getDecisionId().toString(), r.getCorrelationId(), r.getDeliverableId(),
                r.getSubscriptionId(), r.getCustomerId(), r.getAction(), r.getApprovalId(),
                Outcome.fromCode(r.getOutcome()), ReasonCode.fromCode(r.getReason()),
                r.getDetail(), checks, inputs, r.getPolicyVersion(), r.getDecidedAt().toInstant(),
                com.myagents.contracts.execution.ExecutionMode.fromCode(r.getExecutionMode()));
    }
}
