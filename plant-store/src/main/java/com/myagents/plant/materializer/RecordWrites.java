package com.myagents.plant.materializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunSettlement;

/**
 * What one record of a materialized topic writes: its event read with the topic's serde, and the
 * rows it becomes, as ordered steps (one statement each). Reading happens before any transaction
 * starts, so an unreadable record fails its batch before anything is written. A batch runs step by
 * step over its records ({@link BatchWriter}), so the same statement of many records goes to the
 * database as one JDBC batch.
 */
final class RecordWrites {

    /**
     * One record's database writes, run inside a transaction, in order, and the event it carried
     * (null for a dead letter).
     */
    /**
     * @param runId the goal run whose row the record writes (drafts, goal-run decisions and settlements of
     *              one run meet on it, from different topics and consumers), or null
     */
    record Write(String topic, Object event, String runId, List<java.util.function.Consumer<DSLContext>> steps) {

        /** Runs every step, in order, on {@code tx}. */
        void applyTo(DSLContext tx) {
            steps.forEach(step -> step.accept(tx));
        }
    }

    private final Map<String, Function<ConsumerRecord<String, byte[]>, Write>> byTopic = new HashMap<>();

    RecordWrites() {
        StreamOutputRows outputs = new StreamOutputRows();
        GoalRunRows runs = new GoalRunRows();
        Function<Object, String> noRun = event -> null;
        on(Topics.EXECUTION_DECISIONS, noRun, outputs::recordDecision, outputs::decideRequest);
        on(Topics.ENFORCEMENT_DENIALS, noRun, outputs::recordDenial);
        on(Topics.EXECUTION_RESULTS, noRun, outputs::recordResult, outputs::moveDeliverable, outputs::moveRequest);
        on(Topics.EXECUTION_COMMANDS, noRun, outputs::recordCommand);
        on(Topics.ACCESS_RECORDS, noRun, outputs::recordAccess);
        on(Topics.DELIVERABLE_DRAFTS, DeliverableDraft::runId, runs::recordDraft, runs::completeRun, runs::supersede);
        on(Topics.GOAL_RUN_DECISIONS, GoalRunDecision::runId, runs::recordGoalRunDecision);
        on(Topics.GOAL_RUN_SETTLEMENTS, GoalRunSettlement::runId, runs::recordGoalRunSettlement);
        String deadLetters = Topics.PLANT_DEAD_LETTERS.name();
        byTopic.put(deadLetters, record -> new Write(deadLetters, null, null,
                List.of(tx -> DeadLetterRows.record(tx, record))));
    }

    /** The record's writes; null for a tombstone (nothing to write). */
    Write of(ConsumerRecord<String, byte[]> record) {
        var parse = byTopic.get(record.topic());
        if (parse == null) {
            throw new IllegalArgumentException("not a topic the materializer reads: " + record.topic());
        }
        return record.value() == null ? null : parse.apply(record);
    }

    /** @param steps the statements one event becomes, in the order they run */
    @SafeVarargs
    private <V> void on(Topic<String, V> topic, Function<? super V, String> runId, BiConsumer<DSLContext, V>... steps) {
        byTopic.put(topic.name(), record -> {
            V event = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
            if (event == null) {
                throw new IllegalArgumentException("empty " + topic.name() + " record");
            }
            List<java.util.function.Consumer<DSLContext>> bound = new ArrayList<>(steps.length);
            for (BiConsumer<DSLContext, V> step : steps) {
                bound.add(tx -> step.accept(tx, event));
            }
            return new Write(topic.name(), event, runId.apply(event), List.copyOf(bound));
        });
    }
}
