package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command on the jar the build packaged (run after {@code package}: the system
 * tests run on the test classpath, which can hold what the jar lacks): every service comes up, CP
 * serves the app and signs the demo customer in, and a SIGTERM ends it with status 0.
 */
class PackagedJarIT {

    static final Path JAR = Path.of("target", "myagents-local.jar");

    @TempDir
    Path dir;

    @AutoClose
    private LauncherProcess launcher;

    @Test
    void theReadmesRunCommandStartsTheWholeSystemFromThePackagedJar() throws Exception {
        assertThat(JAR).as("the packaged jar").exists();
        launcher = new LauncherProcess(dir.resolve("data"), LocalStackOptions.ALL_SERVICES).fromJar(JAR.toAbsolutePath());
        Path log = dir.resolve("launcher.log");

        launcher.start(log).awaitReady();

        HttpClient http = HttpClient.newHttpClient();
        String cp = "http://localhost:" + launcher.ports().cpBackend();
        HttpResponse<String> app = http.send(HttpRequest.newBuilder(URI.create(cp + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(cp + "/api/cp/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"demo@myagents.local\",\"password\":\"demo-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> agents = http.send(HttpRequest.newBuilder(URI.create(cp + "/api/cp/my-agents/summary"))
                .header("Authorization", "Bearer " + CpClient.json(login).path("access_token").asString()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(agents.statusCode()).as(agents.body()).isEqualTo(200);

        launcher.terminate();
        assertThat(launcher.awaitExit(Duration.ofSeconds(60))).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    }
}
