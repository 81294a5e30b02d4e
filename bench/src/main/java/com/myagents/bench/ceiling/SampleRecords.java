package com.myagents.bench.ceiling;

import java.time.Instant;
import java.util.Map;

import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.ExecutionRequest;

/**
 * Records shaped like the pipeline's: an execution request as ingest-api publishes it (ids,
 * action, approval, the payload of a LinkedIn post and its hash), so that the ceiling moves the
 * same number of bytes per record as enforcement reads, and keys as long as a deliverable id.
 */
public final class SampleRecords {

    static final Map<String, Object> PAYLOAD = Map.of("platform", "linkedin",
            "text", "Flu season is here. Book a 10-minute flu shot at our clinic this week: walk-ins welcome, "
                    + "Monday to Saturday. #FluShot #HealthyHabits");

    private SampleRecords() {
    }

    public static ExecutionRequest executionRequest(String correlationId, String deliverableId, String subscriptionId,
            String approvalId, Map<String, Object> payload) {
        return new ExecutionRequest(correlationId, deliverableId, subscriptionId, "00000000-0000-0000-0000-0000000c0001",
                "00000000-0000-0000-0000-00000000b001", "publish", approvalId, PayloadHash.of(payload),
                "00000000-0000-0000-0000-0000000c0001", Instant.now(), payload, java.util.List.of("publish"));
    }

    /** The bytes of a typical execution request, as the contracts serde writes them. */
    public static byte[] typicalExecutionRequest() {
        return Topics.EXECUTION_REQUESTS.valueSerde().serializer().serialize(Topics.EXECUTION_REQUESTS.name(),
                executionRequest(idOf(0), idOf(1), idOf(2), idOf(3), PAYLOAD));
    }

    public static Map<String, Object> payload() {
        return PAYLOAD;
    }

    /** A UUID-shaped id (36 characters, as every key of the pipeline) that carries {@code index}. */
    public static String idOf(long index) {
        if (index < 0 || index > 999_999_999_999L) {
            throw new IllegalArgumentException("index out of range: " + index);
        }
        return String.format("00000000-0000-4000-8000-%012d", index);
    }

    /** The index {@link #idOf} put into an id, or -1 for any other id. */
    public static long indexOf(String id) {
        if (id == null || id.length() != 36 || !id.startsWith("00000000-0000-4000-8000-")) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(24));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
