package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.myagents.contracts.serde.EventJson;

import tools.jackson.databind.JsonNode;

/** What a browser does against CP: log in, then call /api/cp/* with the bearer token. */
record CpClient(String baseUrl) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    String login(String email, String password) {
        HttpResponse<String> response = call("POST", "/api/cp/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("access_token").asString();
    }

    HttpResponse<String> call(String method, String path, String token, String body) {
        return call(method, path, token, body, Map.of());
    }

    HttpResponse<String> call(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return EventJson.MAPPER.readTree(response.body());
    }
}
