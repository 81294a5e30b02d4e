package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.CUSTOMER_DIRECTORY;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Customer id → email, as the verified identity said when the customer last called Plant; lets
 * operators find a customer's agents by email. Each instance writes an id only when it has not
 * yet written that very email, so a busy customer costs one write per instance, not per call.
 */
@Repository
public class CustomerDirectory {

    static final int MAX_EMAIL = 320;

    private final DSLContext db;
    private final Map<UUID, String> written = new ConcurrentHashMap<>();

    public CustomerDirectory(DSLContext db) {
        this.db = db;
    }

    public void remember(UUID customerId, String email) {
        String normalized = normalize(email);
        if (normalized == null || normalized.equals(written.get(customerId))) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(CUSTOMER_DIRECTORY)
                .set(CUSTOMER_DIRECTORY.CUSTOMER_ID, customerId)
                .set(CUSTOMER_DIRECTORY.EMAIL, normalized)
                .set(CUSTOMER_DIRECTORY.FIRST_SEEN_AT, now)
                .set(CUSTOMER_DIRECTORY.LAST_SEEN_AT, now)
                .onConflict(CUSTOMER_DIRECTORY.CUSTOMER_ID)
                .doUpdate()
                .set(CUSTOMER_DIRECTORY.EMAIL, normalized)
                .set(CUSTOMER_DIRECTORY.LAST_SEEN_AT, now)
                .execute();
        written.put(customerId, normalized);
    }

    public List<UUID> customersWithEmail(String email) {
        String normalized = normalize(email);
        if (normalized == null) {
            return List.of();
        }
        return db.select(CUSTOMER_DIRECTORY.CUSTOMER_ID).from(CUSTOMER_DIRECTORY)
                .where(CUSTOMER_DIRECTORY.EMAIL.eq(normalized))
                .fetch(CUSTOMER_DIRECTORY.CUSTOMER_ID);
    }

    /** Lower-case and trimmed, or {@code null} when it is no plausible address. */
    static String normalize(String email) {
        if (email == null) {
            return null;
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        int at = normalized.indexOf('@');
        boolean plausible = at > 0 && at < normalized.length() - 1 && normalized.length() <= MAX_EMAIL;
        return plausible ? normalized : null;
    }
}
