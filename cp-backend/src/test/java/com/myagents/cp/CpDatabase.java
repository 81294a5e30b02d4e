package com.myagents.cp;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.testsupport.SharedTestInfra;

/** Plain JDBC into cp-backend's schema, for tests that look at what is really stored. */
public final class CpDatabase {

    private CpDatabase() {
    }

    public static List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> result = new ArrayList<>();
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnName(column), rows.getObject(column));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every place in every table of schema cp where {@code needle} occurs, as {@code table.column}:
     * text columns as text, binary columns as their raw bytes read as UTF-8.
     */
    public static List<String> whereStored(String needle) {
        List<String> hits = new ArrayList<>();
        List<Map<String, Object>> tables = query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'cp' AND table_type = 'BASE TABLE'");
        try (Connection connection = connect()) {
            for (Map<String, Object> table : tables) {
                String name = (String) table.get("table_name");
                try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM cp.\"" + name + "\"");
                     ResultSet rows = statement.executeQuery()) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            String value = meta.getColumnType(column) == Types.BINARY
                                    ? bytesAsText(rows.getBytes(column)) : rows.getString(column);
                            if (value != null && value.contains(needle)) {
                                hits.add(name + "." + meta.getColumnName(column));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    /** How many tables the scan above covers, so a test can tell it looked at the vault's. */
    public static List<String> tables() {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'cp' "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name").stream()
                .map(row -> (String) row.get("table_name")).toList();
    }

    private static String bytesAsText(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Connection connect() throws SQLException {
        RunningCpBackend.base();
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
