package com.myagents.streams;

import java.time.Clock;
import java.time.Duration;

/**
 * What a stream app does when one of its stream threads dies, chosen by name. Either way a thread
 * is replaced at most {@link #MAX_REPLACEMENTS} times within {@link #WINDOW} (a broker outage kills
 * a thread at most once per producer {@code max.block.ms}, 60 s by default); past that the client
 * shuts down and its health goes DOWN, for an orchestrator to restart it.
 */
public enum DeadThreadPolicy {

    /**
     * Only a thread the broker killed is replaced (it re-reads what it had not committed, it skips
     * nothing); any other failure shuts the client down. For an app that must never decide past a
     * record it failed on: enforcement.
     */
    FAIL_CLOSED(true),

    /** Any failed thread is replaced, a bounded number of times: for an app whose next try may well succeed. */
    BOUNDED_REPLACEMENT(false);

    public static final int MAX_REPLACEMENTS = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final boolean replaceOnlyBrokerFailures;

    DeadThreadPolicy(boolean replaceOnlyBrokerFailures) {
        this.replaceOnlyBrokerFailures = replaceOnlyBrokerFailures;
    }

    /** The handler that answers a dead thread of {@code application} by this policy. */
    public StreamThreadFailures handler(String application, Clock clock) {
        return new StreamThreadFailures(application,
                new StreamThreadFailures.Replacements(replaceOnlyBrokerFailures, MAX_REPLACEMENTS, WINDOW), clock);
    }
}
