package com.myagents.bench.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.goals.GoalChange;

class FanOutWorkloadTest {

    private static final Instant NOW = Instant.parse("2026-11-27T23:59:41.250Z");

    @Test
    void everyGoalIsDueAtTheSameWholeSecondAfterTheLead() {
        FanOutWorkload workload = FanOutWorkload.dueIn(1_000, NOW, Duration.ofSeconds(30));

        assertThat(workload.dueAt()).isEqualTo(Instant.parse("2026-11-28T00:00:12Z"));
        assertThat(workload.timeOfDay()).isEqualTo("00:00:12");
    }

    @Test
    void goalsAreDailyLinkedInMicropostsOfTheAgentWithDistinctUuidIds() {
        FanOutWorkload workload = FanOutWorkload.dueIn(1_000, NOW, Duration.ofSeconds(30));

        GoalChange goal = workload.goal(7, "hired", "subscription", "customer", NOW);

        assertThat(goal.goalInstanceId()).isEqualTo(UUID.fromString(goal.goalInstanceId()).toString());
        assertThat(goal.goalTemplateId()).isEqualTo(FanOutWorkload.TEMPLATE);
        assertThat(goal.frequency()).isEqualTo("daily");
        assertThat(goal.timeOfDay()).isEqualTo("00:00:12");
        assertThat(goal.timezone()).isEqualTo("UTC");
        assertThat(goal.settings()).containsEntry("platforms", List.of("linkedin"));
        assertThat(goal.enabled()).isTrue();
        assertThat(goal.deleted()).isFalse();
        assertThat(IntStream.range(0, 1_000).mapToObj(workload::goalId).distinct().count()).isEqualTo(1_000);
        assertThat(FanOutWorkload.dueIn(1, NOW.plusMillis(1), Duration.ZERO).goalId(0)).isNotEqualTo(workload.goalId(0));
    }

    @Test
    void theAgentIsConfiguredForLinkedInOnlyWithRefsAndNoSecret() {
        var config = FanOutWorkload.marketingConfig();

        assertThat(config).containsEntry("platforms_enabled", List.of("linkedin")).containsEntry("timezone", "UTC");
        assertThat(config.get("platform_credentials")).isEqualTo(java.util.Map.of());
    }
}
