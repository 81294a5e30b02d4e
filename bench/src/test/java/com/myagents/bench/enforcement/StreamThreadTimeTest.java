package com.myagents.bench.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class StreamThreadTimeTest {

    @Test
    void givesTheThreadsWaitsOverAPhaseAsSharesOfItsDuration() {
        StreamThreadTime before = StreamThreadTime.read(metrics(1e9, 0, 0, 2e9, 10, 99));
        StreamThreadTime after = StreamThreadTime.read(metrics(3e9, 1e9, 0.5e9, 6e9, 110, 5_000));

        String described = after.since(before).describe(Duration.ofSeconds(10), 5_000);

        assertThat(described).isEqualTo("producer flush 20 % · send offsets 10 % · commit transaction 5 % · "
                + "blocked in all 40 % of 10.0 s; 100 commits (50 decisions each)");
    }

    @Test
    void countsTheThreadsCommitsNotItsTasksAndSkipsWhatIsNotANumber() {
        Map<MetricName, Metric> metrics = metrics(0, 0, 0, 0, 7, 1_000);
        metrics.put(new MetricName("flush-time-ns-total", "producer-metrics", "", Map.of("client-id", "b")),
                metric(Double.NaN));

        StreamThreadTime time = StreamThreadTime.read(metrics);

        assertThat(time.totals()).containsEntry("commit-total", 7.0).containsEntry("flush-time-ns-total", 0.0);
        assertThat(time.describe(Duration.ofSeconds(1), 0)).endsWith("7 commits (0 decisions each)");
    }

    private static Map<MetricName, Metric> metrics(double flush, double sendOffsets, double commit, double blocked,
                                                   double threadCommits, double taskCommits) {
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        put(metrics, "flush-time-ns-total", "producer-metrics", flush);
        put(metrics, "txn-send-offsets-time-ns-total", "producer-metrics", sendOffsets);
        put(metrics, "txn-commit-time-ns-total", "producer-metrics", commit);
        put(metrics, "blocked-time-ns-total", "stream-thread-metrics", blocked);
        put(metrics, "commit-total", "stream-thread-metrics", threadCommits);
        put(metrics, "commit-total", "stream-task-metrics", taskCommits);
        put(metrics, "process-total", "stream-thread-metrics", 123);
        return metrics;
    }

    private static void put(Map<MetricName, Metric> metrics, String name, String group, double value) {
        metrics.put(new MetricName(name, group, "", Map.of("client-id", "a")), metric(value));
    }

    private static Metric metric(double value) {
        return new Metric() {
            @Override
            public MetricName metricName() {
                return null;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        };
    }
}
