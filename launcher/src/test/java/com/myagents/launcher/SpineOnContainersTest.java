package com.myagents.launcher;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same spine against Kafka and PostgreSQL in containers, as docker-compose.local.yml runs
 * them. Skipped where no Docker engine runs (CI here); {@link SpineOnEmbeddedRuntimeTest} covers it there.
 */
@Testcontainers(disabledWithoutDocker = true)
class SpineOnContainersTest extends SpineScenarios {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16")
            .withDatabaseName("myagents");

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        startTheSystem(dataDir, KAFKA.getBootstrapServers(),
                new LocalStackOptions.ExternalDatabase(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword()));
    }
}
