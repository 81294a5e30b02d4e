package com.myagents.ingest.audit;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

/** One denial as auditors read it: the reason code, its detail and the inputs that decided it. */
public record DenialView(String denialId, String correlationId, String subscriptionId, String customerId,
                         String deliverableId, String action, String reason, String detail, JsonNode inputs,
                         String policyVersion, OffsetDateTime deniedAt, String customerName)
        implements CustomerNamed<DenialView> {

    /** This denial with the customer's display name beside the id (operators read names, not UUIDs). */
    @Override
    public DenialView named(String name) {
        return new DenialView(denialId, correlationId, subscriptionId, customerId, deliverableId, action, reason, detail,
                inputs, policyVersion, deniedAt, name);
    }
}
