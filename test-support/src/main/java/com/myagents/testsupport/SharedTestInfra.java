package com.myagents.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.embedded.EmbeddedKafkaBroker;
import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.embedded.FreePorts;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use on free ports in
 * a temporary directory and stopped when the JVM exits. Every topic of the registry exists; a
 * test's schema is migrated and pooled here too.
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

    /**
     * Migrates {@code schema} of this JVM's PostgreSQL (created when missing) with the migrations at
     * {@code locations}; out of order where demo data's migrations sit between the schema's own.
     */
    public static MigrateResult migrate(String schema, boolean outOfOrder, String... locations) {
        EmbeddedPostgresServer server = postgres();
        return Flyway.configure()
                .dataSource(server.jdbcUrl(), server.username(), server.password())
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations(locations)
                .outOfOrder(outOfOrder)
                .placeholderReplacement(false)
                .load().migrate();
    }

    /**
     * A small pool on this JVM's PostgreSQL pinned to {@code schema}: the generated jOOQ classes are
     * unqualified, so the pool's schema decides where they point, as in production.
     */
    public static HikariDataSource pool(String schema, int size) {
        EmbeddedPostgresServer server = postgres();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.username());
        pool.setPassword(server.password());
        pool.setSchema(schema);
        pool.setMaximumPoolSize(size);
        pool.setPoolName(schema);
        return new HikariDataSource(pool);
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
