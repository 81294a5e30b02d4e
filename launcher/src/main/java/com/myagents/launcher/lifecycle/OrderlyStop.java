package com.myagents.launcher.lifecycle;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.launcher.LocalStack;

/**
 * What a SIGTERM (Ctrl-C, {@code kill}, a container's stop) does to the launcher: the stack's
 * ordered stop under a watchdog, then the JVM ends with status 0 — or 1 when the watchdog had to
 * end it. Every other shutdown hook is superseded: the services' contexts and the embedded
 * PostgreSQL register none (the stack stops them), and halting at the end keeps a library's
 * stray non-daemon thread from holding the process.
 */
public final class OrderlyStop {

    private static final Logger log = LoggerFactory.getLogger(OrderlyStop.class);

    private OrderlyStop() {
    }

    /** Runs the stop and halts the JVM; never returns. */
    public static void run(LocalStack stack, Duration deadline) {
        log.info("stopping myagents (deadline {} s)", deadline.toSeconds());
        StopSequence sequence = stack.stopSequence();
        StopWatchdog watchdog = StopWatchdog.arm(deadline, sequence::current, Runtime.getRuntime()::halt);
        StopSequence.Outcome outcome = sequence.run();
        watchdog.disarm();
        if (outcome.clean()) {
            log.info("myagents stopped in {} ms; state is kept for the next start", outcome.took().toMillis());
        } else {
            log.warn("myagents stopped in {} ms; left behind past their bound: {}; state is kept for the next start",
                    outcome.took().toMillis(), outcome.overran());
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
