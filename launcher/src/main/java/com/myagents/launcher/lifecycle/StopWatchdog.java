package com.myagents.launcher.lifecycle;

import java.time.Duration;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last word on a stop: if the ordered stop has not finished by the deadline, it says which
 * step overran and halts the JVM (status 1), so that neither an operator's Ctrl-C nor a
 * container's SIGTERM ever meets a process that does not end. State is in Kafka's and
 * PostgreSQL's own logs, which both recover from an unclean stop on the next start.
 */
public final class StopWatchdog {

    private static final Logger log = LoggerFactory.getLogger(StopWatchdog.class);

    /** The exit status of a stop the watchdog had to end. */
    public static final int OVERRAN = 1;

    private final Thread thread;

    private StopWatchdog(Thread thread) {
        this.thread = thread;
    }

    /** Arms the watchdog: {@code halt} is called with {@link #OVERRAN} after {@code deadline} unless disarmed first. */
    public static StopWatchdog arm(Duration deadline, Supplier<String> currentStep, IntConsumer halt) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException disarmed) {
                return;
            }
            String step = currentStep.get();
            log.error("stop overran its deadline of {} s in step '{}'; halting the JVM (state is kept, the next start "
                    + "recovers it). It was at:\n{}", deadline.toSeconds(), step, stuckIn(step));
            halt.accept(OVERRAN);
        }, "stop-watchdog");
        thread.setDaemon(true);
        thread.start();
        return new StopWatchdog(thread);
    }

    public void disarm() {
        thread.interrupt();
    }

    private static String stuckIn(String step) {
        String name = "stop-" + step.replace(' ', '-');
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .map(StopSequence::where).findFirst().orElse("    (no thread of that step)");
    }
}
