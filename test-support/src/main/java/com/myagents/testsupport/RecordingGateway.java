package com.myagents.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the gateway: records every request it gets and answers 200 with a small JSON body
 * (or 201 with a Location for a POST), the way the gateway would pass ingest-api's answer back, or
 * what a test told it to {@link #answer answer} for a path; it hangs up on any path containing
 * {@link #BROKEN}.
 */
public final class RecordingGateway {

    public record Received(String method, String path, String rawQuery, Map<String, List<String>> headers,
                           String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }

        public boolean hasHeader(String name) {
            return headers.containsKey(name.toLowerCase());
        }
    }

    /** A canned answer for one path. */
    public record Answer(int status, String contentType, String body) {
    }

    /** A path containing this makes the gateway hang up without answering. */
    public static final String BROKEN = "/broken-upstream";

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private RecordingGateway(HttpServer server) {
        this.server = server;
    }

    public static RecordingGateway start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RecordingGateway gateway = new RecordingGateway(server);
            server.createContext("/", gateway::handle);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request the gateway got, waiting briefly for it. */
    public Received next() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the gateway received nothing");
        }
        return next;
    }

    public boolean receivedNothing() {
        return received.isEmpty();
    }

    /** Forgets what was received and every canned answer. */
    public void forget() {
        received.clear();
        answers.clear();
    }

    /** From now on, answers requests for {@code path} with this status, content type and body. */
    public void answer(String path, int status, String contentType, String body) {
        answers.put(path, new Answer(status, contentType, body));
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        received.add(new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body));
        if (uri.getRawPath().contains(BROKEN)) {
            // hang up without an answer, as a crashed gateway would
            exchange.close();
            return;
        }

        Answer canned = answers.get(uri.getRawPath());
        if (canned != null) {
            byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", canned.contentType());
            exchange.sendResponseHeaders(canned.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
            return;
        }
        byte[] answer = ("{\"upstream\":\"gateway\",\"path\":\"" + uri.getRawPath() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Set-Cookie", "upstream=secret");
        exchange.getResponseHeaders().set("X-Internal-Debug", "upstream-only");
        boolean created = exchange.getRequestMethod().equals("POST");
        if (created) {
            exchange.getResponseHeaders().set("Location", "/api/v1/things/1");
        }
        exchange.sendResponseHeaders(created ? 201 : 200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
