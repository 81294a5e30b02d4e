package com.myagents.http.ratelimit;

/** Whether one more request of a principal may pass now. */
public sealed interface RateDecision {

    record Allowed() implements RateDecision {
    }

    /** @param retryAfterSeconds whole seconds until the next request would be allowed, at least 1 */
    record Limited(long retryAfterSeconds) implements RateDecision {
    }
}
