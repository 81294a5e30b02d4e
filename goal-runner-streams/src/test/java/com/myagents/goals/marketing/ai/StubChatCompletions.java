package com.myagents.goals.marketing.ai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * A stand-in for an OpenAI-compatible chat-completions service on a random local port: it answers
 * each request with what {@code answers} makes of it (the JSON document the model "wrote"), in
 * the real response shape with token usage, or stalls to provoke a timeout. Requests are kept.
 */
final class StubChatCompletions implements AutoCloseable {

    static final long PROMPT_TOKENS = 1200;
    static final long COMPLETION_TOKENS = 300;

    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile Function<JsonNode, String> answers = request -> "{}";
    private volatile long stallMillis;

    StubChatCompletions() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = ChatCompletions.JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            if (stallMillis > 0) {
                try {
                    Thread.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String content = answers.apply(request);
            String body = ChatCompletions.JSON.writeValueAsString(Map.of(
                    "id", "chatcmpl-1", "object", "chat.completion", "model", request.path("model").asString(),
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", PROMPT_TOKENS, "completion_tokens", COMPLETION_TOKENS,
                            "total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS)));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException e) {
                // the client gave up (timeout test)
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    void answer(Function<JsonNode, String> answers) {
        this.answers = answers;
    }

    void stall(long millis) {
        this.stallMillis = millis;
    }

    /** The system and user messages of a request, joined. */
    static String prompt(JsonNode request) {
        StringBuilder text = new StringBuilder();
        request.path("messages").forEach(m -> text.append(m.path("content").asString()).append('\n'));
        return text.toString();
    }

    static String post(String text, List<String> hashtags, Map<String, String> variants) {
        return ChatCompletions.JSON.writeValueAsString(Map.of("text", text, "hashtags", hashtags,
                "variants", variants.entrySet().stream().map(v -> Map.of("platform", v.getKey(), "text", v.getValue()))
                        .toList()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
