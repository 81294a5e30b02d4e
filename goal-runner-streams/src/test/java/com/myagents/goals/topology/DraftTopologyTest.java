package com.myagents.goals.topology;

import static com.myagents.goals.Fixtures.goal;
import static com.myagents.goals.Fixtures.id;
import static com.myagents.goals.Fixtures.tradingAgent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalChange;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.market.MarkPrice;
import com.myagents.goals.Fixtures;
import com.myagents.goals.marketing.Platform;

import com.myagents.goals.runs.DeliverableIds;

class DraftTopologyTest extends OneGoalOnTheDriver {

    static final Instant NOW = FRIDAY.plus(Duration.ofHours(6));

    @BeforeEach
    void open() {
        driver = new GoalRunnerDriver(NOW);
    }

    GoalTrigger onDemand(String goal, String requestId) {
        return new GoalTrigger(goal + ":on_demand:" + requestId, goal, null, hired, Fixtures.SUBSCRIPTION,
                Fixtures.CUSTOMER, "on_demand:" + requestId, NOW);
    }

    GoalChange tradeIntent(Map<String, Object> settings) {
        return goal(goalId, hired, "trading.trade_intent_draft", "on_demand", null, null, settings, true, NOW);
    }

    @Test
    void anOnDemandTriggerBecomesOneTradeIntentDraftWithItsRiskChecks() {
        driver.agent(tradingAgent(hired));
        driver.goal(tradeIntent(Map.of("coin", "ETH", "intent", "enter", "side", "buy", "units", 2,
                "order_type", "limit", "limit_price", 180000)));

        driver.trigger(onDemand(goalId, "req-1"));

        List<KeyValue<String, DeliverableDraft>> drafts = driver.drafts();
        assertThat(drafts).hasSize(1);
        DeliverableDraft draft = drafts.get(0).value;
        String expectedId = DeliverableIds.of(goalId + ":on_demand:req-1", 0);
        assertThat(drafts.get(0).key).isEqualTo(expectedId);
        assertThat(draft.deliverableId()).isEqualTo(expectedId);
        assertThat(draft.kind()).isEqualTo("trade_intent");
        assertThat(draft.proposedActions()).containsExactly("place_order");
        assertThat(draft.payloadHash()).isEqualTo(PayloadHash.of(draft.payload()));
        assertThat(draft.subscriptionId()).isEqualTo(Fixtures.SUBSCRIPTION);
        assertThat(draft.createdAt()).isEqualTo(NOW);
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) draft.payload().get("order");
        assertThat(order).containsEntry("product_symbol", "ETHUSD").containsEntry("side", "buy")
                .containsEntry("order_type", "limit_order").containsEntry("limit_price", "180000")
                .containsEntry("reduce_only", false).containsEntry("client_order_id", expectedId.replace("-", ""));
        assertThat(order.get("size")).isEqualTo(2);
    }

    @Test
    void aMarketOrderIsPricedWithTheLatestMarkPriceTheConnectorPublished() {
        driver.agent(tradingAgent(hired));
        driver.markPrice(new MarkPrice("BTCUSD", "99000", "delta_exchange_india", NOW.minusSeconds(30)));
        driver.markPrice(new MarkPrice("BTCUSD", "101000", "delta_exchange_india", NOW.minusSeconds(5)));
        driver.goal(tradeIntent(Map.of("coin", "BTC", "intent", "enter", "side", "buy", "units", 5, "order_type", "market")));

        driver.trigger(onDemand(goalId, "req-1"));

        DeliverableDraft draft = driver.drafts().get(0).value;
        assertThat(draft.payload()).containsEntry("notional_inr", "505000").containsEntry("plan_status", "blocked_by_risk_checks");
        assertThat(draft.proposedActions()).isEmpty();
    }

    @Test
    void aRepeatedTriggerForTheSameRunDraftsNothingTheSecondTime() {
        driver.agent(tradingAgent(hired));
        driver.goal(tradeIntent(Map.of("intent", "enter", "side", "sell", "units", 1, "order_type", "market")));

        driver.trigger(onDemand(goalId, "req-1"));
        driver.trigger(onDemand(goalId, "req-1"));
        driver.trigger(onDemand(goalId, "req-2"));

        assertThat(driver.drafts()).extracting(kv -> kv.value.runId())
                .containsExactly(goalId + ":on_demand:req-1", goalId + ":on_demand:req-2");
    }

    @Test
    void triggersOfUnknownDisabledOrUnrunnableGoalsDraftNothing() {
        String disabled = id();
        String unknownAgentGoal = id();
        driver.agent(tradingAgent(hired));
        driver.goal(goal(disabled, hired, "trading.trade_intent_draft", "on_demand", null, null, Map.of(), false, NOW));
        driver.goal(goal(unknownAgentGoal, id(), "trading.trade_intent_draft", "on_demand", null, null, Map.of(), true, NOW));
        driver.goal(goal(goalId, hired, "made.up.template", "on_demand", null, null, Map.of(), true, NOW));

        driver.trigger(onDemand(id(), "never-seen"));
        driver.trigger(onDemand(disabled, "r"));
        driver.trigger(onDemand(unknownAgentGoal, "r"));
        driver.trigger(onDemand(goalId, "r"));

        assertThat(driver.drafts()).isEmpty();
    }

    @Test
    void aWeeklyBatchIsOneDraftPerPostAndPlatformEachWithinThatPlatformsLimit() {
        Map<String, Object> config = Fixtures.marketingConfig("en", List.of("x", "linkedin", "instagram", "whatsapp"));
        config.put("constraints", Map.of("hashtags", Map.of("max_count", 2, "required", List.of("#SunriseCares"))));
        driver.agent(Fixtures.agent(hired, "marketing.healthcare.v1", "Asia/Kolkata", config, true));
        driver.goal(goal(goalId, hired, "marketing.weekly_multichannel_batch", "weekly", "09:00", "Asia/Kolkata",
                Map.of("posts_per_week", 3, "topics", List.of("monsoon infections", "healthy sleep")), true, NOW));

        driver.trigger(new GoalTrigger(goalId + ":weekly:2026-W49", goalId, null, hired, Fixtures.SUBSCRIPTION,
                Fixtures.CUSTOMER, "weekly:2026-W49", Instant.parse("2026-11-30T03:30:00Z")));

        List<DeliverableDraft> drafts = driver.drafts().stream().map(kv -> kv.value).toList();
        assertThat(drafts).hasSize(12).allSatisfy(draft -> {
            Platform platform = Platform.fromCode((String) draft.payload().get("platform"));
            String text = (String) draft.payload().get("text");
            assertThat(platform.length(text)).isLessThanOrEqualTo(platform.limit());
            assertThat(text).contains("#SunriseCares");
            assertThat(draft.proposedActions()).containsExactly("publish");
            assertThat(draft.kind()).isEqualTo("social_post");
        });
        assertThat(drafts).extracting(DeliverableDraft::deliverableId).doesNotHaveDuplicates();
        assertThat(drafts).extracting(DeliverableDraft::suggestedFor).allMatch(at -> at.isAfter(Instant.parse("2026-11-30T03:30:00Z")));
    }

    @Test
    void aGuardrailReportListsTheSubscriptionsLatestAttemptsUpToItsDueTime() {
        driver.agent(tradingAgent(hired));
        driver.goal(goal(goalId, hired, "trading.guardrail_report", "daily", "18:00", "Asia/Kolkata",
                Map.of("last_n_attempts", 2), true, NOW));
        driver.decision(decision("c-1", Outcome.ALLOW, ReasonCode.ALLOWED, "2026-11-27T05:00:00Z"));
        driver.decision(decision("c-2", Outcome.DENY, ReasonCode.RISK_CHECK_FAILED, "2026-11-27T05:10:00Z"));
        driver.decision(decision("c-3", Outcome.DENY, ReasonCode.APPROVAL_MISSING, "2026-11-27T05:20:00Z"));
        driver.decision(decision("c-late", Outcome.ALLOW, ReasonCode.ALLOWED, "2026-11-27T23:00:00Z"));
        // a post of the same subscription is not a trade: not an attempt the report lists
        driver.decision(decision("c-post", "publish", Outcome.ALLOW, ReasonCode.ALLOWED, "2026-11-27T05:30:00Z"));

        driver.trigger(new GoalTrigger(goalId + ":daily:2026-11-27", goalId, null, hired, Fixtures.SUBSCRIPTION,
                Fixtures.CUSTOMER, "daily:2026-11-27", Instant.parse("2026-11-27T12:30:00Z")));

        List<DeliverableDraft> drafts = driver.drafts().stream().map(kv -> kv.value).toList();
        assertThat(drafts).hasSize(1);
        DeliverableDraft report = drafts.get(0);
        assertThat(report.kind()).isEqualTo("guardrail_report");
        assertThat(report.proposedActions()).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) report.payload().get("last_attempts");
        assertThat(attempts).extracting(a -> a.get("correlation_id")).containsExactly("c-3", "c-2");
        assertThat(attempts.get(1)).containsEntry("reason", "risk_check_failed").containsEntry("outcome", "deny");
        assertThat(report.payload()).containsEntry("allowed_coins", List.of("BTC", "ETH"));
    }

    @Test
    void aScheduledCloseReminderProposesAReduceOnlyClosePerCoin() {
        driver.agent(tradingAgent(hired));
        driver.goal(goal(goalId, hired, "trading.close_position_reminder", "daily", "15:00", "Asia/Kolkata",
                Map.of("coins", List.of("BTC", "ETH"), "window_minutes", 45), true, NOW));

        driver.tick(Duration.ofHours(4), Duration.ofMinutes(5));

        List<DeliverableDraft> drafts = driver.drafts().stream().map(kv -> kv.value).toList();
        assertThat(drafts).hasSize(2).allSatisfy(draft -> {
            assertThat(draft.kind()).isEqualTo("close_position_proposal");
            assertThat(draft.proposedActions()).containsExactly("close_position");
            assertThat(draft.suggestedFor()).isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
            assertThat(draft.payload().get("order")).asString().contains("reduce_only=true");
        });
    }

    ExecutionDecision decision(String correlationId, Outcome outcome, ReasonCode reason, String at) {
        return decision(correlationId, "place_order", outcome, reason, at);
    }

    ExecutionDecision decision(String correlationId, String action, Outcome outcome, ReasonCode reason, String at) {
        return new ExecutionDecision("d-" + correlationId, correlationId, id(), Fixtures.SUBSCRIPTION, Fixtures.CUSTOMER,
                action, "a-1", outcome, reason, reason.code(), List.of(), Map.of(), "enforcement/1",
                Instant.parse(at));
    }
}
