package com.myagents.ingest.deliverables;

import tools.jackson.databind.JsonNode;

/** {@code PUT /api/v1/deliverables/{id}}: a customer's edit of the draft's payload. */
public record EditRequest(JsonNode payload) {
}
