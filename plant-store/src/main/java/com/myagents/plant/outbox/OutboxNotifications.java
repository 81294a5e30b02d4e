package com.myagents.plant.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's wake-up: {@code LISTEN} on {@value OutboxWriter#CHANNEL} over a connection of its own
 * (opened on first use, again after a failure). A lost notification only delays rows until the sweep.
 */
final class OutboxNotifications {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
    private static final Duration POLL_SLICE = Duration.ofMillis(250);

    private final ConnectionOpener connections;
    private Connection listener;

    OutboxNotifications(ConnectionOpener connections) {
        this.connections = connections;
    }

    void listen() throws SQLException {
        if (listener != null) {
            return;
        }
        listener = connections.open();
        listener.setAutoCommit(true);
        try (Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + OutboxWriter.CHANNEL);
        }
    }

    /** Waits for a notification, or until {@code sweepInterval} has passed, or while {@code running} holds. */
    void await(Duration sweepInterval, BooleanSupplier running) throws SQLException {
        PGConnection pg = listener.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + sweepInterval.toNanos();
        while (running.getAsBoolean()) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMillis <= 0) {
                return;
            }
            // getNotifications(0) would block forever: always pass a positive timeout.
            PGNotification[] notifications = pg.getNotifications((int) Math.max(1, Math.min(POLL_SLICE.toMillis(), remainingMillis)));
            if (notifications != null && notifications.length > 0) {
                return;
            }
        }
    }

    void close() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                log.debug("closing the relay's listen connection failed", e);
            }
            listener = null;
        }
    }
}
