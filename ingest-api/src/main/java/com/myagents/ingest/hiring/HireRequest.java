package com.myagents.ingest.hiring;

/** {@code POST /api/v1/subscriptions}: hire the latest published version of an agent type. */
public record HireRequest(String agentTypeId, String nickname) {
}
