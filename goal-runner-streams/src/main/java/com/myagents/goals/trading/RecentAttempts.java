package com.myagents.goals.trading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The latest attempted actions of one subscription, newest first (ties by correlation id, so the
 * order never depends on arrival order), at most {@code keep}; a decision seen twice counts once.
 */
public record RecentAttempts(List<Attempt> attempts) {

    public static final RecentAttempts NONE = new RecentAttempts(List.of());

    private static final Comparator<Attempt> NEWEST_FIRST = Comparator
            .comparing(Attempt::decidedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Attempt::correlationId, Comparator.nullsLast(Comparator.naturalOrder()));

    public RecentAttempts {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public RecentAttempts with(Attempt attempt, int keep) {
        List<Attempt> next = new ArrayList<>(attempts.size() + 1);
        attempts.stream().filter(a -> a.correlationId() == null || !a.correlationId().equals(attempt.correlationId()))
                .forEach(next::add);
        next.add(attempt);
        next.sort(NEWEST_FIRST);
        return new RecentAttempts(next.subList(0, Math.min(keep, next.size())));
    }

    /** Those decided at or before {@code asOf}: a report for a due time does not change with later traffic. */
    List<Attempt> decidedBy(Instant asOf) {
        return attempts.stream().filter(a -> a.decidedAt() == null || !a.decidedAt().isAfter(asOf)).toList();
    }
}
