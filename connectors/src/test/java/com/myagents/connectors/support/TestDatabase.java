package com.myagents.connectors.support;

import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import com.myagents.testsupport.SharedTestInfra;

/**
 * A freshly migrated connectors schema of its own on the shared test PostgreSQL.
 */
public final class TestDatabase {

    private static DSLContext shared;

    private TestDatabase() {
    }

    /** One migrated schema per test JVM; tests keep apart by using fresh idempotency keys. */
    public static synchronized DSLContext dsl() {
        if (shared == null) {
            String schema = "connectors_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            SharedTestInfra.migrate(schema, false, "classpath:db/connectors");
            shared = DSL.using(SharedTestInfra.pool(schema, 3), SQLDialect.POSTGRES);
        }
        return shared;
    }
}
