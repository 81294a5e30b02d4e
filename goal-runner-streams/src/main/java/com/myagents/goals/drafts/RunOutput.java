package com.myagents.goals.drafts;

import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunRequestBatch;
import com.myagents.contracts.goals.GoalRunSettlement;
import com.myagents.goals.runs.GoalRun;

/**
 * What a run yields: drafts ready for the drafts topic, a guardrail report that first needs the
 * subscription's recorded attempts (kept elsewhere, keyed by subscription), or, for a run that
 * costs, the question to enforcement whether it may start (nothing is generated before the answer;
 * the runs of a subscription waiting to ask go in one question);
 * or, for a run that cannot run, the record that it was skipped and why.
 */
public sealed interface RunOutput permits RunOutput.Drafted, RunOutput.GuardrailReportDue, RunOutput.MeteringAsked,
        RunOutput.Skipped, RunOutput.Settled {

    record Drafted(DeliverableDraft draft) implements RunOutput {
    }

    record GuardrailReportDue(GoalRun run) implements RunOutput {
    }

    /** Metered runs of one subscription asking enforcement together. */
    record MeteringAsked(GoalRunRequestBatch batch) implements RunOutput {
    }

    record Skipped(GoalRunDecision skip) implements RunOutput {
    }

    /** A metered run generated: what it really cost, to settle the price enforcement charged. */
    record Settled(GoalRunSettlement settlement) implements RunOutput {
    }
}
