package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.CUSTOMER_DIRECTORY;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Customer id → email and display name, as the verified identity said when the customer last
 * called Plant; lets operators find a customer's agents by email or name and see them by name.
 * Each instance writes an id only when it has not yet written that very email and name, so a busy
 * customer costs one write per instance, not per call.
 */
@Repository
public class CustomerDirectory {

    static final int MAX_EMAIL = 320;
    /** As long as cp.customers.display_name may be. */
    static final int MAX_NAME = 200;

    private record Written(String email, String name) {
    }

    private final DSLContext db;
    private final Map<UUID, Written> written = new ConcurrentHashMap<>();

    public CustomerDirectory(DSLContext db) {
        this.db = db;
    }

    public void remember(UUID customerId, String email) {
        remember(customerId, email, null);
    }

    /**
     * Records the email and, when the identity carried one, the display name; an identity without
     * a name (an older token) keeps the name already recorded.
     */
    public void remember(UUID customerId, String email, String displayName) {
        String normalized = normalize(email);
        String name = normalizeName(displayName);
        Written now = new Written(normalized, name);
        Written before = written.get(customerId);
        if (normalized == null || now.equals(before) || name == null && before != null && normalized.equals(before.email())) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(CUSTOMER_DIRECTORY)
                .set(CUSTOMER_DIRECTORY.CUSTOMER_ID, customerId)
                .set(CUSTOMER_DIRECTORY.EMAIL, normalized)
                .set(CUSTOMER_DIRECTORY.DISPLAY_NAME, name)
                .set(CUSTOMER_DIRECTORY.FIRST_SEEN_AT, at)
                .set(CUSTOMER_DIRECTORY.LAST_SEEN_AT, at)
                .onConflict(CUSTOMER_DIRECTORY.CUSTOMER_ID)
                .doUpdate()
                .set(CUSTOMER_DIRECTORY.EMAIL, normalized)
                .set(CUSTOMER_DIRECTORY.DISPLAY_NAME,
                        DSL.coalesce(DSL.excluded(CUSTOMER_DIRECTORY.DISPLAY_NAME), CUSTOMER_DIRECTORY.DISPLAY_NAME))
                .set(CUSTOMER_DIRECTORY.LAST_SEEN_AT, at)
                .execute();
        written.put(customerId, now);
    }

    /**
     * Display names of the customers among {@code customerIds} that have one; ids that are no
     * UUID (a denial of a malformed request) are skipped.
     */
    public Map<String, String> namesOf(Collection<String> customerIds) {
        Set<UUID> ids = new HashSet<>();
        for (String id : customerIds) {
            try {
                if (id != null) {
                    ids.add(UUID.fromString(id));
                }
            } catch (IllegalArgumentException notAUuid) {
                // nobody by that id; nothing to name
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        db.select(CUSTOMER_DIRECTORY.CUSTOMER_ID, CUSTOMER_DIRECTORY.DISPLAY_NAME).from(CUSTOMER_DIRECTORY)
                .where(CUSTOMER_DIRECTORY.CUSTOMER_ID.in(ids).and(CUSTOMER_DIRECTORY.DISPLAY_NAME.isNotNull()))
                .forEach(r -> names.put(r.value1().toString(), r.value2()));
        return names;
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

    /** Trimmed and cut to {@link #MAX_NAME} characters, or {@code null} when blank. */
    static String normalizeName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        return stripped.length() <= MAX_NAME ? stripped : stripped.substring(0, MAX_NAME);
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
