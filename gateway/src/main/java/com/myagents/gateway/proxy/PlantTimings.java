package com.myagents.gateway.proxy;

import java.time.Duration;

/**
 * The gateway's upstream timeout, checked at start against how long ingest-api's execute call waits
 * for its decision ({@code myagents.execute.decision-wait}, passed to the gateway as
 * {@code myagents.gateway.plant-decision-wait}, by default from the same setting or variable).
 * ingest-api checks the same pair at its own start; whichever process is started with a wait that
 * does not end before the timeout refuses to run, so a deployment that configures the two services
 * apart cannot turn every slow decision into this gateway's 504 while ingest-api still answers.
 *
 * @param upstreamTimeout   how long a forwarded call may take ({@code myagents.gateway.upstream-timeout})
 * @param plantDecisionWait ingest-api's decision wait as this deployment configures it
 */
public record PlantTimings(Duration upstreamTimeout, Duration plantDecisionWait) {

    /** Time ingest-api needs after its wait to write the request and answer (as ingest-api's own check). */
    public static final Duration MARGIN = Duration.ofSeconds(1);

    public PlantTimings {
        if (plantDecisionWait.plus(MARGIN).compareTo(upstreamTimeout) > 0) {
            throw new IllegalArgumentException("myagents.gateway.upstream-timeout (" + upstreamTimeout
                    + ", MYAGENTS_GATEWAY_UPSTREAM_TIMEOUT) must outlast ingest-api's decision wait ("
                    + plantDecisionWait + ", myagents.gateway.plant-decision-wait / myagents.execute.decision-wait /"
                    + " MYAGENTS_EXECUTE_DECISION_WAIT) by at least " + MARGIN.toSeconds() + "s: otherwise a decision"
                    + " that is still being waited for reaches the customer as the gateway's 504");
        }
    }
}
