package com.myagents.bench.memory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.myagents.contracts.worker.WorkerThread;

/**
 * Samples a process tree's memory on a background thread and keeps the sample with the largest
 * total: the peak of the whole tree, which no single kernel counter gives (VmHWM is per process).
 */
public final class MemorySampler implements AutoCloseable {

    private final Supplier<TreeMemory> probe;
    private final Duration interval;
    private final AtomicReference<TreeMemory> peak = new AtomicReference<>();
    private final WorkerThread worker = new WorkerThread("bench-memory-sampler", this::run);

    public MemorySampler(Supplier<TreeMemory> probe, Duration interval) {
        this.probe = probe;
        this.interval = interval;
        sample();
        worker.start();
    }

    private void run() {
        while (worker.running()) {
            sample();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
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
        worker.stop(Thread::interrupt, Duration.ofSeconds(2));
        sample();
    }
}
