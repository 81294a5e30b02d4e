package com.myagents.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.embedded.EmbeddedKafkaBroker;
import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.embedded.FreePorts;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use on free ports in
 * a temporary directory and stopped when the JVM exits. Every topic of the registry exists.
 */
public final class SharedTestInfra {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedPostgresServer postgres;
    private static Path root;

    private SharedTestInfra() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.start(root().resolve("kafka"), FreePorts.next(), FreePorts.next());
            TopicProvisioner.ensureTopics(kafka.bootstrapServers(), (short) 1);
        }
        return kafka.bootstrapServers();
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(root().resolve("postgres"), FreePorts.next(), "myagents");
        }
        return postgres;
    }

    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("myagents-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedTestInfra::stopAll, "test-infra-stop"));
        }
        return root;
    }

    private static synchronized void stopAll() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
