package com.myagents.ingest.deliverables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.serde.EventJson;
import com.myagents.http.problem.ApiProblem;

import tools.jackson.databind.JsonNode;

/**
 * A trading plan carries its own verdict on its risk checks ({@code plan_status}). Approving a
 * plan that is not ready would hand enforcement an order it must refuse, so Plant refuses the
 * approval first, with the checks that failed. Drafts without a plan_status are not plans.
 */
final class PlanReadiness {

    static final String READY = "ready_for_approval";

    private PlanReadiness() {
    }

    static void requireReady(String payloadJson) {
        if (payloadJson == null) {
            return;
        }
        JsonNode payload = EventJson.MAPPER.readTree(payloadJson);
        JsonNode status = payload.path("plan_status");
        if (!status.isString() || READY.equals(status.asString())) {
            return;
        }
        List<Map<String, String>> failed = new ArrayList<>();
        payload.path("risk_checks").forEach(check -> {
            String result = check.path("result").asString("");
            boolean passed = check.path("passed").asBoolean(false) || "pass".equals(result) || "passed".equals(result)
                    || "skipped".equals(result);
            if (!passed) {
                failed.add(Map.of("check", check.path("check").asString("check"),
                        "detail", check.path("detail").asString("")));
            }
        });
        throw new ApiProblem(409, "plan-not-ready", "This plan failed its risk checks",
                "the plan is " + status.asString() + " and cannot be approved; change the goal's settings and run it again",
                Map.of("reason", ReasonCode.RISK_CHECK_FAILED.code(), "failed_checks", failed));
    }
}
