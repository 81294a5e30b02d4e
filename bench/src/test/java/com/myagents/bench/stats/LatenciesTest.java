package com.myagents.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOfTheSamples() {
        Latencies latencies = new Latencies();
        // 1..1000 ms, recorded in reverse order
        IntStream.rangeClosed(1, 1000).map(i -> 1001 - i).forEach(ms -> latencies.record(ms * 1_000_000L));

        LatencySummary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isEqualTo(500_000_000L);
        assertThat(summary.p90()).isEqualTo(900_000_000L);
        assertThat(summary.p99()).isEqualTo(990_000_000L);
        assertThat(summary.p999()).isEqualTo(999_000_000L);
        assertThat(summary.max()).isEqualTo(1_000_000_000L);
        assertThat(summary.mean()).isEqualTo(500_500_000L);
    }

    @Test
    void aSingleSampleIsEveryPercentileAndNegativeClockSkewCountsAsZero() {
        Latencies latencies = new Latencies();
        latencies.record(-5);

        assertThat(latencies.summary()).isEqualTo(new LatencySummary(1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void nothingRecordedSaysSo() {
        assertThat(new Latencies().summary()).isEqualTo(LatencySummary.EMPTY);
        assertThat(LatencySummary.EMPTY.describe()).isEqualTo("no samples");
    }

    @Test
    void describesInMillisecondsWithTheSampleCount() {
        LatencySummary summary = LatencySummary.of(new long[] {1_230_000, 45_600_000, 78_900_000});

        assertThat(summary.describe()).isEqualTo("p50 45.6 ms · p90 78.9 ms · p99 78.9 ms · p99.9 78.9 ms · max 78.9 ms (n=3)");
        assertThat(LatencySummary.millis(1_230_000)).isEqualTo("1.23 ms");
    }

    @Test
    void growsPastItsFirstArrayUnderConcurrentRecording() throws InterruptedException {
        Latencies latencies = new Latencies();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> IntStream.range(0, 5_000).forEach(latencies::record));
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(latencies.count()).isEqualTo(20_000);
        assertThat(latencies.summary().max()).isEqualTo(4_999);
    }

    @Test
    void throughputIsPerSecondAndAsAShareOfTheCeiling() {
        Throughput pipeline = new Throughput(30_000, Duration.ofSeconds(2));
        Throughput ceiling = new Throughput(120_000, Duration.ofSeconds(2));

        assertThat(pipeline.perSecond()).isEqualTo(15_000);
        assertThat(pipeline.ratioTo(ceiling)).isEqualTo(0.25);
        assertThat(pipeline.ratioTo(new Throughput(0, Duration.ZERO))).isZero();
        assertThat(pipeline.describe()).isEqualTo("15,000/s (30,000 in 2.00 s)");
    }
}
