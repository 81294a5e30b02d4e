package com.myagents.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One whole system per test JVM on the embedded runtime (free ports, a temporary data directory,
 * demo data), shared by the launcher's test classes and stopped when the JVM exits.
 */
final class RunningSystem {

    private static LocalStack stack;
    private static LocalStackOptions options;

    private RunningSystem() {
    }

    static synchronized LocalStack stack() {
        if (stack == null) {
            try {
                Path dataDir = Files.createTempDirectory("myagents-system-");
                options = new LocalStackOptions(dataDir, LocalStackOptions.Ports.free(), null, null, true, Set.of(),
                        Map.of("myagents.execute.decision-wait", "5s"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stack = LocalStack.start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "running-system-stop"));
        }
        return stack;
    }

    static LocalStackOptions options() {
        stack();
        return options;
    }

    /** cp-backend's internal vault listener, as the connectors were given it. */
    static int vaultPort() {
        return Integer.parseInt(stack().services().get("cp-backend").getEnvironment()
                .getProperty("myagents.vault.internal-port"));
    }

    /** The embedded PostgreSQL's superuser password (the tests look at tables no service may read). */
    static String postgresPassword() {
        return LocalSecrets.loadOrCreate(options().dataDir()).get(LocalSecrets.POSTGRES_SUPERUSER_PASSWORD);
    }

    static String cp() {
        return "http://localhost:" + options().ports().cpBackend();
    }
}
