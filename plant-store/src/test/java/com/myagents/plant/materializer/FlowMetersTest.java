package com.myagents.plant.materializer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalTrigger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FlowMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FlowMeters meters = new FlowMeters(registry);

    @Test
    void decisionsAreCountedByActionOutcomeReasonAndPlanAndAllowedOnesByTheirReservation() {
        meters.materialized(decision(Outcome.DENY, ReasonCode.APPROVAL_MISSING, Map.of("subscription", Map.of("status", "trial"))));
        meters.materialized(decision(Outcome.ALLOW, null, Map.of("subscription", Map.of("status", "active"),
                "budget_committed_after", 300)));
        meters.materialized(decision(Outcome.ALLOW, null, Map.of("subscription", Map.of("status", "trial"),
                "trial_cost_today_after", 100)));

        assertThat(registry.get("myagents.decisions").tags("action", "publish", "outcome", "deny", "reason", "approval_missing",
                "plan", "trial").counter().count()).isEqualTo(1);
        assertThat(registry.get("myagents.decisions").tags("outcome", "allow", "plan", "paid").counter().count()).isEqualTo(1);
        assertThat(registry.get("myagents.reservations").tags("kind", "budget", "charge", "action").counter().count()).isEqualTo(1);
        assertThat(registry.get("myagents.reservations").tags("kind", "trial", "charge", "action").counter().count()).isEqualTo(1);
        assertThat(FlowMeters.plan(Map.of())).isEqualTo("unknown");
    }

    @Test
    void goalRunsAndSettlementsAreCountedAndNothingWithoutARegistry() {
        GoalTrigger trigger = new GoalTrigger("run-1", "goal-1", "tpl", "hired-1", "sub-1", "cust-1", "2026-12-03", Instant.now());
        meters.materialized(new GoalRunDecision("d-1", trigger, Outcome.DENY, ReasonCode.TRIAL_CAP_EXCEEDED, "cap", 0, List.of(),
                Map.of(), "v1", Instant.now()));
        meters.materialized(new ExecutionResult("r-1", "c-1", "corr-1", "del-1", "sub-1", ExecutionResult.Status.DRY_RUN, null,
                "key-1", 0, null, Instant.now()));
        FlowMeters.NONE.materialized(new ExecutionResult("r-2", "c-2", "corr-2", "del-2", "sub-2",
                ExecutionResult.Status.EXECUTED, null, "key-2", 0, null, Instant.now()));

        assertThat(registry.get("myagents.goal.runs").tags("status", "denied", "reason", "trial_cap_exceeded").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("myagents.settlements").tags("status", "dry_run").counter().count()).isEqualTo(1);
        assertThat(registry.find("myagents.settlements").tags("status", "executed").counter()).isNull();
    }

    @Test
    void lagIsWhatWaitsPerTopicAndBehindIsTheAgeOfTheOldestWaitingRecord() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        TopicPartition partition = new TopicPartition("myagents.execution-decisions.v1", 0);
        consumer.assign(List.of(partition));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.updateEndOffsets(Map.of(partition, 10L));
        consumer.seek(partition, 4);
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        ConsumerRecord<String, byte[]> last = new ConsumerRecord<>(partition.topic(), 0, 3, now.minusSeconds(90).toEpochMilli(),
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "k", new byte[0],
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
        MaterializerLag lag = new MaterializerLag();

        lag.observe(consumer, List.of(last), true, now);

        assertThat(lag.records()).containsEntry(partition.topic(), 6L);
        assertThat(lag.behind(now).toSeconds()).isEqualTo(90);

        consumer.seek(partition, 10);
        lag.observe(consumer, List.of(), true, now.plusSeconds(1));
        assertThat(lag.records()).containsEntry(partition.topic(), 0L);
        assertThat(lag.behind(now.plusSeconds(1))).isZero();
    }

    private static ExecutionDecision decision(Outcome outcome, ReasonCode reason, Map<String, Object> inputs) {
        return new ExecutionDecision("d-" + System.nanoTime(), "corr", "del", "sub", "cust", "publish", null, outcome, reason,
                null, List.of(), inputs, "v1", Instant.now());
    }
}
