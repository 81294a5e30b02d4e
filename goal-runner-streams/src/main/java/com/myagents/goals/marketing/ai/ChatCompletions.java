package com.myagents.goals.marketing.ai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the OpenAI-compatible {@code POST <base>/chat/completions} API (OpenAI, Azure
 * OpenAI, Ollama, vLLM…) with structured output: the answer must be a JSON document of the given
 * JSON Schema ({@code response_format.type = json_schema}, strict). Built on the JDK's HttpClient
 * and the Jackson the project already has: one call, one parse — no SDK needed for that.
 */
public class ChatCompletions {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /** @param baseUrl e.g. {@code https://api.openai.com/v1}; {@code /chat/completions} is appended */
    public ChatCompletions(URI baseUrl, String model, String apiKey, Duration timeout) {
        this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/chat/completions");
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public String model() {
        return model;
    }

    /** The model's answer (the JSON document it wrote) and the tokens it used. */
    public record Answer(JsonNode document, long promptTokens, long completionTokens) {
    }

    /** Why no answer could be had: timed out, refused, or not the JSON asked for. */
    public static class Failure extends Exception {

        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Answer complete(String system, String user, String schemaName, Map<String, Object> schema) throws Failure {
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("type", "json_schema");
        format.put("json_schema", Map.of("name", schemaName, "strict", true, "schema", schema));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)));
        body.put("response_format", format);
        body.put("temperature", 0.7);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Failure("no answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new Failure("unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failure("HTTP " + response.statusCode(), null);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            JsonNode message = answer.path("choices").path(0).path("message");
            if (message.path("refusal").isString()) {
                throw new Failure("the model refused: " + message.path("refusal").asString(), null);
            }
            JsonNode document = JSON.readTree(message.path("content").asString(""));
            JsonNode usage = answer.path("usage");
            return new Answer(document, usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
        } catch (RuntimeException e) {
            throw new Failure("the answer is not the JSON asked for", e);
        }
    }
}
