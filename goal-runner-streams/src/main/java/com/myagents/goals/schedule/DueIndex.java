package com.myagents.goals.schedule;

import java.time.Instant;

/**
 * Keys of the due-time index: zero-padded epoch millis, then the goal id, so that the store's
 * byte order is time order and "everything due by now" is one range scan.
 */
public final class DueIndex {

    private static final String SEPARATOR = "|";
    /** Sorts after {@link #SEPARATOR}: the upper bound of every key of one millisecond. */
    private static final String AFTER_SEPARATOR = "~";

    private DueIndex() {
    }

    public static String key(Instant due, String goalInstanceId) {
        return millis(due.toEpochMilli()) + SEPARATOR + goalInstanceId;
    }

    public static String lowest() {
        return millis(0);
    }

    /** The inclusive upper bound of the keys due at or before {@code now}. */
    public static String upTo(long nowMillis) {
        return millis(nowMillis) + AFTER_SEPARATOR;
    }

    private static String millis(long epochMillis) {
        return String.format("%019d", Math.max(0, epochMillis));
    }
}
