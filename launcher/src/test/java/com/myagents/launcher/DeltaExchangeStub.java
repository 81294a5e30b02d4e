package com.myagents.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.myagents.contracts.serde.EventJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Delta Exchange India as far as the connector's order calls go, on loopback: look an order up by
 * client_order_id, place one. Counts every placement per client_order_id, so a test can tell that
 * an order was never placed twice.
 */
final class DeltaExchangeStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> placed = new ConcurrentHashMap<>();
    private final List<String> attempts = new ArrayList<>();
    private volatile boolean refuseOrders;

    DeltaExchangeStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v2/orders", this::orders);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on every order is refused as Delta refuses one without margin (nothing is placed). */
    void refuseOrders(boolean refuse) {
        this.refuseOrders = refuse;
    }

    /** client_order_id of every order placement that was attempted, in order. */
    synchronized List<String> attempts() {
        return List.copyOf(attempts);
    }

    long placedWith(String clientOrderId) {
        return placed.containsKey(clientOrderId) ? 1 : 0;
    }

    private void orders(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v2/orders/client_order_id/")) {
            String id = path.substring("/v2/orders/client_order_id/".length());
            String order = placed.get(id);
            answer(exchange, order == null ? 404 : 200, order == null
                    ? "{\"success\":false,\"error\":{\"code\":\"not_found\"}}"
                    : "{\"success\":true,\"result\":" + order + "}");
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && "/v2/orders".equals(path)) {
            var body = EventJson.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            String id = body.path("client_order_id").asString();
            synchronized (this) {
                attempts.add(id);
            }
            if (refuseOrders) {
                answer(exchange, 400, "{\"success\":false,\"error\":{\"code\":\"insufficient_margin\"}}");
                return;
            }
            String order = "{\"id\":" + (4000 + placed.size()) + ",\"size\":" + body.path("size").asString()
                    + ",\"side\":\"" + body.path("side").asString() + "\",\"client_order_id\":\"" + id
                    + "\",\"state\":\"open\",\"product_symbol\":\"" + body.path("product_symbol").asString() + "\"}";
            if (placed.putIfAbsent(id, order) != null) {
                answer(exchange, 400, "{\"success\":false,\"error\":{\"code\":\"duplicate_client_order_id\"}}");
                return;
            }
            answer(exchange, 200, "{\"success\":true,\"result\":" + order + "}");
            return;
        }
        answer(exchange, 404, "{\"success\":false}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
