package com.myagents.goals.topology;

import static com.myagents.goals.Fixtures.goal;
import static com.myagents.goals.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalRunRequestBatch;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.goals.Fixtures;
import com.myagents.goals.marketing.TemplateContentGenerator;

/**
 * Metered runs of one subscription that come due together ask enforcement in one request, not one
 * each: a full batch goes at once, the rest within the ask interval; a run asked twice before its
 * batch went asks once; a run still waiting when the runner stops asks after the restart; and
 * every allowed run in a batch drafts, exactly as if it had asked alone.
 */
class BatchedMeteringTest extends OneGoalOnTheDriver {

    static final Instant NOW = FRIDAY.plus(Duration.ofHours(6));
    static final int BATCH = 3;

    private final List<String> goals = new ArrayList<>();

    @BeforeEach
    void open() {
        driver = new GoalRunnerDriver(NOW, new TemplateContentGenerator(), BATCH);
        driver.holdMeteredRuns();
        driver.agent(Fixtures.marketingAgent(hired, "Asia/Kolkata"));
        for (int i = 0; i < 4; i++) {
            String goalId = id();
            goals.add(goalId);
            driver.goal(goal(goalId, hired, "marketing.daily_education_micropost", "on_demand", null, null,
                    Map.of("topic", "hand hygiene"), true, NOW));
        }
    }

    @Test
    void runsOfOneSubscriptionAskInOneRequestAFullBatchAtOnceTheRestWithinTheInterval() {
        goals.forEach(goalId -> driver.trigger(trigger(goalId, "r-1")));

        List<KeyValue<String, GoalRunRequestBatch>> first = driver.requestBatches();
        assertThat(first).as("three waiting runs make a full batch, sent without waiting for the clock").singleElement()
                .satisfies(batch -> {
                    assertThat(batch.key).isEqualTo(Fixtures.SUBSCRIPTION);
                    assertThat(batch.value.subscriptionId()).isEqualTo(Fixtures.SUBSCRIPTION);
                    assertThat(batch.value.requests()).hasSize(BATCH);
                });

        driver.advance(TopologySettings.ASK_INTERVAL);

        assertThat(driver.requestBatches()).as("the fourth run asks alone once the interval passed").singleElement()
                .satisfies(batch -> assertThat(batch.value.requests()).extracting(GoalRunRequest::runId)
                        .containsExactly(runId(goals.get(3), "r-1")));
        assertThat(driver.store(GoalRunnerStores.METERING_ASKS).approximateNumEntries())
                .as("nothing is left waiting").isZero();
    }

    @Test
    void aRunTriggeredTwiceBeforeItsBatchWentAsksOnce() {
        driver.trigger(trigger(goals.get(0), "r-1"));
        driver.trigger(trigger(goals.get(0), "r-1"));
        driver.trigger(trigger(goals.get(1), "r-1"));

        driver.advance(TopologySettings.ASK_INTERVAL);

        assertThat(driver.requestBatches()).singleElement().satisfies(batch -> assertThat(batch.value.requests())
                .extracting(GoalRunRequest::runId)
                .containsExactlyInAnyOrder(runId(goals.get(0), "r-1"), runId(goals.get(1), "r-1")));
    }

    @Test
    void aRunStillWaitingToAskWhenTheRunnerStopsAsksAfterTheRestart() {
        driver.trigger(trigger(goals.get(0), "r-1"));
        driver.trigger(trigger(goals.get(1), "r-1"));
        assertThat(driver.requestBatches()).isEmpty();

        driver.restart(Duration.ofSeconds(5));
        driver.advance(TopologySettings.ASK_INTERVAL);

        assertThat(driver.requestBatches()).singleElement().satisfies(batch -> assertThat(batch.value.requests())
                .extracting(GoalRunRequest::runId)
                .containsExactlyInAnyOrder(runId(goals.get(0), "r-1"), runId(goals.get(1), "r-1")));
    }

    @Test
    void everyRunOfABatchDraftsWhenAllowedAndADeniedOneDraftsNothing() {
        goals.forEach(goalId -> driver.trigger(trigger(goalId, "r-1")));
        driver.advance(TopologySettings.ASK_INTERVAL);
        List<GoalRunRequest> asked = driver.runRequests();
        assertThat(asked).hasSize(goals.size());

        asked.subList(0, 3).forEach(request -> driver.answer(request, true));
        driver.answer(asked.get(3), false);

        assertThat(driver.drafts()).extracting(kv -> kv.value.runId())
                .containsOnly(asked.subList(0, 3).stream().map(GoalRunRequest::runId).toArray(String[]::new));
        assertThat(driver.settlements()).hasSize(3);
    }

    private static String runId(String goalId, String requestId) {
        return goalId + ":on_demand:" + requestId;
    }

    private GoalTrigger trigger(String goalId, String requestId) {
        return new GoalTrigger(runId(goalId, requestId), goalId, null, hired, null, null, "on_demand:" + requestId, NOW);
    }
}
