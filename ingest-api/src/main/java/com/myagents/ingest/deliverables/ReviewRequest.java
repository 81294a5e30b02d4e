package com.myagents.ingest.deliverables;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/deliverables/{id}/review}; the approval_id is minted by Plant, never sent. */
public record ReviewRequest(
        @NotNull(message = DECISION) @Pattern(regexp = "approved|rejected", message = DECISION) String decision,
        @Size(max = MAX_NOTES, message = NOTES) String notes,
        OffsetDateTime scheduledFor) {

    static final int MAX_NOTES = 2000;
    static final int MAX_BATCH = 100;
    private static final String DECISION = "must be approved or rejected";
    private static final String NOTES = "must be at most {max} characters";

    /** {@code POST /api/v1/deliverables/review-batch}: the same decision for each, one approval each. */
    public record Batch(
            @NotNull(message = IDS) @Size(min = 1, max = MAX_BATCH, message = IDS) List<String> deliverableIds,
            @NotNull(message = DECISION) @Pattern(regexp = "approved|rejected", message = DECISION) String decision,
            @Size(max = MAX_NOTES, message = NOTES) String notes) {

        private static final String IDS = "must list 1 to " + MAX_BATCH + " deliverables";
    }
}
