package com.myagents.launcher.lifecycle;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component of the stack that did not start, with the cause in one line an operator can act on
 * (a port in use, a data directory locked by another process, a database of another version)
 * rather than a stack trace.
 */
public final class StartFailure extends RuntimeException {

    /** The PostgreSQL major version of the binaries the embedded server runs (the zonky binaries BOM). */
    public static final String POSTGRES_MAJOR = "18";

    private static final Pattern BIND = Pattern.compile("(?i)failed to bind to ([^:\\s]+):(\\d+)");
    private static final Pattern PORT = Pattern.compile("(?i)port (\\d+) (?:is|was) already in use");

    private final String component;
    private final String cause;
    private final boolean known;

    private StartFailure(String component, String cause, boolean known, Throwable error) {
        super(component + " did not start: " + cause, error);
        this.component = component;
        this.cause = cause;
        this.known = known;
    }

    /** Fails before anything starts when a port the component needs is taken. */
    public static void requireFree(String component, String what, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartFailure(component, what + " port " + port + " is in use (move it with the option in the "
                    + "README's options table, or stop what listens there)", true, null);
        }
    }

    /** The failure of {@code component}, its cause read from the error (and from its data directory). */
    public static StartFailure of(String component, Throwable error, Path dataDir) {
        if (error instanceof StartFailure already) {
            return already;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause.getClass().getSimpleName().equals("PortInUseException") || cause instanceof BindException) {
                Matcher port = PORT.matcher(message);
                return new StartFailure(component, (port.find() ? "port " + port.group(1) : "its port") + " is in use",
                        true, error);
            }
            Matcher bind = BIND.matcher(message);
            if (bind.find()) {
                return new StartFailure(component, "port " + bind.group(2) + " is in use", true, error);
            }
            if (message.contains("Failed to acquire lock on file .lock")) {
                return new StartFailure(component, "data directory " + dataDir + " is locked by another process "
                        + "(another myagents running on it?)", true, error);
            }
            if (message.contains("postmaster.pid")) {
                return new StartFailure(component, "data directory " + dataDir + " is locked by another PostgreSQL "
                        + "(postmaster.pid)", true, error);
            }
            if (message.contains("Detected applied migration not resolved locally")) {
                return new StartFailure(component, "the database holds migrations this build does not know (it was "
                        + "used by a newer version); use that version or --wipe", true, error);
            }
        }
        String version = postgresVersion(dataDir);
        if (version != null && !version.equals(POSTGRES_MAJOR)) {
            return new StartFailure(component, "data directory " + dataDir + " was initialised by PostgreSQL " + version
                    + ", this build runs PostgreSQL " + POSTGRES_MAJOR + " (use --wipe, or a DATABASE_URL of a server "
                    + "of that version)", true, error);
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return new StartFailure(component, root.getClass().getSimpleName() + ": " + first, false, error);
    }

    private static String postgresVersion(Path dataDir) {
        if (dataDir == null) {
            return null;
        }
        Path file = dataDir.resolve("PG_VERSION");
        try {
            return Files.isRegularFile(file) ? Files.readString(file).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    public String component() {
        return component;
    }

    /** The cause alone, one line. */
    public String cause() {
        return cause;
    }

    /** True when the cause was recognised, so its stack trace tells an operator nothing more. */
    public boolean known() {
        return known;
    }
}
