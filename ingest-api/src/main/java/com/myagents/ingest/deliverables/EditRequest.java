package com.myagents.ingest.deliverables;

import com.myagents.ingest.validation.JsonObject;

import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/** {@code PUT /api/v1/deliverables/{id}}: a customer's edit of the draft's payload. */
public record EditRequest(@NotNull(message = "must be a JSON object") @JsonObject JsonNode payload) {
}
