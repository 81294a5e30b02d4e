package com.myagents.contracts.worker;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one background thread of a polling worker (outbox relay, materializer, connectors'
 * consumers): started once, stopped by clearing the flag its loop checks, waking it (a Kafka
 * consumer's {@code wakeup()}, or an interrupt) and waiting a bounded time for it to end.
 */
public final class WorkerThread {

    private final String name;
    private final Runnable loop;
    private volatile boolean running;
    private Thread thread;

    /** @param loop runs until {@link #running()} turns false */
    public WorkerThread(String name, Runnable loop) {
        this.name = name;
        this.loop = loop;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param wake ends whatever the loop is blocked in, given the thread (e.g. {@code Thread::interrupt})
     * @param wait how long to wait for the loop to end
     */
    public void stop(Consumer<Thread> wake, Duration wait) {
        Thread current;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            current = thread;
        }
        wake.accept(current);
        try {
            current.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wakes the Kafka consumer the loop is polling with, if it has one open now. */
    public static Consumer<Thread> wakingUp(Supplier<? extends org.apache.kafka.clients.consumer.Consumer<?, ?>> consumer) {
        return thread -> {
            org.apache.kafka.clients.consumer.Consumer<?, ?> active = consumer.get();
            if (active != null) {
                // ends a poll at once; no interrupt, so the consumer can still leave its group cleanly
                active.wakeup();
            }
        };
    }

    public boolean running() {
        return running;
    }
}
