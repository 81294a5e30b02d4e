package com.myagents.bench.stats;

import java.time.Duration;
import java.util.Locale;

/** How many things in how long, and the same as a ratio to another (the broker's ceiling). */
public record Throughput(long count, Duration elapsed) {

    public double perSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : count * 1_000_000_000.0 / nanos;
    }

    /** This throughput as a fraction of {@code ceiling}'s, 0 when the ceiling measured nothing. */
    public double ratioTo(Throughput ceiling) {
        double reference = ceiling.perSecond();
        return reference == 0 ? 0 : perSecond() / reference;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%,.0f/s (%,d in %.2f s)", perSecond(), count, elapsed.toNanos() / 1e9);
    }
}
