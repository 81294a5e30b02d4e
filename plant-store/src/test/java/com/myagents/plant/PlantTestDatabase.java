package com.myagents.plant;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.testsupport.SharedTestInfra;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A freshly migrated Plant schema of its own on the shared test PostgreSQL, so test classes
 * never see each other's rows. The generated jOOQ classes are unqualified: the pool's schema
 * decides where they point, as in production.
 */
public record PlantTestDatabase(String schema, MigrateResult migration, HikariDataSource dataSource, DSLContext dsl)
        implements AutoCloseable {

    public static PlantTestDatabase migrated(boolean demoData) {
        String schema = freshSchemaName();
        MigrateResult result = demoData
                ? SharedTestInfra.migrate(schema, true, "classpath:db/plant", "classpath:db/plant-demo")
                : SharedTestInfra.migrate(schema, false, "classpath:db/plant");
        HikariDataSource pool = SharedTestInfra.pool(schema, 4);
        return new PlantTestDatabase(schema, result, pool, DSL.using(pool, SQLDialect.POSTGRES));
    }

    public static String freshSchemaName() {
        return "plant_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A connection outside the pool, like the relay's LISTEN connection. */
    public Connection openConnection() throws SQLException {
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
