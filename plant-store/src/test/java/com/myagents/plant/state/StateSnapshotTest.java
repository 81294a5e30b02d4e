package com.myagents.plant.state;

import static com.myagents.plant.jooq.generated.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.serde.JsonSerde;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.plant.PlantTestDatabase;
import com.myagents.plant.outbox.OutboxWriter;

class StateSnapshotTest {

    @Test
    void publishesEveryHiredAgentAndSubscriptionWithTheTrialTermsOfItsPinnedDefinition() {
        try (PlantTestDatabase db = PlantTestDatabase.migrated(true)) {
            int published = new StateSnapshot(db.dsl(), new PlantStateEvents(new OutboxWriter())).publishAll();

            assertThat(published).isEqualTo(3);
            assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.TOPIC.eq(Topics.HIRED_AGENTS.name()))).isEqualTo(3);
            List<SubscriptionState> states = db.dsl().select(OUTBOX.PAYLOAD).from(OUTBOX)
                    .where(OUTBOX.TOPIC.eq(Topics.SUBSCRIPTIONS.name())).fetch(OUTBOX.PAYLOAD).stream()
                    .map(bytes -> ((JsonSerde<SubscriptionState>) Topics.SUBSCRIPTIONS.valueSerde()).read(bytes)).toList();
            assertThat(states).hasSize(3);
            SubscriptionState trading = states.stream()
                    .filter(s -> s.subscriptionId().equals("00000000-0000-0000-0000-00000000a002")).findFirst().orElseThrow();
            assertThat(trading.status()).isEqualTo("active");
            assertThat(trading.trialActionsPerDay()).isEqualTo(10);
            assertThat(trading.trialAllowedActions()).isEmpty();
            assertThat(trading.budgetMinorPerMonth()).isEqualTo(500000);
            assertThat(trading.actionCost("place_order")).isEqualTo(500);
            assertThat(trading.goalRunCostsMinor()).isEmpty();
            SubscriptionState marketing = states.stream()
                    .filter(s -> s.subscriptionId().equals("00000000-0000-0000-0000-00000000a001")).findFirst().orElseThrow();
            assertThat(marketing.trialGoalRunsPerDay()).isEqualTo(10);
            assertThat(marketing.trialCostMinorPerDay()).isEqualTo(2000);
            assertThat(marketing.goalRunCost("marketing.daily_education_micropost")).isEqualTo(25);
            assertThat(marketing.actionCost("publish")).isEqualTo(100);
            assertThat(marketing.actionCost("unknown")).isZero();
            // the goal runner checks generated posts against the pinned definition's healthcare guard
            List<com.myagents.contracts.hiring.HiredAgentChange> agents = db.dsl().select(OUTBOX.PAYLOAD).from(OUTBOX)
                    .where(OUTBOX.TOPIC.eq(Topics.HIRED_AGENTS.name())).fetch(OUTBOX.PAYLOAD).stream()
                    .map(bytes -> ((JsonSerde<com.myagents.contracts.hiring.HiredAgentChange>) Topics.HIRED_AGENTS
                            .valueSerde()).read(bytes)).toList();
            assertThat(agents).filteredOn(a -> a.agentTypeId().startsWith("marketing."))
                    .allSatisfy(a -> assertThat(a.bannedClaims()).contains("guaranteed", "miracle"));
            assertThat(agents).filteredOn(a -> a.agentTypeId().startsWith("trading."))
                    .allSatisfy(a -> assertThat(a.bannedClaims()).isEmpty());
        }
    }
}
