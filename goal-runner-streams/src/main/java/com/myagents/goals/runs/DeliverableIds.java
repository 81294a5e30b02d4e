package com.myagents.goals.runs;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deliverable ids are name-based UUIDs of the run id and the draft's index in the run, so a
 * reprocessed or retried run yields the same ids and plant-store upserts instead of duplicating.
 */
public final class DeliverableIds {

    private DeliverableIds() {
    }

    public static String of(String runId, int index) {
        return UUID.nameUUIDFromBytes((runId + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A Delta {@code client_order_id} (at most 32 characters): the deliverable id without dashes. */
    public static String clientOrderId(String deliverableId) {
        return deliverableId.replace("-", "");
    }
}
