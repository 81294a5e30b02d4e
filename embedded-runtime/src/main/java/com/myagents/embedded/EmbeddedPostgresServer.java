package com.myagents.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run as a child process from the binaries zonky ships in a jar. With a
 * data directory that already holds a cluster, it starts that cluster again: state survives.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String USER = "postgres";

    /** The first line of the pg_hba.conf this class writes: a cluster with it has its superuser password set. */
    static final String HBA_MARKER = "# myagents: passwords required";

    private final EmbeddedPostgres postgres;
    private final String database;
    private final String superuserPassword;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database, String superuserPassword) {
        this.postgres = postgres;
        this.database = database;
        this.superuserPassword = superuserPassword;
    }

    /** Trusting every local connection, superuser without password: for module tests. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String database) {
        return start(dataDir, port, database, null, true);
    }

    /**
     * With {@code stopWithJvm} false the server is not stopped by a JVM shutdown hook of its own:
     * whoever started it stops it, last, after every client of it (the launcher's ordered stop).
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String database, boolean stopWithJvm) {
        return start(dataDir, port, database, null, stopWithJvm);
    }

    /** As {@link #start(Path, int, String, String, boolean)}, stopped by a JVM shutdown hook of its own. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String database, String superuserPassword) {
        return start(dataDir, port, database, superuserPassword, true);
    }

    /**
     * With a {@code superuserPassword}: every connection must give its role's password
     * (SCRAM-SHA-256), the superuser's included, over TCP and over the Unix socket alike.
     * A cluster that was started without one before gets the password and the rules now.
     * Without (null): as {@link #start(Path, int, String)}. With {@code stopWithJvm} false, whoever
     * started it stops it (the launcher's ordered stop).
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String database, String superuserPassword,
            boolean stopWithJvm) {
        try {
            Files.createDirectories(dataDir);
            boolean existed = Files.exists(dataDir.resolve("PG_VERSION"));
            boolean passwordsRequired = existed && hbaIsOurs(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setRegisterShutdownHook(stopWithJvm);
            Path passwordFile = null;
            if (superuserPassword != null) {
                builder.setConnectConfig("password", superuserPassword);
                if (!existed) {
                    // initdb sets the superuser's password: the cluster never runs without one
                    passwordFile = Files.createTempFile("myagents-pg", ".pw");
                    Files.writeString(passwordFile, superuserPassword);
                    builder.setLocaleConfig("pwfile", passwordFile.toString());
                    builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
                } else if (passwordsRequired) {
                    builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
                }
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                if (passwordFile != null) {
                    Files.deleteIfExists(passwordFile);
                }
            }
            if (superuserPassword != null && existed && !passwordsRequired) {
                requirePasswordsFromNowOn(postgres, dataDir, superuserPassword);
            }
            createDatabaseIfMissing(postgres, database);
            return new EmbeddedPostgresServer(postgres, database, superuserPassword);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    private static boolean hbaIsOurs(Path dataDir) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
    }

    /** Every connection needs a password: TCP (IPv4 and IPv6 loopback) and the Unix socket (nothing uses it). */
    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA_MARKER + "\n"
                    + "local all all scram-sha-256\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + dataDir, e);
        }
    }

    /** A cluster from before passwords were required: set the superuser's, then reload stricter rules. */
    private static void requirePasswordsFromNowOn(EmbeddedPostgres postgres, Path dataDir, String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter role postgres password " + quoteLiteral(password));
            writeHba(dataDir);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot require passwords on " + dataDir, e);
        }
    }

    /** A string literal for statements that cannot take parameters (ALTER ROLE ... PASSWORD). */
    public static String quoteLiteral(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL cannot be part of a literal");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // The name is checked above: identifiers cannot be bound as parameters.
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String username() {
        return USER;
    }

    /** The superuser's password ("" when passwords are not required). */
    public String password() {
        return superuserPassword == null ? "" : superuserPassword;
    }

    /** Whether TCP connections must give a password. */
    public boolean passwordsRequired() {
        return superuserPassword != null;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }
}
