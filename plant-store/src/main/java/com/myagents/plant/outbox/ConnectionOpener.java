package com.myagents.plant.outbox;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens the relay's own connection for LISTEN: it stays open for as long as the relay runs. */
@FunctionalInterface
public interface ConnectionOpener {

    Connection open() throws SQLException;
}
