package com.myagents.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for ingest-api: records every request it receives and answers 200 with a small JSON
 * body (or, for {@code /api/v1/status/<code>}, that status with a problem body).
 */
public final class RecordingPlant implements AutoCloseable {

    /** One received request; header names lower-cased. */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public RecordingPlant() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> List.copyOf(e.getValue())));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
            String path = exchange.getRequestURI().getPath();
            int status = path.startsWith("/api/v1/status/") ? Integer.parseInt(path.substring(15)) : 200;
            byte[] answer = (status == 200 ? "{\"plant\":\"ok\"}"
                    : "{\"status\":" + status + ",\"title\":\"from plant\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.getResponseHeaders().add("X-Plant-Internal", "should-not-leak");
            String correlation = exchange.getRequestHeaders().getFirst("X-Correlation-ID");
            if (correlation != null) {
                exchange.getResponseHeaders().add("X-Correlation-ID", correlation);
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Received> received() {
        return received;
    }

    /** The one request whose correlation id is {@code correlationId}. */
    public Received receivedWith(String correlationId) {
        return received.stream().filter(r -> correlationId.equals(r.header("X-Correlation-ID")))
                .reduce((a, b) -> {
                    throw new AssertionError("forwarded twice: " + correlationId);
                })
                .orElseThrow(() -> new AssertionError("never forwarded: " + correlationId));
    }

    public boolean everReceived(String correlationId) {
        return received.stream().anyMatch(r -> correlationId.equals(r.header("X-Correlation-ID")));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
