package com.myagents.goals.trading;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.myagents.goals.runs.GoalRun;

/**
 * What meets, keyed by subscription_id, where the recent attempts of a subscription are kept: an
 * enforcement decision to remember, or a guardrail report that is due and reads them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = GuardrailInput.DecisionObserved.class, name = "decision_observed"),
        @JsonSubTypes.Type(value = GuardrailInput.ReportDue.class, name = "report_due")})
public sealed interface GuardrailInput permits GuardrailInput.DecisionObserved, GuardrailInput.ReportDue {

    record DecisionObserved(Attempt attempt) implements GuardrailInput {
    }

    record ReportDue(GoalRun run) implements GuardrailInput {
    }
}
