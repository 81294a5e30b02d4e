package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * The roles on a database whose schemas a superuser created (every data directory from before
 * the services had their own logins): the owner takes them over, so Flyway can go on migrating.
 */
class DatabaseRolesTest {

    @Test
    void schemasASuperuserCreatedAreHandedToTheOwnerAndProvisioningTwiceChangesNothing() throws SQLException {
        LocalStack stack = RunningSystem.stack();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(RunningSystem.options().dataDir());
        String superuserPassword = RunningSystem.postgresPassword();
        try (Connection superuser = DriverManager.getConnection(stack.jdbcUrl(), "postgres", superuserPassword);
             Statement statement = superuser.createStatement()) {
            statement.execute("drop database if exists legacy");
            statement.execute("create database legacy");
        }
        String legacyUrl = stack.jdbcUrl().replaceAll("/myagents$", "/legacy");
        try (Connection superuser = DriverManager.getConnection(legacyUrl, "postgres", superuserPassword);
             Statement statement = superuser.createStatement()) {
            statement.execute("create schema pp");
            statement.execute("create table pp.operators (id bigserial primary key, email text)");
            statement.execute("create view pp.emails as select email from pp.operators");
            statement.execute("create function pp.touch() returns int language sql as 'select 1'");

            DatabaseRoles.provision(superuser, "legacy", secrets::get);
            DatabaseRoles.provision(superuser, "legacy", secrets::get);

            assertThat(owner(statement, "select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'pp'"))
                    .isEqualTo(DatabaseRoles.OWNER);
            assertThat(owner(statement, "select tableowner from pg_tables where schemaname = 'pp' and tablename = 'operators'"))
                    .isEqualTo(DatabaseRoles.OWNER);
            assertThat(owner(statement, "select viewowner from pg_views where schemaname = 'pp' and viewname = 'emails'"))
                    .isEqualTo(DatabaseRoles.OWNER);
            assertThat(owner(statement, "select pg_get_userbyid(proowner) from pg_proc where proname = 'touch'"))
                    .isEqualTo(DatabaseRoles.OWNER);
        }
        try (Connection owner = DriverManager.getConnection(legacyUrl, DatabaseRoles.OWNER, secrets.get(DatabaseRoles.OWNER_PASSWORD));
             Statement statement = owner.createStatement()) {
            statement.execute("alter table pp.operators add column name text");
            statement.execute("create schema plant");
        }
        assertThatThrownBy(() -> DatabaseRoles.provision(null, "no; drop", secrets::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String owner(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        }
    }
}
