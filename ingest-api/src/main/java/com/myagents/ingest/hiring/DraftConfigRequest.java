package com.myagents.ingest.hiring;

import tools.jackson.databind.JsonNode;

/** {@code PUT /api/v1/hired-agents/draft}: the whole config of the caller's subscription. */
public record DraftConfigRequest(String subscriptionId, String nickname, JsonNode config) {
}
