package com.myagents.launcher.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartFailureTest {

    @TempDir
    Path dir;

    @Test
    void aTakenPortIsNamedBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> StartFailure.requireFree("kafka", "Kafka's client (MYAGENTS_PORT_KAFKA)", taken.getLocalPort()))
                    .isInstanceOfSatisfying(StartFailure.class, failure -> {
                        assertThat(failure.component()).isEqualTo("kafka");
                        assertThat(failure.cause()).contains("port " + taken.getLocalPort() + " is in use", "MYAGENTS_PORT_KAFKA");
                        assertThat(failure.known()).isTrue();
                    });
        }
    }

    @Test
    void knownCausesAreOneLineWhereverTheyAreInTheChain() {
        assertThat(StartFailure.of("cp-backend", new IllegalStateException("context",
                new BindException("Address already in use")), null).cause()).isEqualTo("its port is in use");
        assertThat(StartFailure.of("kafka", new RuntimeException(
                "Socket server failed to bind to localhost:19092: Address already in use."), null).cause())
                .isEqualTo("port 19092 is in use");
        assertThat(StartFailure.of("kafka", new RuntimeException("wrapped", new IllegalStateException(
                "Failed to acquire lock on file .lock in /data/kafka/logs. A Kafka instance in another process or thread "
                        + "is using this directory.")), dir).cause()).contains("is locked by another process");
        assertThat(StartFailure.of("postgresql", new IllegalStateException(
                "lock file \"postmaster.pid\" already exists"), dir).cause()).contains("locked by another PostgreSQL");
        assertThat(StartFailure.of("plant-store", new RuntimeException("Validate failed: Migrations have failed "
                + "validation. Detected applied migration not resolved locally: 99."), null).cause())
                .contains("newer version");
    }

    @Test
    void aDatabaseOfAnotherMajorVersionIsSaidSo() throws Exception {
        Files.writeString(dir.resolve("PG_VERSION"), "16\n");
        StartFailure failure = StartFailure.of("postgresql", new IllegalStateException("Gave up waiting for server to start"), dir);
        assertThat(failure.cause()).contains("initialised by PostgreSQL 16", "runs PostgreSQL " + StartFailure.POSTGRES_MAJOR);
        assertThat(failure.known()).isTrue();
    }

    @Test
    void anUnknownCauseIsItsRootInOneLineAndKeepsItsTrace() {
        RuntimeException root = new IllegalArgumentException("no good\nsecond line");
        StartFailure failure = StartFailure.of("gateway", new RuntimeException("outer", root), null);
        assertThat(failure.cause()).isEqualTo("IllegalArgumentException: no good");
        assertThat(failure.known()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("gateway did not start: IllegalArgumentException: no good");
        assertThat(StartFailure.of("other", failure, null)).isSameAs(failure);
    }
}
