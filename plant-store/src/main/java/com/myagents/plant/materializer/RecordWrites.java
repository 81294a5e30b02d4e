package com.myagents.plant.materializer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;

/**
 * What one record of a materialized topic writes: its event read with the topic's serde, and the
 * rows it becomes. Reading happens before any transaction starts, so an unreadable record fails
 * its batch before anything is written.
 */
final class RecordWrites {

    /** One record's database writes, run inside a transaction, and the event it carried (null for a dead letter). */
    record Write(Object event, java.util.function.Consumer<DSLContext> rows) {
    }

    private final Map<String, Function<ConsumerRecord<String, byte[]>, Write>> byTopic = new HashMap<>();

    RecordWrites() {
        StreamOutputRows outputs = new StreamOutputRows();
        GoalRunRows runs = new GoalRunRows();
        on(Topics.EXECUTION_DECISIONS, outputs::recordDecision);
        on(Topics.ENFORCEMENT_DENIALS, outputs::recordDenial);
        on(Topics.EXECUTION_RESULTS, outputs::recordResult);
        on(Topics.EXECUTION_COMMANDS, outputs::recordCommand);
        on(Topics.ACCESS_RECORDS, outputs::recordAccess);
        on(Topics.DELIVERABLE_DRAFTS, runs::recordDraft);
        on(Topics.GOAL_RUN_DECISIONS, runs::recordGoalRunDecision);
        on(Topics.GOAL_RUN_SETTLEMENTS, runs::recordGoalRunSettlement);
        byTopic.put(Topics.PLANT_DEAD_LETTERS.name(), record -> new Write(null, tx -> DeadLetterRows.record(tx, record)));
    }

    /** The record's writes; null for a tombstone (nothing to write). */
    Write of(ConsumerRecord<String, byte[]> record) {
        var parse = byTopic.get(record.topic());
        if (parse == null) {
            throw new IllegalArgumentException("not a topic the materializer reads: " + record.topic());
        }
        return record.value() == null ? null : parse.apply(record);
    }

    private <V> void on(Topic<String, V> topic, BiConsumer<DSLContext, V> rows) {
        byTopic.put(topic.name(), record -> {
            V event = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
            if (event == null) {
                throw new IllegalArgumentException("empty " + topic.name() + " record");
            }
            return new Write(event, tx -> rows.accept(tx, event));
        });
    }
}
