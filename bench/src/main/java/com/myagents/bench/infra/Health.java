package com.myagents.bench.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waits until every service answers UP on {@code /actuator/health}, as an orchestrator's probe would. */
public final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Health() {
    }

    /**
     * @param since  {@link System#nanoTime()} the clock starts from
     * @param alive  false when what is being waited for has died (then waiting stops)
     * @return the time from {@code since} until the last service was UP
     */
    public static Duration awaitUp(List<Integer> ports, long since, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        long deadline = since + timeout.toNanos();
        List<Integer> waiting = new ArrayList<>(ports);
        while (!waiting.isEmpty()) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the system ended before it was healthy");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("services on ports " + waiting + " not healthy within " + timeout);
            }
            waiting.removeIf(Health::up);
            if (!waiting.isEmpty()) {
                Thread.sleep(100);
            }
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    static boolean up(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
