package com.myagents.pp;

import static com.myagents.pp.jooq.generated.Tables.OPERATOR_AUDIT;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.embedded.SharedTestInfra;
import com.myagents.pp.jooq.generated.tables.records.OperatorAuditRecord;

/**
 * One pp-backend per test JVM, started through {@link PpBackendApplication#builder()} like the
 * launcher does: a real HTTP server on a random port, the real PostgreSQL (schema pp, demo data on)
 * and a {@link RecordingGateway} where the gateway would be.
 */
public final class RunningPpBackend {

    public static final byte[] TOKEN_KEY = randomKey();
    public static final byte[] SERVICE_KEY = randomKey();
    public static final RecordingGateway GATEWAY = RecordingGateway.start();

    private static ConfigurableApplicationContext app;
    private static URI base;

    private RunningPpBackend() {
    }

    public static synchronized URI base() {
        if (app == null) {
            EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
            app = PpBackendApplication.builder().run(
                    "--server.port=0",
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--myagents.demo-data=true",
                    "--myagents.tokens.key=" + Base64.getEncoder().encodeToString(TOKEN_KEY),
                    "--myagents.gateway.url=" + GATEWAY.uri(),
                    "--myagents.gateway.service-key=" + Base64.getEncoder().encodeToString(SERVICE_KEY));
            base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
        }
        return base;
    }

    public static URI uri(String path) {
        return base().resolve(path);
    }

    /** A bean of the running app, for tests that look behind the HTTP surface. */
    public static <T> T bean(Class<T> type) {
        base();
        return app.getBean(type);
    }

    /** The correlation id the door minted for a request (its response header). */
    public static String correlationOf(java.net.http.HttpResponse<?> response) {
        return response.headers().firstValue(com.myagents.http.identity.Hops.CORRELATION_HEADER).orElseThrow();
    }

    /** The audit entries of one request, read from the database the app writes. */
    public static List<OperatorAuditRecord> auditOf(String correlationId) {
        base();
        return app.getBean(DSLContext.class).selectFrom(OPERATOR_AUDIT)
                .where(OPERATOR_AUDIT.CORRELATION_ID.eq(correlationId))
                .orderBy(OPERATOR_AUDIT.ID)
                .fetch();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
