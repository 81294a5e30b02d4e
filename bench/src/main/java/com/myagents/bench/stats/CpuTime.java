package com.myagents.bench.stats;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * The CPU time one operation takes on this thread: a warm-up of the same length (so the JIT has
 * compiled it), then the mean of a timed loop. CPU time, not wall time: on a machine shared with
 * other work, wall time mostly measures the waiting for a core.
 */
public final class CpuTime {

    private CpuTime() {
    }

    public static long nanosPerOp(Supplier<?> op, int iterations) {
        Object sink = null;
        for (int i = 0; i < iterations; i++) {
            sink = op.get();
        }
        long start = now();
        for (int i = 0; i < iterations; i++) {
            sink = op.get();
        }
        long elapsed = now() - start;
        if (sink == null) {
            throw new IllegalStateException("the operation produced nothing");
        }
        return Math.max(1, elapsed / iterations);
    }

    static long now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
