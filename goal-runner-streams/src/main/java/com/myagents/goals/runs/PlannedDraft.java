package com.myagents.goals.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One draft a planner wants: its position in the run (which fixes its deliverable id), its kind,
 * payload, the external actions it proposes, and when it is suggested to go out.
 */
public record PlannedDraft(int index, String kind, Map<String, Object> payload, List<String> proposedActions,
        Instant suggestedFor) {

    public PlannedDraft {
        payload = CanonicalJson.sorted(payload);
        proposedActions = List.copyOf(proposedActions);
    }
}
