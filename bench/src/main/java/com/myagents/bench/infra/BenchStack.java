package com.myagents.bench.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.myagents.launcher.LocalStack;
import com.myagents.launcher.LocalStackOptions;

/**
 * The system as the launcher runs it (one JVM, embedded Kafka and PostgreSQL, demo data), started
 * by a benchmark on free ports in a fresh data directory, and deleted afterwards.
 */
public record BenchStack(Path dataDir, LocalStackOptions options, LocalStack stack, Duration startup)
        implements AutoCloseable {

    /**
     * @param services  the services to run, all of them when empty
     * @param overrides properties given to every service (e.g. the gateway's rate limit)
     */
    public static BenchStack start(Set<String> services, Map<String, String> overrides) {
        Path dataDir = Directories.fresh("myagents-bench-stack-");
        LocalStackOptions options = new LocalStackOptions(dataDir, LocalStackOptions.Ports.free(), null, null, true,
                services, overrides);
        long begin = System.nanoTime();
        try {
            LocalStack stack = LocalStack.start(options);
            // the bench plays every service at once: its clients log in as the broker's super user
            KafkaLogins.register(stack.bootstrapServers(), stack.kafkaSuperUserConfig());
            return new BenchStack(dataDir, options, stack, Duration.ofNanos(System.nanoTime() - begin));
        } catch (RuntimeException e) {
            Directories.delete(dataDir);
            throw e;
        }
    }

    public String cpUrl() {
        return "http://localhost:" + options.ports().cpBackend();
    }

    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    public String jdbcUrl() {
        return stack.jdbcUrl();
    }

    public PlantDatabase database() {
        return PlantDatabase.connect(stack.jdbcUrl(), "postgres", superuserPassword(dataDir));
    }

    /** The embedded PostgreSQL's superuser password, generated into the launcher's data directory. */
    public static String superuserPassword(Path dataDir) {
        return com.myagents.launcher.LocalSecrets.loadOrCreate(dataDir).get(com.myagents.launcher.LocalSecrets.POSTGRES_SUPERUSER_PASSWORD);
    }

    /** The management ports of the services running now (each answers /actuator/health). */
    public List<Integer> servicePorts() {
        return stack.services().values().stream()
                .map(context -> context.getEnvironment().getProperty("local.management.port", Integer.class))
                .toList();
    }

    @Override
    public void close() {
        stack.close();
        Directories.delete(dataDir);
    }
}
