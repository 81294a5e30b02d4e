package com.myagents.connectors.support;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.testsupport.SharedTestInfra;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A freshly migrated connectors schema of its own on the shared test PostgreSQL. The generated
 * jOOQ classes are unqualified: the pool's schema decides where they point, as in production.
 */
public final class TestDatabase {

    private static DSLContext shared;

    private TestDatabase() {
    }

    /** One migrated schema per test JVM; tests keep apart by using fresh idempotency keys. */
    public static synchronized DSLContext dsl() {
        if (shared == null) {
            EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
            String schema = "connectors_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            Flyway.configure()
                    .dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .schemas(schema).defaultSchema(schema).createSchemas(true)
                    .locations("classpath:db/connectors")
                    .load().migrate();
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(postgres.jdbcUrl());
            pool.setUsername(postgres.username());
            pool.setPassword(postgres.password());
            pool.setSchema(schema);
            pool.setMaximumPoolSize(3);
            pool.setPoolName(schema);
            shared = DSL.using(new HikariDataSource(pool), SQLDialect.POSTGRES);
        }
        return shared;
    }
}
