package com.myagents.launcher;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service of the system in its own JVM, started by the launcher with MYAGENTS_SERVICES, so a
 * test can kill it the way an operating system would (SIGKILL, no shutdown hooks) and start it again.
 */
final class ChildService implements AutoCloseable {

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final int managementPort = com.myagents.embedded.FreePorts.next();
    private Process process;

    ChildService(String service, int port, Map<String, String> environment, Path log) {
        this.port = port;
        this.log = log;
        this.environment = environment;
        String java = ProcessHandle.current().info().command().orElse("java");
        this.command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        this.environment.put("MYAGENTS_SERVICES", service);
        this.environment.put("MYAGENTS_PORT_" + service.toUpperCase().replace('-', '_'), Integer.toString(port));
        this.environment.put("MYAGENTS_MGMT_PORT_" + service.toUpperCase().replace('-', '_'), Integer.toString(managementPort));
    }

    ChildService start() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy();
        return this;
    }

    /** SIGKILL: no graceful close, no committed offsets beyond what the transactions had committed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the service reports UP (it must get there by itself, nothing restarts it). */
    void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health")).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("child exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"UP\"");
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
