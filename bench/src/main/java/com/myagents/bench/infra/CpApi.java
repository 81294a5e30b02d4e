package com.myagents.bench.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.myagents.contracts.serde.EventJson;

import tools.jackson.databind.JsonNode;

/** The customers' door, as a browser uses it: login, review drafts, execute. */
public final class CpApi {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http;

    public CpApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public String login(String email, String password) {
        HttpResponse<String> response = call(post("/api/cp/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + response.statusCode() + " " + response.body());
        }
        return EventJson.MAPPER.readTree(response.body()).path("access_token").asString();
    }

    /** Approves the drafts (at most 100 a call, as the API allows); the approval id of each. */
    public Map<UUID, String> approve(String token, List<UUID> deliverables) {
        Map<UUID, String> approvals = new HashMap<>();
        String ids = String.join(",", deliverables.stream().map(id -> "\"" + id + "\"").toList());
        HttpResponse<String> response = call(post("/api/cp/deliverables/review-batch", token,
                "{\"deliverable_ids\":[" + ids + "],\"decision\":\"approved\",\"notes\":\"benchmark\"}"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("review-batch failed: " + response.statusCode() + " " + response.body());
        }
        for (JsonNode result : EventJson.MAPPER.readTree(response.body()).path("results")) {
            if ("reviewed".equals(result.path("status").asString())) {
                approvals.put(UUID.fromString(result.path("deliverable_id").asString()), result.path("approval_id").asString());
            }
        }
        return approvals;
    }

    /** {@code POST /api/cp/deliverables/{id}/execute}, with the approval id when there is one. */
    public CompletableFuture<HttpResponse<String>> execute(String token, UUID deliverable, String approvalId) {
        String body = approvalId == null ? "{\"action\":\"publish\"}"
                : "{\"action\":\"publish\",\"approval_id\":\"" + approvalId + "\"}";
        return http.sendAsync(post("/api/cp/deliverables/" + deliverable + "/execute", token, body),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot call " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
