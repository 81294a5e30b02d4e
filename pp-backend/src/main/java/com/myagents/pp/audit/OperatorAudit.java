package com.myagents.pp.audit;

import static com.myagents.pp.jooq.generated.Tables.OPERATOR_AUDIT;

import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The operators' audit trail. An entry is written before the audited call goes on (a failed write
 * stops the call) and completed with the answer's status afterwards.
 */
@Repository
public class OperatorAudit {

    static final int MAX_TARGET = 2048;

    private final DSLContext db;

    public OperatorAudit(DSLContext db) {
        this.db = db;
    }

    /** @param operatorId {@code null} when nobody could be identified (e.g. an unknown email) */
    public long record(UUID operatorId, String action, String target, String correlationId) {
        return insert(operatorId, action, target, correlationId, null);
    }

    public void complete(long entryId, int statusCode) {
        db.update(OPERATOR_AUDIT)
                .set(OPERATOR_AUDIT.STATUS_CODE, statusCode)
                .where(OPERATOR_AUDIT.ID.eq(entryId))
                .execute();
    }

    /** An entry whose outcome is already known (a sign-in, a refusal). */
    public long recordFinished(UUID operatorId, String action, String target, String correlationId, int statusCode) {
        return insert(operatorId, action, target, correlationId, statusCode);
    }

    private long insert(UUID operatorId, String action, String target, String correlationId, Integer statusCode) {
        return db.insertInto(OPERATOR_AUDIT)
                .set(OPERATOR_AUDIT.OPERATOR_ID, operatorId)
                .set(OPERATOR_AUDIT.ACTION, action)
                .set(OPERATOR_AUDIT.TARGET, target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target)
                .set(OPERATOR_AUDIT.CORRELATION_ID, correlationId)
                .set(OPERATOR_AUDIT.STATUS_CODE, statusCode)
                .returning(OPERATOR_AUDIT.ID)
                .fetchOne(OPERATOR_AUDIT.ID);
    }
}
