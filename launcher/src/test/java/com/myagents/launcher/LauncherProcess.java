package com.myagents.launcher;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.myagents.embedded.FreePorts;

/**
 * The launcher as an operator runs it ({@code java … Launcher}), in its own JVM with its own
 * embedded Kafka and PostgreSQL, every port moved to a free one, so that a test can send it the
 * signals an operating system sends and watch how it ends.
 */
final class LauncherProcess implements AutoCloseable {

    final Map<String, String> environment = new HashMap<>();
    private final LocalStackOptions.Ports ports = LocalStackOptions.Ports.free();
    final Path dataDir;
    private List<String> services;
    private Process process;
    private Path log;
    /** The packaged jar to run as a user would ({@code java -jar}), or null for the test classpath. */
    private Path jar;

    LauncherProcess(Path dataDir, List<String> services) {
        this.dataDir = dataDir;
        this.services = services;
        environment.put("MYAGENTS_DATA_DIR", dataDir.toString());
        environment.put("MYAGENTS_SERVICES", String.join(",", services));
        environment.put("MYAGENTS_PORT_KAFKA", Integer.toString(ports.kafka()));
        environment.put("MYAGENTS_PORT_KAFKA_CONTROLLER", Integer.toString(ports.kafkaController()));
        environment.put("MYAGENTS_PORT_POSTGRES", Integer.toString(ports.postgres()));
        for (String service : LocalStackOptions.ALL_SERVICES) {
            String variable = service.toUpperCase().replace('-', '_');
            environment.put("MYAGENTS_PORT_" + variable, Integer.toString(ports.of(service)));
            environment.put("MYAGENTS_MGMT_PORT_" + variable, Integer.toString(ports.managementOf(service)));
        }
    }

    /** Runs the packaged jar, as the README's run command does, instead of the test classpath. */
    LauncherProcess fromJar(Path packaged) {
        this.jar = packaged;
        return this;
    }

    /** Starts the JVM running only {@code only}, its output appended to {@code log}; returns at once. */
    LauncherProcess start(Path logFile, List<String> only) {
        services = only;
        environment.put("MYAGENTS_SERVICES", String.join(",", only));
        return start(logFile);
    }

    /** Starts the JVM, its output appended to {@code log}; returns at once. */
    LauncherProcess start(Path logFile) {
        this.log = logFile;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = jar != null
                ? List.of(java, "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                : List.of(java, "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-cp", System.getProperty("java.class.path"), Launcher.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Until every service of it answers UP on its management port's readiness probe. */
    LauncherProcess awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("launcher exited with " + process.exitValue() + "; the end of " + log
                        + " (deleted with the test's directory):\n" + logTail(40));
            }
            for (String service : services) {
                HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.managementOf(service)
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
                try {
                    HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        return false;
                    }
                } catch (IOException notYet) {
                    return false;
                }
            }
            return true;
        });
        return this;
    }

    /** The last {@code lines} lines of the launcher's log, for a failure message that outlives the log. */
    private String logTail(int lines) throws IOException {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Until the log shows {@code text} (a progress line, say). */
    void awaitLog(String text) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> logText().contains(text));
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGTERM, as Ctrl-C, {@code kill} or a container's stop sends it. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the end; the exit status, or null when it did not end within {@code atMost}. */
    Integer awaitExit(Duration atMost) throws InterruptedException {
        if (process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        return null;
    }

    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** A test that fails half-way leaves no launcher running ({@code @AutoClose} on the test's field). */
    @Override
    public void close() {
        kill();
    }

    LocalStackOptions.Ports ports() {
        return ports;
    }

    String cp() {
        return "http://localhost:" + ports.cpBackend();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + ports.postgres() + "/myagents";
    }

    String bootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    static int freePort() {
        return FreePorts.next();
    }
}
