package com.myagents.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Queries a system test checks the database with, as PostgreSQL's superuser. */
record SuperuserSql(String jdbcUrl, String password) {

    long count(String sql) {
        return Long.parseLong(strings(sql).get(0));
    }

    /** Runs statements (several, separated by semicolons, in one round trip). */
    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", password)) {
            c.createStatement().execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row. */
    List<String> strings(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", password);
             ResultSet r = c.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
