package com.myagents.pp;

import static com.myagents.pp.jooq.generated.Tables.OPERATOR_AUDIT;

import java.net.URI;
import java.util.List;

import org.jooq.DSLContext;

import com.myagents.pp.jooq.generated.tables.records.OperatorAuditRecord;
import com.myagents.testsupport.Http;
import com.myagents.testsupport.RecordingGateway;
import com.myagents.testsupport.RunningDoor;

/**
 * One pp-backend per test JVM ({@link RunningDoor}: schema pp, demo data on, a {@link RecordingGateway}
 * where the gateway would be), and the operator audit it writes.
 */
public final class RunningPpBackend {

    /** The running door; a test registers it as an extension to start each test with a gateway that forgot earlier calls. */
    public static final RunningDoor DOOR = new RunningDoor(PpBackendApplication::builder, "/api/pp/auth/login");

    public static final byte[] TOKEN_KEY = DOOR.tokenKey();
    public static final byte[] SERVICE_KEY = DOOR.serviceKey();
    public static final RecordingGateway GATEWAY = DOOR.gateway();
    /** pp-backend's HTTP surface, as the browser calls it. */
    public static final Http HTTP = DOOR.http();
    /** The demo operators, signed in at this door. */
    public static final SignedInOperators OPERATORS = new SignedInOperators(HTTP);

    private RunningPpBackend() {
    }

    public static URI base() {
        return DOOR.base();
    }

    public static URI uri(String path) {
        return DOOR.uri(path);
    }

    /** A bean of the running app, for tests that look behind the HTTP surface. */
    public static <T> T bean(Class<T> type) {
        return DOOR.bean(type);
    }

    /** The correlation id the door minted for a request (its response header). */
    public static String correlationOf(java.net.http.HttpResponse<?> response) {
        return response.headers().firstValue(com.myagents.http.identity.Hops.CORRELATION_HEADER).orElseThrow();
    }

    /** The audit entries of one request, read from the database the app writes. */
    public static List<OperatorAuditRecord> auditOf(String correlationId) {
        return bean(DSLContext.class).selectFrom(OPERATOR_AUDIT)
                .where(OPERATOR_AUDIT.CORRELATION_ID.eq(correlationId))
                .orderBy(OPERATOR_AUDIT.ID)
                .fetch();
    }
}
