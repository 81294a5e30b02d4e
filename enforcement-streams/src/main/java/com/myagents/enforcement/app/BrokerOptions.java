package com.myagents.enforcement.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How the operators' commands (verify-decisions, migrate-approvals) reach the broker:
 * {@code --bootstrap-servers} (default {@code KAFKA_BOOTSTRAP_SERVERS}, then localhost:9092) and
 * {@code --command-config} (a client properties file, as Kafka's own tools take it).
 */
public final class BrokerOptions {

    private final Properties client = new Properties();

    public BrokerOptions() {
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
    }

    /**
     * Takes {@code option value} when it is one of the broker options.
     *
     * @return false when {@code option} is none of them
     * @throws IllegalArgumentException when its value is missing or the config file cannot be read
     */
    public boolean accept(String option, String value) {
        switch (option) {
            case "--bootstrap-servers" -> client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, required(option, value));
            case "--command-config" -> client.putAll(load(Path.of(required(option, value))));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The client settings the options came to. */
    public Properties client() {
        return client;
    }

    /** A consumer's settings from {@code client} that read only committed records and never commit offsets. */
    public static Properties committedReader(Properties client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    public static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
        return properties;
    }
}
