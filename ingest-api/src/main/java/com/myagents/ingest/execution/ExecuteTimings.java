package com.myagents.ingest.execution;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an execute call waits for its decision, checked at start against the timeout of the
 * door in front of ingest-api (the gateway's upstream timeout): a wait that outlasts it would turn
 * every slow decision into the gateway's 504 while ingest-api still answers, so the service
 * refuses to start with such a configuration instead.
 *
 * @param decisionWait   how long the call waits for enforcement's decision before answering 202
 * @param callerTimeout  the gateway's upstream timeout (the same setting,
 *                       {@code MYAGENTS_GATEWAY_UPSTREAM_TIMEOUT}, configures both)
 * @param scheduledInterval how often approved, scheduled drafts are looked for
 */
@ConfigurationProperties("myagents.execute")
public record ExecuteTimings(@DefaultValue("5s") Duration decisionWait, @DefaultValue("10s") Duration callerTimeout,
                             @DefaultValue("5s") Duration scheduledInterval) {

    /** Time left for writing the request and sending the answer after the wait. */
    static final Duration MARGIN = Duration.ofSeconds(1);

    public ExecuteTimings {
        if (decisionWait.isNegative() || decisionWait.isZero()) {
            throw new IllegalArgumentException("myagents.execute.decision-wait must be positive, not " + decisionWait);
        }
        if (decisionWait.plus(MARGIN).compareTo(callerTimeout) > 0) {
            throw new IllegalArgumentException("myagents.execute.decision-wait (" + decisionWait + ") must end at least "
                    + MARGIN.toSeconds() + "s before myagents.execute.caller-timeout (" + callerTimeout
                    + ", the gateway's upstream timeout, MYAGENTS_GATEWAY_UPSTREAM_TIMEOUT): otherwise a decision"
                    + " that is still being waited for reaches the customer as the gateway's 504");
        }
    }
}
