package com.myagents.cp.vault.resolve;

import static com.myagents.cp.jooq.generated.Tables.CREDENTIAL_ACCESS_AUDIT;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

import io.micrometer.core.instrument.MeterRegistry;

/** One row per resolve attempt, granted or refused. Caller-supplied values are cut to their column sizes. */
@Repository
public class CredentialAccessAudit {

    /** Who asked, for what, in which execution, and how it ended. Any value may be null when not known. */
    public record Attempt(String caller, String credentialRef, String customerId, String purpose,
                          String correlationId, AccessOutcome outcome) {
    }

    private final DSLContext db;
    private final ObjectProvider<MeterRegistry> meters;

    public CredentialAccessAudit(DSLContext db, ObjectProvider<MeterRegistry> meters) {
        this.db = db;
        this.meters = meters;
    }

    public void record(Attempt attempt, OffsetDateTime at) {
        db.insertInto(CREDENTIAL_ACCESS_AUDIT)
                .set(CREDENTIAL_ACCESS_AUDIT.AUDIT_ID, UUID.randomUUID())
                .set(CREDENTIAL_ACCESS_AUDIT.ACCESSED_AT, at)
                .set(CREDENTIAL_ACCESS_AUDIT.CALLER, cut(attempt.caller(), 200))
                .set(CREDENTIAL_ACCESS_AUDIT.CREDENTIAL_REF, cut(attempt.credentialRef(), 64))
                .set(CREDENTIAL_ACCESS_AUDIT.CUSTOMER_ID, cut(attempt.customerId(), 64))
                .set(CREDENTIAL_ACCESS_AUDIT.PURPOSE, cut(attempt.purpose(), 100))
                .set(CREDENTIAL_ACCESS_AUDIT.CORRELATION_ID, cut(attempt.correlationId(), 128))
                .set(CREDENTIAL_ACCESS_AUDIT.OUTCOME, attempt.outcome().dbValue())
                .execute();
        meters.ifAvailable(registry -> registry.counter("myagents.vault.resolves", "outcome", attempt.outcome().dbValue())
                .increment());
    }

    /** Whether this execution has already been handed this credential. */
    public boolean resolvedBefore(String correlationId, String credentialRef) {
        return db.fetchExists(CREDENTIAL_ACCESS_AUDIT, CREDENTIAL_ACCESS_AUDIT.CORRELATION_ID.eq(correlationId)
                .and(CREDENTIAL_ACCESS_AUDIT.CREDENTIAL_REF.eq(credentialRef))
                .and(CREDENTIAL_ACCESS_AUDIT.OUTCOME.eq(AccessOutcome.RESOLVED.dbValue())));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
