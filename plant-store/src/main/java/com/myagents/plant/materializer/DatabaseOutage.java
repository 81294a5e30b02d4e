package com.myagents.plant.materializer;

import java.sql.SQLException;

/**
 * Tells a database that is away (connection lost, pool exhausted, deadlock, shutdown) from a
 * record the database refuses for good (bad data: SQLSTATE classes 22 and 23). The first is
 * retried for as long as it lasts; the second is a poison record, dead-lettered after a few
 * retries ({@link PoisonRecords}).
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || !(state.startsWith("22") || state.startsWith("23"));
            }
        }
        return false;
    }
}
