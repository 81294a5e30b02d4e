package com.myagents.goals.runs;

import java.util.List;

import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.deliverables.PayloadHash;

/** Turns planned drafts into deliverable drafts with their stable ids and payload hashes. */
public final class DraftAssembler {

    private DraftAssembler() {
    }

    /**
     * Every field comes from the run, none from the clock: {@code created_at} is the run's due time,
     * so reprocessing a run yields byte-identical drafts.
     */
    public static List<DeliverableDraft> assemble(GoalRun run, List<PlannedDraft> planned) {
        return planned.stream().map(draft -> new DeliverableDraft(
                DeliverableIds.of(run.runId(), draft.index()),
                run.runId(),
                run.goal().goalInstanceId(),
                run.goal().goalTemplateId(),
                run.agent().hiredInstanceId(),
                run.agent().subscriptionId(),
                run.agent().customerId(),
                draft.kind(),
                draft.payload(),
                draft.proposedActions(),
                PayloadHash.of(draft.payload()),
                draft.suggestedFor(),
                run.dueAt())).toList();
    }
}
