package com.myagents.pp.operators;

import static com.myagents.pp.jooq.generated.Tables.OPERATORS;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.myagents.pp.jooq.generated.tables.records.OperatorsRecord;

@Repository
public class OperatorRepository {

    private final DSLContext db;

    public OperatorRepository(DSLContext db) {
        this.db = db;
    }

    /** Emails are stored lower-case, so the lookup is case-insensitive for the caller. */
    public Optional<Operator> findByEmail(String email) {
        return db.selectFrom(OPERATORS)
                .where(OPERATORS.EMAIL.eq(email.trim().toLowerCase(Locale.ROOT)))
                .fetchOptional()
                .map(OperatorRepository::toOperator);
    }

    public Optional<Operator> findById(UUID operatorId) {
        return db.selectFrom(OPERATORS)
                .where(OPERATORS.OPERATOR_ID.eq(operatorId))
                .fetchOptional()
                .map(OperatorRepository::toOperator);
    }

    /** Every operator, by name (then email, which is unique). */
    public List<Operator> all() {
        return db.selectFrom(OPERATORS)
                .orderBy(OPERATORS.DISPLAY_NAME, OPERATORS.EMAIL)
                .fetch(OperatorRepository::toOperator);
    }

    private static Operator toOperator(OperatorsRecord row) {
        return new Operator(row.getOperatorId(), row.getEmail(), row.getPasswordHash(), row.getDisplayName(),
                Arrays.stream(row.getRoles().split(","))
                        .map(String::strip)
                        .filter(role -> !role.isEmpty())
                        .collect(Collectors.toSet()));
    }
}
