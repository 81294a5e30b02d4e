package com.myagents.http.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerOnlyHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "content-type", "Accept", "ACCEPT-LANGUAGE", "If-Match", "If-None-Match"})
    void forwardsOnlyContentNegotiationAndPreconditions(String header) {
        assertThat(ServerOnlyHeaders.forwardable(header)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Metering-Units", "x-metering-cost", "X-Customer-Id", "X-Operator-Role", "X-Internal-Bypass",
            "X-Forwarded-For", "X-Forwarded-Host", "X-Plant-Identity", "Authorization", "Cookie", "Set-Cookie",
            "Host", "X-Correlation-ID", "X-Real-IP", "Forwarded", "Proxy-Authorization", "X-Anything-New", ""})
    void dropsEverythingElse(String header) {
        assertThat(new ServerOnlyHeaders().forwardable(header)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {" content-type "})
    void ignoresSurroundingWhitespace(String header) {
        assertThat(ServerOnlyHeaders.forwardable(header)).isTrue();
        assertThat(ServerOnlyHeaders.forwardable(null)).isFalse();
    }
}
