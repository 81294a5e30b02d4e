package com.myagents.pp.audit;

import static com.myagents.pp.jooq.generated.Tables.OPERATOR_AUDIT;

import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' audit trail: who (operator id), what (action and target), when, under which
 * correlation id, with what result (status and, for actions that decide something, a detail). An
 * entry is written before the audited call goes on (a failed write stops the call) and completed
 * with the answer's status afterwards.
 */
@Repository
public class OperatorAudit {

    static final int MAX_TARGET = 2048;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;

    public OperatorAudit(DSLContext db) {
        this.db = db;
    }

    /** @param operatorId {@code null} when nobody could be identified (e.g. an unknown email) */
    public long record(UUID operatorId, String action, String target, String correlationId) {
        return insert(operatorId, action, target, correlationId, null, Map.of());
    }

    public void complete(long entryId, int statusCode) {
        complete(entryId, statusCode, Map.of());
    }

    /** @param detail what the action decided, kept as JSON; empty keeps none */
    public void complete(long entryId, int statusCode, Map<String, Object> detail) {
        db.update(OPERATOR_AUDIT)
                .set(OPERATOR_AUDIT.STATUS_CODE, statusCode)
                .set(OPERATOR_AUDIT.DETAIL, json(detail))
                .where(OPERATOR_AUDIT.ID.eq(entryId))
                .execute();
    }

    /** An entry whose outcome is already known (a sign-in, a refusal). */
    public long recordFinished(UUID operatorId, String action, String target, String correlationId, int statusCode) {
        return insert(operatorId, action, target, correlationId, statusCode, Map.of());
    }

    public long recordFinished(UUID operatorId, String action, String target, String correlationId, int statusCode,
                               Map<String, Object> detail) {
        return insert(operatorId, action, target, correlationId, statusCode, detail);
    }

    private long insert(UUID operatorId, String action, String target, String correlationId, Integer statusCode,
                        Map<String, Object> detail) {
        return db.insertInto(OPERATOR_AUDIT)
                .set(OPERATOR_AUDIT.OPERATOR_ID, operatorId)
                .set(OPERATOR_AUDIT.ACTION, action)
                .set(OPERATOR_AUDIT.TARGET, target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target)
                .set(OPERATOR_AUDIT.CORRELATION_ID, correlationId)
                .set(OPERATOR_AUDIT.STATUS_CODE, statusCode)
                .set(OPERATOR_AUDIT.DETAIL, json(detail))
                .returning(OPERATOR_AUDIT.ID)
                .fetchOne(OPERATOR_AUDIT.ID);
    }

    private static JSONB json(Map<String, Object> detail) {
        return detail == null || detail.isEmpty() ? null : JSONB.valueOf(JSON.writeValueAsString(detail));
    }
}
