package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A launcher that cannot start says which component and why in one line, and exits with status 1. */
class StartFailureLineTest {

    @TempDir
    Path dir;

    @Test
    void aTakenKafkaPortIsOneLineNamingTheComponentTheOptionAndThePort() throws Exception {
        LauncherProcess launcher = new LauncherProcess(dir.resolve("data"), List.of("plant-store"));
        Path log = dir.resolve("launcher.log");
        try (ServerSocket taken = new ServerSocket(launcher.ports().kafka(), 1, InetAddress.getLoopbackAddress())) {
            launcher.start(log);
            Integer status = launcher.awaitExit(Duration.ofSeconds(120));

            String output = Files.readString(log);
            assertThat(status).as(output).isEqualTo(1);
            assertThat(output).contains("myagents did not start: kafka — Kafka's client (MYAGENTS_PORT_KAFKA) port "
                    + taken.getLocalPort() + " is in use");
            assertThat(output).as("no stack trace for a known cause").doesNotContain("\tat ");
        } finally {
            launcher.kill();
        }
    }
}
