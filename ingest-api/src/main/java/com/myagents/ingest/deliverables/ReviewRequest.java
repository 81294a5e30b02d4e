package com.myagents.ingest.deliverables;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code POST /api/v1/deliverables/{id}/review}; the approval_id is minted by Plant, never sent. */
public record ReviewRequest(String decision, String notes, OffsetDateTime scheduledFor) {

    /** {@code POST /api/v1/deliverables/review-batch}: the same decision for each, one approval each. */
    public record Batch(List<String> deliverableIds, String decision, String notes) {
    }
}
