package com.myagents.bench.stats;

import java.util.Arrays;

/**
 * Every latency of a run, kept exactly (a run records at most a few hundred thousand), so the
 * percentiles are the nearest-rank ones of the samples and not of a histogram's buckets.
 * Thread-safe: HTTP completions and consumer threads record concurrently.
 */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    public synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = Math.max(0, nanos);
    }

    public synchronized int count() {
        return count;
    }

    public synchronized LatencySummary summary() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return LatencySummary.of(sorted);
    }
}
