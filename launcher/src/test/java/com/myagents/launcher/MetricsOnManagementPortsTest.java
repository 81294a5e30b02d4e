package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every service answers Prometheus on its management port (not on its public one), and a known
 * flow — a failed login, a login, an execution without approval — moves the HTTP, Kafka Streams
 * and domain series an operator's dashboard is built on.
 */
class MetricsOnManagementPortsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @Test
    void aKnownFlowMovesTheHttpStreamsAndDomainSeriesOnEachManagementPort() throws Exception {
        LocalStackOptions.Ports ports = RunningSystem.options().ports();
        Map<String, String> before = new HashMap<>();
        for (String service : LocalStackOptions.ALL_SERVICES) {
            before.put(service, scrape(ports.managementOf(service)));
            assertThat(publicStatus(ports.of(service), "/actuator/prometheus")).as(service + " public port").isIn(401, 403, 404);
        }

        CpClient door = new CpClient(RunningSystem.cp());
        HttpResponse<String> wrong = door.call("POST", "/api/cp/auth/login", null,
                "{\"email\":\"demo@myagents.local\",\"password\":\"not-the-password\"}", Map.of());
        assertThat(wrong.statusCode()).isEqualTo(401);
        String token = door.login("demo@myagents.local", "demo-password");
        HttpResponse<String> denied = door.call("POST", "/api/cp/deliverables/00000000-0000-0000-0000-00000000d001/execute",
                token, "{}");
        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String plant = scrape(ports.managementOf("plant-store"));
            assertThat(sum(plant, "myagents_decisions_total", "reason=\"approval_missing\""))
                    .isGreaterThan(sum(before.get("plant-store"), "myagents_decisions_total", "reason=\"approval_missing\""));
            assertThat(plant).contains("myagents_outbox_pending", "myagents_outbox_oldest_age_seconds",
                    "myagents_materializer_lag_records{", "myagents_materializer_lag_age_seconds");
            String enforcement = scrape(ports.managementOf("enforcement-streams"));
            assertThat(sum(enforcement, "kafka_stream_thread_process_total", ""))
                    .isGreaterThan(sum(before.get("enforcement-streams"), "kafka_stream_thread_process_total", ""));
        });
        String cp = scrape(ports.managementOf("cp-backend"));
        assertThat(sum(cp, "myagents_login_failures_total", "")).isEqualTo(sum(before.get("cp-backend"), "myagents_login_failures_total", "") + 1);
        assertThat(cp).contains("myagents_login_lockouts_total");
        assertThat(sum(cp, "http_server_requests_seconds_count", "uri=\"/api/cp/auth/login\""))
                .isGreaterThanOrEqualTo(sum(before.get("cp-backend"), "http_server_requests_seconds_count", "uri=\"/api/cp/auth/login\"") + 2);
        String ingest = scrape(ports.managementOf("ingest-api"));
        assertThat(sum(ingest, "http_server_requests_seconds_count", ""))
                .as("ingest-api's HTTP series: %s", ingest.lines().filter(l -> l.startsWith("http_server")).toList())
                .isGreaterThan(sum(before.get("ingest-api"), "http_server_requests_seconds_count", ""));
        assertThat(scrape(ports.managementOf("goal-runner-streams"))).contains("kafka_stream_thread_process_total");
        assertThat(scrape(ports.managementOf("connectors"))).contains("service=\"connectors\"");
        assertThat(cp).contains("service=\"cp-backend\"").doesNotContain("service=\"pp-backend\"");
    }

    static String scrape(int port) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("prometheus on management port " + port).isEqualTo(200);
        return response.body();
    }

    static int publicStatus(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The sum of every sample of {@code name} whose labels contain {@code labels}. */
    static double sum(String exposition, String name, String labels) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name)
                    && (labels.isEmpty() || (sample.group(2) != null && sample.group(2).contains(labels)))) {
                total += Double.parseDouble(sample.group(3));
            }
        }
        return total;
    }
}
