package com.myagents.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The README's auditor command, run for real: Kafka's own console consumer (the class
 * {@code kafka-console-consumer.sh} runs, from the same Kafka release) in a child JVM, reading a
 * topic from the beginning, read_committed, printing keys and headers. Client properties (e.g. SASL
 * credentials of an auditor principal) go in a {@code --consumer.config} file.
 */
final class AuditorConsole {

    static final String CONSOLE_CONSUMER = "org.apache.kafka.tools.consumer.ConsoleConsumer";

    private AuditorConsole() {
    }

    /** The lines the console consumer printed up to the first one {@code wanted} accepts (or its timeout). */
    static List<String> readUntil(String bootstrapServers, Properties client, String topic, Predicate<String> wanted,
            Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CONSOLE_CONSUMER,
                "--bootstrap-server", bootstrapServers, "--topic", topic, "--from-beginning",
                "--isolation-level", "read_committed", "--property", "print.key=true", "--property", "print.headers=true",
                "--timeout-ms", Long.toString(timeout.toMillis())));
        if (!client.isEmpty()) {
            Path config = Files.createTempFile("auditor-", ".properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                client.store(out, "auditor client");
            }
            command.addAll(List.of("--consumer.config", config.toString()));
        }
        Process consumer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(consumer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (wanted.test(line)) {
                    break;
                }
            }
        } finally {
            consumer.destroy();
            consumer.waitFor(10, TimeUnit.SECONDS);
        }
        return lines;
    }
}
