package com.myagents.ingest.hiring;

import com.myagents.ingest.validation.JsonObject;

import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/** {@code PUT /api/v1/hired-agents/draft}: the whole config of the caller's subscription. */
public record DraftConfigRequest(
        @NotNull(message = "is required") String subscriptionId,
        String nickname,
        @NotNull(message = "must be a JSON object") @JsonObject JsonNode config) {
}
