package com.myagents.plant.outbox;

import static com.myagents.plant.jooq.generated.Tables.OUTBOX;

import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import com.myagents.contracts.Topic;
import com.myagents.contracts.serde.JsonSerde;

/**
 * Appends an event to the transactional outbox inside the caller's transaction, so the rows a
 * service writes and the events it must publish commit together or not at all. The relay is
 * woken by a notification PostgreSQL delivers only when that transaction commits.
 */
public class OutboxWriter {

    /** The LISTEN/NOTIFY channel the relay waits on. */
    public static final String CHANNEL = "myagents_outbox";

    /** The wake-up of the relay, as a one-row table to select the outbox row from. */
    private static final Table<?> NOTIFY = DSL.select(
            DSL.function("pg_notify", SQLDataType.OTHER, DSL.val(CHANNEL), DSL.val("")).as("notified")).asTable("wake");

    /**
     * @param tx the {@link DSLContext} of the caller's open transaction (e.g. {@code cfg.dsl()}
     *           inside {@code dsl.transaction(cfg -> ...)}); nothing is committed here
     */
    public <V> void append(DSLContext tx, Topic<String, V> topic, String key, V event) {
        if (key == null || event == null) {
            throw new IllegalArgumentException("an outbox event needs a key and a value for " + topic.name());
        }
        JsonSerde<V> serde = jsonSerde(topic);
        // One statement, not two: the row is selected from the one-row result of pg_notify, so the
        // notification is raised by the same round trip (PostgreSQL keeps a volatile call of an
        // unused subquery column). Delivered on commit only, and collapsed with the transaction's
        // other identical notifications.
        tx.insertInto(OUTBOX, OUTBOX.TOPIC, OUTBOX.RECORD_KEY, OUTBOX.PAYLOAD, OUTBOX.SCHEMA)
                .select(DSL.select(DSL.val(topic.name(), OUTBOX.TOPIC), DSL.val(key, OUTBOX.RECORD_KEY),
                                DSL.val(serde.write(event), OUTBOX.PAYLOAD), DSL.val(serde.schema(), OUTBOX.SCHEMA))
                        .from(NOTIFY))
                .execute();
    }

    private static <V> JsonSerde<V> jsonSerde(Topic<String, V> topic) {
        if (topic.valueSerde() instanceof JsonSerde<V> serde) {
            return serde;
        }
        throw new IllegalArgumentException("topic " + topic.name() + " has no JSON value serde");
    }
}
