package com.myagents.bench.stats;

import java.util.Locale;

/**
 * Percentiles of one set of latencies, in nanoseconds, nearest-rank: p99 is the smallest sample
 * that at least 99 % of the samples do not exceed.
 */
public record LatencySummary(int count, long p50, long p90, long p99, long p999, long max, long mean) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

    /** @param sorted ascending */
    public static LatencySummary of(long[] sorted) {
        if (sorted.length == 0) {
            return EMPTY;
        }
        long sum = 0;
        for (long sample : sorted) {
            sum += sample;
        }
        return new LatencySummary(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                rank(sorted, 99.9), sorted[sorted.length - 1], sum / sorted.length);
    }

    static long rank(long[] sorted, double percentile) {
        // the epsilon keeps 99.9 % of 1000 at rank 999, not 1000 (99.9 / 100 * 1000 = 999.0000000000001)
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length - 1e-9) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** {@code p50 12.3 ms · p99 45.6 ms · p99.9 78.9 ms · max 99.0 ms (n=1000)}. */
    public String describe() {
        if (count == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %s · p90 %s · p99 %s · p99.9 %s · max %s (n=%d)",
                millis(p50), millis(p90), millis(p99), millis(p999), millis(max), count);
    }

    public static String millis(long nanos) {
        double ms = nanos / 1_000_000.0;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
