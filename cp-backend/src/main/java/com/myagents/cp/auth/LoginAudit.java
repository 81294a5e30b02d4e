package com.myagents.cp.auth;

import static com.myagents.cp.jooq.generated.Tables.LOGIN_AUDIT;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * One row per failed sign-in, lockout, or attempt refused while locked ({@code outcome}: refused,
 * account_locked, address_throttled, locked_out). Values are cut to their column sizes.
 */
@Repository
public class LoginAudit {

    static final String LOCKED_OUT = "locked_out";

    private final DSLContext db;

    public LoginAudit(DSLContext db) {
        this.db = db;
    }

    public void record(String email, String address, String outcome, String correlationId) {
        db.insertInto(LOGIN_AUDIT)
                .set(LOGIN_AUDIT.AUDIT_ID, UUID.randomUUID())
                .set(LOGIN_AUDIT.ATTEMPTED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(LOGIN_AUDIT.EMAIL, cut(email == null ? "" : email.strip().toLowerCase(Locale.ROOT), 320))
                .set(LOGIN_AUDIT.CLIENT_ADDRESS, cut(address, 64))
                .set(LOGIN_AUDIT.OUTCOME, outcome)
                .set(LOGIN_AUDIT.CORRELATION_ID, cut(correlationId, 128))
                .execute();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
