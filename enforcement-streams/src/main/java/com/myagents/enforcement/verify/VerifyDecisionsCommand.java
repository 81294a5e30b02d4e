package com.myagents.enforcement.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * {@code verify-decisions [--from ISO-8601] [--to ISO-8601] [--bootstrap-servers host:port]
 * [--command-config client.properties]}: re-decides every recorded decision in the range from
 * the decision topics alone and prints, per policy version, how many were re-decided identically
 * and every mismatch. Exit status: 0 all identical, 1 any mismatch, 2 some decisions of versions
 * this build cannot replay (unverified), 64 bad arguments.
 */
public final class VerifyDecisionsCommand {

    public static final int USAGE = 64;

    private VerifyDecisionsCommand() {
    }

    /** @param args the arguments after {@code verify-decisions} */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Instant from = null;
        Instant to = null;
        Properties client = new Properties();
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--from" -> from = Instant.parse(required("--from", value));
                    case "--to" -> to = Instant.parse(required("--to", value));
                    case "--bootstrap-servers" -> client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, required("--bootstrap-servers", value));
                    case "--command-config" -> client.putAll(load(Path.of(required("--command-config", value))));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
                i++;
            }
        } catch (IllegalArgumentException | DateTimeParseException | IOException bad) {
            err.println("verify-decisions: " + bad.getMessage());
            err.println("usage: verify-decisions [--from 2026-12-01T00:00:00Z] [--to …] [--bootstrap-servers host:port]"
                    + " [--command-config client.properties]");
            return USAGE;
        }
        VerificationReport report = new VerificationReport();
        new DecisionTopics(client).read(from, to, recorded -> report.add(Replay.of(recorded)));
        report.print(out);
        return report.exitStatus();
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
