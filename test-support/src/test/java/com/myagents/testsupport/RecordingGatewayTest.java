package com.myagents.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** The gateway stand-in the doors' tests rely on, called through the tests' HTTP client. */
class RecordingGatewayTest {

    private final RecordingGateway gateway = RecordingGateway.start();
    private final Http http = new Http(gateway::uri, "/login");

    @Test
    void recordsEachRequestAndAnswersLikeTheGateway() throws Exception {
        HttpResponse<String> created = http.call("POST", "/api/v1/things?x=1", "t-1", "{\"a\":1}", "corr-1");

        RecordingGateway.Received got = gateway.next();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/api/v1/things");
        assertThat(got.rawQuery()).isEqualTo("x=1");
        assertThat(got.header("authorization")).isEqualTo("Bearer t-1");
        assertThat(got.hasHeader("X-Correlation-ID")).isTrue();
        assertThat(got.body()).isEqualTo("{\"a\":1}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/things/1");
        assertThat(Http.json(http.get("/api/v1/x", "t")).get("path").asString()).isEqualTo("/api/v1/x");
        assertThat(gateway.next().method()).isEqualTo("GET");
        assertThat(gateway.receivedNothing()).isTrue();
    }

    @Test
    void answersWhatItIsToldAndForgetsIt() throws Exception {
        gateway.answer("/api/v1/login", 200, "application/json", "{\"access_token\":\"tok\"}");
        assertThat(new Http(gateway::uri, "/api/v1/login").login("a@b", "pw")).isEqualTo("tok");

        gateway.forget();
        assertThat(gateway.receivedNothing()).isTrue();
        assertThatThrownBy(() -> new Http(gateway::uri, "/api/v1/login").login("a@b", "pw"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("login failed: 201");
    }

    @Test
    void hangsUpOnABrokenPath() {
        assertThatThrownBy(() -> http.get("/api" + RecordingGateway.BROKEN, "t")).isInstanceOf(UncheckedIOException.class);
    }
}
