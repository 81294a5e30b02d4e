package com.myagents.goals.drafts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.myagents.contracts.goals.GoalRunSettlement;
import com.myagents.goals.marketing.CanonicalPost;
import com.myagents.goals.marketing.MarketingPlanner;
import com.myagents.goals.runs.GoalRun;

/** What a run's drafts cost to write: the sum of the generation usage their payloads carry. */
final class RunCosts {

    private RunCosts() {
    }

    static GoalRunSettlement settlement(GoalRun run, List<RunOutput> outputs, Instant now) {
        long cost = 0;
        long prompt = 0;
        long completion = 0;
        String generator = CanonicalPost.TEMPLATE;
        for (RunOutput output : outputs) {
            if (!(output instanceof RunOutput.Drafted drafted) || drafted.draft().payload() == null) {
                continue;
            }
            Map<String, Object> payload = drafted.draft().payload();
            if (payload.get("generator") instanceof String name && !CanonicalPost.TEMPLATE.equals(name)) {
                generator = name;
            }
            if (payload.get(MarketingPlanner.GENERATION_USAGE) instanceof Map<?, ?> usage) {
                cost += number(usage.get("cost_minor"));
                prompt += number(usage.get("prompt_tokens"));
                completion += number(usage.get("completion_tokens"));
            }
        }
        return new GoalRunSettlement(run.trigger().runId(), run.agent().subscriptionId(), run.goal().goalInstanceId(),
                cost, prompt, completion, generator, now);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
