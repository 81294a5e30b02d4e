package com.myagents.connectors.command;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.health.contributor.Health;

import com.myagents.contracts.execution.ExecutionCommand;

import io.micrometer.core.instrument.MeterRegistry;

/** What the command consumer has done: commands handled, attempts that failed, its health and result counters. */
final class CommandStats {

    private static final int FAILURES_BEFORE_DOWN = 3;

    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private volatile int consecutiveFailures;
    private volatile String lastError;
    private volatile MeterRegistry registry;

    long handled() {
        return handled.get();
    }

    void failed(Exception e) {
        retried.incrementAndGet();
        consecutiveFailures++;
        lastError = Instant.now() + " " + e;
    }

    /** A command's outcome is out (published, or about to be committed with its offset). */
    void handled(ExecutionCommand command, Publication publication) {
        handled.incrementAndGet();
        consecutiveFailures = 0;
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        publication.result().ifPresent(result -> {
            Object platform = command == null ? null
                    : command.payload() != null && command.payload().get("platform") != null ? command.payload().get("platform")
                    : command.action();
            meters.counter("myagents.connector.results", "platform", String.valueOf(platform == null ? "unknown" : platform),
                    "outcome", result.status().code()).increment();
        });
    }

    void countInto(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
    }

    Health health(boolean running) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("running", running);
        details.put("handled", handled.get());
        details.put("retried", retried.get());
        details.put("consecutive_failures", consecutiveFailures);
        if (lastError != null) {
            details.put("last_error", lastError);
        }
        boolean up = running && consecutiveFailures < FAILURES_BEFORE_DOWN;
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
