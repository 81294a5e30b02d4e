package com.myagents.bench.memory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Samples a process tree's memory on a background thread and keeps the sample with the largest
 * total: the peak of the whole tree, which no single kernel counter gives (VmHWM is per process).
 */
public final class MemorySampler implements AutoCloseable {

    private final Supplier<TreeMemory> probe;
    private final AtomicReference<TreeMemory> peak = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    public MemorySampler(Supplier<TreeMemory> probe, Duration interval) {
        this.probe = probe;
        sample();
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void sample() {
        TreeMemory now = probe.get();
        peak.accumulateAndGet(now, (a, b) -> a == null || b.totalPssKib() > a.totalPssKib() ? b : a);
    }

    public TreeMemory peak() {
        return peak.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
