package com.myagents.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The gateway's own start refuses an upstream timeout that ingest-api's decision wait outlasts. */
class UpstreamTimeoutAtStartTest {

    @Test
    void aGatewayWhoseTimeoutEndsBeforeIngestApisDecisionWaitDoesNotStartAndSaysWhy() {
        // RunningGateway's upstream timeout is 3 s; an ingest-api waiting 5 s for a decision would outlast it
        assertThatThrownBy(() -> new RunningGateway(URI.create("http://127.0.0.1:9"),
                "myagents.gateway.plant-decision-wait=5s"))
                .rootCause().hasMessageContaining("myagents.gateway.upstream-timeout (PT3S")
                .hasMessageContaining("decision wait (PT5S");
    }
}
