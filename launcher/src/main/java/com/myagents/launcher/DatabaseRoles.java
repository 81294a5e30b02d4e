package com.myagents.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.myagents.embedded.EmbeddedPostgresServer;

/**
 * The PostgreSQL logins of the system. {@value #OWNER} owns the schemas and is what Flyway
 * migrates with; each service that uses the database logs in as its own role, which owns nothing
 * and has only the grants its schema's Flyway {@code afterMigrate} callback gives it
 * ({@code db/<schema>-grants}): cp-backend alone reads {@code cp} (the vault), pp-backend only
 * {@code pp}, connectors only {@code connectors}, ingest-api the {@code plant} tables, plant-store
 * only what its materializer writes, its outbox and what its snapshot reads, the gateway only its
 * shared rate-limit buckets ({@code gateway.rate_buckets}). No service is a
 * superuser; the superuser only creates these roles, at start.
 */
final class DatabaseRoles {

    static final String OWNER = "myagents_owner";
    static final String OWNER_PASSWORD = "database-owner-password";

    /** service name → its login role, for the services that use the database. */
    static final Map<String, String> SERVICE_ROLES = serviceRoles();

    /** The schemas the owner owns (a cluster from before this class: taken over from the superuser). */
    static final List<String> SCHEMAS = List.of("plant", "cp", "pp", "connectors", "gateway");

    private DatabaseRoles() {
    }

    private static Map<String, String> serviceRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        for (String service : List.of("plant-store", "ingest-api", "connectors", "cp-backend", "pp-backend", "gateway")) {
            roles.put(service, "myagents_" + service.replace('-', '_'));
        }
        return Map.copyOf(roles);
    }

    /** The secret (LocalSecrets name, env {@code MYAGENTS_DATABASE_PASSWORD_<SERVICE>}) holding a service's password. */
    static String passwordName(String service) {
        return "database-password-" + service;
    }

    /**
     * As a superuser (or a role with CREATEROLE that owns {@code database}): creates the owner and
     * every service role, or sets their passwords again; lets the owner create schemas; hands the
     * schemas a superuser created earlier to the owner. Safe to run on every start.
     */
    static void provision(Connection admin, String database, UnaryOperator<String> passwords) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        login(admin, OWNER, passwords.apply(OWNER_PASSWORD));
        for (Map.Entry<String, String> service : SERVICE_ROLES.entrySet()) {
            login(admin, service.getValue(), passwords.apply(passwordName(service.getKey())));
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("revoke create on schema public from public");
            statement.execute("grant connect, create on database " + database + " to " + OWNER);
            for (String schema : SCHEMAS) {
                if (schemaOwnedByAnother(admin, schema)) {
                    takeOver(statement, schema);
                }
            }
        }
    }

    private static void login(Connection admin, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement query = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                exists = rows.next();
            }
        }
        try (Statement statement = admin.createStatement()) {
            // role names are constants of this class; a password cannot be bound as a parameter here
            statement.execute((exists ? "alter role " : "create role ") + role
                    + " login nosuperuser nocreatedb nocreaterole noinherit password "
                    + EmbeddedPostgresServer.quoteLiteral(password));
        }
    }

    private static boolean schemaOwnedByAnother(Connection admin, String schema) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(
                "select pg_get_userbyid(nspowner) from pg_namespace where nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && !OWNER.equals(rows.getString(1));
            }
        }
    }

    /** A schema Flyway created as the superuser (before roles existed): everything in it goes to the owner. */
    private static void takeOver(Statement statement, String schema) throws SQLException {
        statement.execute("alter schema " + schema + " owner to " + OWNER);
        statement.execute("""
                do $$
                declare object record;
                begin
                  for object in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                where n.nspname = '%1$s' and c.relkind in ('r', 'p', 'v', 'm') loop
                    execute format('alter %%s %%I.%%I owner to %2$s',
                                   case object.relkind when 'v' then 'view'
                                                       when 'm' then 'materialized view' else 'table' end,
                                   '%1$s', object.relname);
                  end loop;
                  for object in select p.oid::regprocedure as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                where n.nspname = '%1$s' loop
                    execute format('alter routine %%s owner to %2$s', object.signature);
                  end loop;
                end $$""".formatted(schema, OWNER));
    }
}
