package com.myagents.ingest.hiring;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/v1/subscriptions}: hire the latest published version of an agent type. */
public record HireRequest(@NotBlank(message = "is required") String agentTypeId, String nickname) {
}
