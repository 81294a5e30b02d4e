package com.myagents.bench.enforcement;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Where enforcement's stream thread spent a phase, from Kafka Streams' and its producer's own
 * cumulative metrics read before and after it: waiting on the producer (flushing at commit, sending
 * the consumed offsets, committing the transaction), blocked in total (those and polling), and the
 * transactions committed. It tells a thread that is busy deciding from one that waits for its commits.
 *
 * @param totals metric name → the increase of its cumulative total over the phase (summed over
 *               threads and producers)
 */
record StreamThreadTime(Map<String, Double> totals) {

    /** Cumulative totals this reads: nanoseconds, except the commit count. */
    static final String[] TOTALS = {"flush-time-ns-total", "txn-send-offsets-time-ns-total", "txn-commit-time-ns-total",
            "blocked-time-ns-total", "commit-total"};

    static StreamThreadTime read(Map<MetricName, ? extends Metric> metrics) {
        Map<String, Double> totals = new LinkedHashMap<>();
        for (String name : TOTALS) {
            totals.put(name, 0.0);
        }
        metrics.forEach((metricName, metric) -> {
            if (!totals.containsKey(metricName.name()) || !counts(metricName)) {
                return;
            }
            if (metric.metricValue() instanceof Number value && !Double.isNaN(value.doubleValue())) {
                totals.merge(metricName.name(), value.doubleValue(), Double::sum);
            }
        });
        return new StreamThreadTime(totals);
    }

    /** The thread's commits only (tasks report theirs too), every producer's waits. */
    private static boolean counts(MetricName name) {
        return !name.name().equals("commit-total") || name.group().equals("stream-thread-metrics");
    }

    StreamThreadTime since(StreamThreadTime before) {
        Map<String, Double> delta = new LinkedHashMap<>();
        totals.forEach((name, value) -> delta.put(name, value - before.totals.getOrDefault(name, 0.0)));
        return new StreamThreadTime(delta);
    }

    /** e.g. "flush 12 % · send offsets 3 % · commit 20 % · blocked 40 % of 22.8 s · 1 100 commits (52 decisions each)". */
    String describe(Duration phase, long decisions) {
        double nanos = phase.toNanos();
        double commits = totals.get("commit-total");
        return String.format(Locale.ROOT, "producer flush %.0f %% · send offsets %.0f %% · commit transaction %.0f %% · "
                        + "blocked in all %.0f %% of %.1f s; %,.0f commits (%.0f decisions each)",
                100 * totals.get("flush-time-ns-total") / nanos, 100 * totals.get("txn-send-offsets-time-ns-total") / nanos,
                100 * totals.get("txn-commit-time-ns-total") / nanos, 100 * totals.get("blocked-time-ns-total") / nanos,
                nanos / 1e9, commits, commits == 0 ? 0 : decisions / commits);
    }
}
