package com.myagents.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The keys of the local runtime: generated at random into the data directory on first start,
 * read back on every later start (tokens and encrypted rows stay valid), never a constant.
 */
public final class LocalSecrets {

    static final List<String> NAMES = names();

    public static final String POSTGRES_SUPERUSER_PASSWORD = "postgres-superuser-password";
    public static final String KAFKA_BROKER_PASSWORD = "kafka-broker-password";

    /** The keys, then the passwords of the embedded PostgreSQL's and Kafka's users (one per service). */
    private static List<String> names() {
        List<String> names = new java.util.ArrayList<>(List.of(
                "customer-token-key", "operator-token-key", "cp-service-key", "pp-service-key",
                "plant-identity-key", "command-signing-key", "vault-master-key", "vault-resolver-key",
                "review-receipt-key", "postgres-superuser-password", DatabaseRoles.OWNER_PASSWORD,
                "kafka-broker-password"));
        DatabaseRoles.SERVICE_ROLES.keySet().stream().sorted().map(DatabaseRoles::passwordName).forEach(names::add);
        KafkaAccessPolicy.users().stream().map(KafkaAccessPolicy::passwordName).forEach(names::add);
        return List.copyOf(names);
    }

    private final Properties keys;

    private LocalSecrets(Properties keys) {
        this.keys = keys;
    }

    public static LocalSecrets loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve("secrets.properties");
        Properties keys = new Properties();
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    keys.load(in);
                }
            }
            boolean added = false;
            SecureRandom random = new SecureRandom();
            for (String name : NAMES) {
                if (!keys.containsKey(name)) {
                    byte[] key = new byte[32];
                    random.nextBytes(key);
                    // passwords without '=' or '/': Properties would escape '=' and people copy them into files
                    keys.setProperty(name, name.endsWith("-password")
                            ? Base64.getUrlEncoder().withoutPadding().encodeToString(key)
                            : Base64.getEncoder().encodeToString(key));
                    added = true;
                }
            }
            if (added) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    keys.store(out, "local runtime keys: keep private; delete the data directory to start over");
                }
                restrictToOwner(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
        return new LocalSecrets(keys);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
    }

    /**
     * The key named {@code name}; an environment variable {@code MYAGENTS_<NAME>} (upper snake
     * case) wins, so that several containers of one deployment share their keys.
     */
    public String get(String name) {
        String fromEnvironment = fromEnvironment(name);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        String value = keys.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("no local key " + name);
        }
        return value;
    }

    /**
     * Only the environment's {@code MYAGENTS_<NAME>} (null without one): for credentials of an
     * external Kafka or PostgreSQL, which a generated value could never match.
     */
    public String fromEnvironment(String name) {
        String value = System.getenv(environmentVariable(name));
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code kafka-password-auditor} → {@code MYAGENTS_KAFKA_PASSWORD_AUDITOR}. */
    static String environmentVariable(String name) {
        return "MYAGENTS_" + name.toUpperCase().replace('-', '_');
    }
}
