package com.myagents.enforcement.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.enforcement.stages.EnforcementStores;
import com.myagents.streams.StoreKind;

/**
 * The atomicity of the checks rests on which records meet in one task: a request with the approvals
 * of its deliverable, the approvals already used, its subscription and its ledger — all keyed by
 * subscription, decided by one processor with one commit, no repartition between request and decision.
 */
class EnforcementTopologyShapeTest {

    private final TopologyDescription description = EnforcementTopology
            .build(EnforcementSettings.of(new CommandSigner(new byte[32]), StoreKind.IN_MEMORY)).describe();

    @Test
    void decidesInOneStageKeyedBySubscription() {
        assertThat(description.subtopologies()).extracting(this::sourceTopics).containsExactlyInAnyOrder(
                Set.of(Topics.EXECUTION_RESULTS.name()),
                // requests, approvals, goal runs, their settlements and results meet the subscription's state in one task
                Set.of(Topics.EXECUTION_REQUESTS.name(), Topics.APPROVALS.name(), Topics.SUBSCRIPTIONS.name(),
                        Topics.GOAL_RUN_REQUESTS.name(), Topics.GOAL_RUN_REQUEST_BATCHES.name(), Topics.GOAL_RUN_SETTLEMENTS.name(),
                        EnforcementTopology.RESULTS_BY_SUBSCRIPTION + "-repartition"));
        assertThat(description.globalStores()).hasSize(1);
    }

    @Test
    void oneProcessorReadsEveryStoreARequestIsDecidedWith() {
        TopologyDescription.Processor decider = description.subtopologies().stream()
                .flatMap(s -> s.nodes().stream())
                .filter(TopologyDescription.Processor.class::isInstance).map(TopologyDescription.Processor.class::cast)
                .filter(p -> p.name().equals("decision-stage")).findFirst().orElseThrow();

        assertThat(decider.stores()).containsExactlyInAnyOrder(EnforcementStores.DECIDED, EnforcementStores.APPROVALS,
                EnforcementStores.AWAITING_APPROVAL, EnforcementStores.USED_APPROVALS, EnforcementStores.SUBSCRIPTIONS,
                EnforcementStores.BUDGET_LEDGER);
        assertThat(decider.predecessors()).singleElement()
                .satisfies(source -> assertThat(((TopologyDescription.Source) source).topicSet())
                        .containsExactly(Topics.EXECUTION_REQUESTS.name()));
        assertThat(description.subtopologies()).flatExtracting(this::sourceTopics)
                .as("no repartition between a request and its decision")
                .noneMatch(topic -> topic.startsWith("requests-by"));
    }

    @Test
    void keysEveryInputOfTheDecisionBySubscription() {
        for (var topic : java.util.List.of(Topics.EXECUTION_REQUESTS, Topics.APPROVALS, Topics.SUBSCRIPTIONS,
                Topics.GOAL_RUN_REQUESTS, Topics.GOAL_RUN_REQUEST_BATCHES, Topics.GOAL_RUN_SETTLEMENTS)) {
            assertThat(topic.keyMeaning()).as(topic.name()).isEqualTo("subscription_id");
            assertThat(topic.partitions()).as(topic.name()).isEqualTo(Topics.SUBSCRIPTIONS.partitions());
        }
    }

    private Set<String> sourceTopics(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream()
                .filter(TopologyDescription.Source.class::isInstance)
                .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                .collect(Collectors.toSet());
    }
}
