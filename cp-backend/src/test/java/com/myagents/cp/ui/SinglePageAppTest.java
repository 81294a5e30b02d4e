package com.myagents.cp.ui;

import static com.myagents.cp.Http.request;
import static com.myagents.cp.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.cp.Http;

class SinglePageAppTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/my-agents", "/my-agents/h-1/goals", "/login"})
    void servesTheAppForEveryClientRoute(String path) {
        HttpResponse<String> response = send(request(path).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("cp-test-index");
    }

    @Test
    void servesStaticFilesAsThemselves() {
        HttpResponse<String> response = send(request("/assets/app.js").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("cp-test-asset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/missing.js", "/api/other/thing", "/actuator/nothing-here", "/favicon.ico"})
    void answersNotFoundRatherThanTheAppForFilesAndApis(String path) {
        HttpResponse<String> response = send(request(path).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("cp-test-index");
    }

    @Test
    void reportsHealthWithTheDatabase() {
        HttpResponse<String> response = send(request("/actuator/health").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("status").asString()).isEqualTo("UP");
    }
}
