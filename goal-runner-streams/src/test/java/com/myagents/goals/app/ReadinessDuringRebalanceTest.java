package com.myagents.goals.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.goals.GoalRunnerApplication;
import com.myagents.testsupport.SharedTestInfra;

/**
 * Readiness means "schedules now": a runner whose group rebalances (a second instance joins) is
 * not ready until its tasks run again, while its liveness stays UP throughout.
 */
class ReadinessDuringRebalanceTest {

    private final String applicationId = "readiness-" + UUID.randomUUID();
    private final List<ConfigurableApplicationContext> runners = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopRunners() {
        runners.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aRebalancingRunnerIsNotReadyButStaysAlive() throws Exception {
        ConfigurableApplicationContext first = startRunner();
        await().atMost(Duration.ofSeconds(60)).until(() -> status(first, "readiness") == 200);

        List<Integer> readiness = new CopyOnWriteArrayList<>();
        List<Integer> liveness = new CopyOnWriteArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                readiness.add(status(first, "readiness"));
                liveness.add(status(first, "liveness"));
            }
        });
        watcher.start();
        ConfigurableApplicationContext second = startRunner();
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness.contains(503));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(first, "readiness") == 200 && status(second, "readiness") == 200);
        watching.set(false);
        watcher.join();

        assertThat(readiness).as("first runner's readiness while the second joined").contains(503);
        assertThat(liveness).as("first runner's liveness while the second joined").containsOnly(200);
    }

    private ConfigurableApplicationContext startRunner() throws Exception {
        ConfigurableApplicationContext runner = GoalRunnerApplication.builder().run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + SharedTestInfra.kafkaBootstrapServers(),
                "--myagents.goal-runner.application-id=" + applicationId,
                "--myagents.goal-runner.state-dir=" + Files.createTempDirectory("goal-runner-readiness-"),
                "--myagents.goal-runner.punctuation-interval=200ms");
        runners.add(runner);
        return runner;
    }

    private int status(ConfigurableApplicationContext runner, String probe) {
        String port = runner.getEnvironment().getProperty("local.server.port");
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/" + probe))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
