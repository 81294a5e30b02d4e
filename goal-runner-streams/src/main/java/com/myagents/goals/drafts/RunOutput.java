package com.myagents.goals.drafts;

import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.goals.runs.GoalRun;

/**
 * What a run yields: drafts ready for the drafts topic, or a guardrail report that first needs the
 * subscription's recorded attempts (kept elsewhere, keyed by subscription).
 */
public sealed interface RunOutput permits RunOutput.Drafted, RunOutput.GuardrailReportDue {

    record Drafted(DeliverableDraft draft) implements RunOutput {
    }

    record GuardrailReportDue(GoalRun run) implements RunOutput {
    }
}
