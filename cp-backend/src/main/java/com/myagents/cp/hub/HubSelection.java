package com.myagents.cp.hub;

import static com.myagents.cp.jooq.generated.Tables.HUB_SELECTION;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The hired agent a customer opened last, remembered per customer. */
@Component
public record HubSelection(DSLContext db, Clock clock) {

    public void remember(UUID customerId, UUID hiredInstanceId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(HUB_SELECTION)
                .set(HUB_SELECTION.CUSTOMER_ID, customerId)
                .set(HUB_SELECTION.HIRED_INSTANCE_ID, hiredInstanceId)
                .set(HUB_SELECTION.SELECTED_AT, now)
                .onConflict(HUB_SELECTION.CUSTOMER_ID)
                .doUpdate()
                .set(HUB_SELECTION.HIRED_INSTANCE_ID, hiredInstanceId)
                .set(HUB_SELECTION.SELECTED_AT, now)
                .execute();
    }

    public Optional<String> last(UUID customerId) {
        return db.select(HUB_SELECTION.HIRED_INSTANCE_ID).from(HUB_SELECTION)
                .where(HUB_SELECTION.CUSTOMER_ID.eq(customerId))
                .fetchOptional(HUB_SELECTION.HIRED_INSTANCE_ID)
                .map(UUID::toString);
    }
}
