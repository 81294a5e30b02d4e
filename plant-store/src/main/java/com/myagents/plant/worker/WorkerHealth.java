package com.myagents.plant.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;

/**
 * Tracks how a background worker's last rounds went and turns that into a health report: down
 * when it is not running or has failed {@link #FAILURES_BEFORE_DOWN} rounds in a row, so a short
 * broker or database blip does not flap the service.
 */
public final class WorkerHealth {

    public static final int FAILURES_BEFORE_DOWN = 3;

    private volatile int consecutiveFailures;
    private volatile String lastError;
    private volatile Instant lastSuccessAt;

    public void succeeded() {
        consecutiveFailures = 0;
        lastSuccessAt = Instant.now();
    }

    public void failed(Throwable error) {
        consecutiveFailures++;
        lastError = Instant.now() + " " + error;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public Health report(boolean running, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("running", running);
        all.put("consecutive_failures", consecutiveFailures);
        if (lastSuccessAt != null) {
            all.put("last_success_at", lastSuccessAt.toString());
        }
        if (lastError != null) {
            all.put("last_error", lastError);
        }
        boolean up = running && consecutiveFailures < FAILURES_BEFORE_DOWN;
        return (up ? Health.up() : Health.down()).withDetails(all).build();
    }

    /**
     * As {@link #report(boolean, Map)}, and DOWN while the worker is {@code behind} by more than
     * {@code maxLag} (readiness: it runs, but what it serves is stale); no limit when null.
     */
    public Health report(boolean running, Map<String, Object> details, Duration behind, Duration maxLag) {
        Health report = report(running, details);
        if (maxLag != null && behind.compareTo(maxLag) > 0) {
            return Health.down().withDetails(report.getDetails()).withDetail("behind", "by more than " + maxLag).build();
        }
        return report;
    }
}
