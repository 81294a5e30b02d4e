package com.myagents.plant.outbox;

import static com.myagents.plant.jooq.generated.Tables.OUTBOX;

import org.jooq.DSLContext;
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

    /**
     * @param tx the {@link DSLContext} of the caller's open transaction (e.g. {@code cfg.dsl()}
     *           inside {@code dsl.transaction(cfg -> ...)}); nothing is committed here
     */
    public <V> void append(DSLContext tx, Topic<String, V> topic, String key, V event) {
        if (key == null || event == null) {
            throw new IllegalArgumentException("an outbox event needs a key and a value for " + topic.name());
        }
        JsonSerde<V> serde = jsonSerde(topic);
        tx.insertInto(OUTBOX)
                .set(OUTBOX.TOPIC, topic.name())
                .set(OUTBOX.RECORD_KEY, key)
                .set(OUTBOX.PAYLOAD, serde.write(event))
                .set(OUTBOX.SCHEMA, serde.schema())
                .execute();
        // Delivered on commit only, and collapsed with the transaction's other identical notifications.
        tx.select(DSL.function("pg_notify", SQLDataType.OTHER, DSL.val(CHANNEL), DSL.val(""))).execute();
    }

    private static <V> JsonSerde<V> jsonSerde(Topic<String, V> topic) {
        if (topic.valueSerde() instanceof JsonSerde<V> serde) {
            return serde;
        }
        throw new IllegalArgumentException("topic " + topic.name() + " has no JSON value serde");
    }
}
