package com.myagents.pp.ui;

import static com.myagents.pp.Http.request;
import static com.myagents.pp.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.pp.Http;

class SinglePageAppTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/my-agents", "/my-agents/h-1/goals", "/login",
        "/agent-types/marketing.healthcare.v1", "/agent-types/marketing.healthcare.v1/versions/1.0.0"})
    void servesTheAppForEveryClientRouteDotsIncluded(String path) {
        HttpResponse<String> response = send(request(path).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("pp-test-index");
    }

    @Test
    void servesStaticFilesAsThemselves() {
        HttpResponse<String> response = send(request("/assets/app.js").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("pp-test-asset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/missing.js", "/assets/1.0.0", "/api/other/thing",
        "/actuator/nothing-here", "/favicon.ico"})
    void answersNotFoundRatherThanTheAppForFilesAndApis(String path) {
        HttpResponse<String> response = send(request(path).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("pp-test-index");
    }

    @Test
    void reportsHealthWithTheDatabase() {
        HttpResponse<String> response = send(request("/actuator/health").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("status").asString()).isEqualTo("UP");
    }
}
