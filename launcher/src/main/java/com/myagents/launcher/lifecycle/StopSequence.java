package com.myagents.launcher.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ordered stop in which no step can hold the rest hostage: each step runs on its own thread
 * and is given a bound; a step past its bound is reported (with where its thread is stuck) and
 * left behind, and the next step starts. What a step stops in parallel (the three doors, the two
 * stream apps) is one step.
 */
public final class StopSequence {

    private static final Logger log = LoggerFactory.getLogger(StopSequence.class);

    /** One step: what it stops, how long it may take, and the parts it stops side by side. */
    public record Step(String name, Duration bound, List<Runnable> parts) {

        public Step {
            parts = List.copyOf(parts);
        }

        public static Step of(String name, Duration bound, Runnable... parts) {
            return new Step(name, bound, Arrays.asList(parts));
        }
    }

    /** How a stop went: the steps that overran their bound, in order. */
    public record Outcome(List<String> overran, Duration took) {

        public boolean clean() {
            return overran.isEmpty();
        }
    }

    private final List<Step> steps;
    private volatile String current = "(not started)";

    public StopSequence(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The step running now, for a watchdog to name. */
    public String current() {
        return current;
    }

    public Outcome run() {
        long begin = System.nanoTime();
        List<String> overran = new ArrayList<>();
        for (Step step : steps) {
            current = step.name();
            long stepBegin = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (Runnable part : step.parts()) {
                Thread thread = new Thread(() -> {
                    try {
                        part.run();
                    } catch (RuntimeException e) {
                        log.warn("stopping {}: {}", step.name(), e.toString());
                    }
                }, "stop-" + step.name().replace(' ', '-'));
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            long deadline = stepBegin + step.bound().toNanos();
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    try {
                        thread.join(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            List<Thread> stuck = threads.stream().filter(Thread::isAlive).toList();
            if (stuck.isEmpty()) {
                log.info("  stopped {} in {} ms", step.name(), (System.nanoTime() - stepBegin) / 1_000_000);
            } else {
                overran.add(step.name());
                log.warn("  {} did not stop within {} s; left behind, going on with the next step. It was at:\n{}",
                        step.name(), step.bound().toSeconds(), stuck.stream().map(StopSequence::where)
                                .collect(Collectors.joining("\n")));
            }
        }
        current = "(done)";
        return new Outcome(List.copyOf(overran), Duration.ofNanos(System.nanoTime() - begin));
    }

    /** The top frames of a thread, enough to tell which library holds it. */
    static String where(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).limit(12).map(frame -> "    at " + frame)
                .collect(Collectors.joining("\n"));
    }
}
