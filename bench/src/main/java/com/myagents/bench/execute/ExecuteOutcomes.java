package com.myagents.bench.execute;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.myagents.bench.stats.LatencySummary;
import com.myagents.bench.stats.Latencies;
import com.myagents.contracts.serde.EventJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What the execute calls of a run got back: every answer by kind ({@code 202 allowed},
 * {@code 403 approval_missing}, {@code 202 pending}, {@code 429}, a transport error...), latency
 * from the intended send time of every call that got a decision (or a late 202 pending), overall and
 * per expected outcome, and the errors.
 */
public final class ExecuteOutcomes {

    /** One HTTP answer, reduced to what the benchmark tells apart. */
    public record Answer(int status, String outcome, String reason) {

        public static Answer of(int status, String body) {
            try {
                JsonNode json = body == null || body.isBlank() ? null : EventJson.MAPPER.readTree(body);
                return new Answer(status, json == null ? "" : json.path("outcome").asString(""),
                        json == null ? "" : json.path("reason").asString(""));
            } catch (JacksonException notJson) {
                return new Answer(status, "", "");
            }
        }

        /** A decision came back: 202 allowed, 202 pending (decision late) or 403 with a reason. */
        boolean decided() {
            return status == 202 && "allowed".equals(outcome) || status == 403 && !reason.isEmpty();
        }

        String label() {
            if (status == 202) {
                return "202 " + (outcome.isEmpty() ? "?" : outcome);
            }
            return status + (reason.isEmpty() ? "" : " " + reason);
        }
    }

    private final Latencies all = new Latencies();
    private final Latencies allowedPath = new Latencies();
    private final Latencies deniedPath = new Latencies();
    private final Map<String, Long> answers = new TreeMap<>();
    private long errors;
    private long unexpected;
    private long pending;

    /** @param answer null when the call failed; then {@code error} says why */
    public synchronized void record(boolean expectAllowed, long latencyNanos, Answer answer, Throwable error) {
        if (answer == null) {
            errors++;
            answers.merge("error: " + rootName(error), 1L, Long::sum);
            return;
        }
        answers.merge(answer.label(), 1L, Long::sum);
        boolean late = answer.status() == 202 && "pending".equals(answer.outcome());
        if (!late && !answer.decided()) {
            // no decision in it: an error, kept out of the latencies of answered calls
            errors++;
            return;
        }
        all.record(latencyNanos);
        (expectAllowed ? allowedPath : deniedPath).record(latencyNanos);
        if (late) {
            pending++;
        } else if (expectAllowed != (answer.status() == 202)) {
            unexpected++;
        }
    }

    private static String rootName(Throwable error) {
        Throwable root = error;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "unknown" : root.getClass().getSimpleName();
    }

    public synchronized long calls() {
        return answers.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Calls without a decision: transport errors, refusals, and any status that carries no decision. */
    public synchronized long errors() {
        return errors;
    }

    /** Decided, but not as the mix meant (an approved call denied, or the opposite). */
    public synchronized long unexpected() {
        return unexpected;
    }

    /** 202 pending: the decision took longer than ingest-api waits for it. */
    public synchronized long pending() {
        return pending;
    }

    public synchronized Map<String, Long> answers() {
        return new TreeMap<>(answers);
    }

    public LatencySummary latency() {
        return all.summary();
    }

    public LatencySummary allowedLatency() {
        return allowedPath.summary();
    }

    public LatencySummary deniedLatency() {
        return deniedPath.summary();
    }

    public synchronized String errorRate() {
        long calls = calls();
        return String.format(Locale.ROOT, "%,d of %,d (%.2f %%)", errors, calls, calls == 0 ? 0 : 100.0 * errors / calls);
    }
}
