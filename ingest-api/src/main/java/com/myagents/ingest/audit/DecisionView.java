package com.myagents.ingest.audit;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

/** One enforcement decision, allow or deny, with every check it ran and the inputs it saw. */
public record DecisionView(String decisionId, String correlationId, String deliverableId, String subscriptionId,
                           String customerId, String action, String approvalId, String outcome, String reason,
                           String detail, JsonNode checks, JsonNode inputs, String policyVersion,
                           OffsetDateTime decidedAt, String customerName)
        implements CustomerNamed<DecisionView> {

    /** This decision with the customer's display name beside the id. */
    @Override
    public DecisionView named(String name) {
        return new DecisionView(decisionId, correlationId, deliverableId, subscriptionId, customerId, action, approvalId,
                outcome, reason, detail, checks, inputs, policyVersion, decidedAt, name);
    }
}
