package com.myagents.enforcement.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.streams.StoreKind;

/**
 * The atomicity of the checks rests on which records meet in one task: requests with the approvals
 * of their deliverable, then (repartitioned) with the state of their subscription.
 */
class EnforcementTopologyShapeTest {

    private final TopologyDescription description = EnforcementTopology
            .build(EnforcementSettings.of(new CommandSigner(new byte[32]), StoreKind.IN_MEMORY)).describe();

    @Test
    void decidesInTwoStagesKeyedByDeliverableThenBySubscription() {
        assertThat(description.subtopologies()).extracting(this::sourceTopics).containsExactlyInAnyOrder(
                Set.of(Topics.EXECUTION_REQUESTS.name(), Topics.APPROVALS.name()),
                Set.of(Topics.EXECUTION_RESULTS.name()),
                // the subscription's ledger is one store: requests, goal runs, their settlements and results meet in one task
                Set.of(EnforcementTopology.BY_SUBSCRIPTION + "-repartition", Topics.SUBSCRIPTIONS.name(),
                        Topics.GOAL_RUN_REQUESTS.name(), Topics.GOAL_RUN_SETTLEMENTS.name(),
                        EnforcementTopology.RESULTS_BY_SUBSCRIPTION + "-repartition"));
        assertThat(description.globalStores()).hasSize(1);
    }

    @Test
    void keysTheTablesItJoinsLikeTheStreamsTheyMeet() {
        assertThat(Topics.APPROVALS.partitions()).isEqualTo(Topics.EXECUTION_REQUESTS.partitions());
        assertThat(Topics.APPROVALS.keyMeaning()).isEqualTo(Topics.EXECUTION_REQUESTS.keyMeaning());
        assertThat(Topics.SUBSCRIPTIONS.keyMeaning()).isEqualTo("subscription_id");
        assertThat(Topics.GOAL_RUN_REQUESTS.keyMeaning()).isEqualTo("subscription_id");
        assertThat(Topics.GOAL_RUN_REQUESTS.partitions()).isEqualTo(Topics.SUBSCRIPTIONS.partitions());
        assertThat(Topics.GOAL_RUN_SETTLEMENTS.keyMeaning()).isEqualTo("subscription_id");
        assertThat(Topics.GOAL_RUN_SETTLEMENTS.partitions()).isEqualTo(Topics.SUBSCRIPTIONS.partitions());
    }

    private Set<String> sourceTopics(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream()
                .filter(TopologyDescription.Source.class::isInstance)
                .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                .collect(Collectors.toSet());
    }
}
