package com.myagents.goals.topology;

import static com.myagents.goals.Fixtures.goal;
import static com.myagents.goals.Fixtures.tradingAgent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.goals.Fixtures;

/**
 * A run that costs (marketing generation) asks enforcement before it generates
 * anything; it drafts only when allowed, and a denied run drafts nothing, ever.
 */
class MeteredRunsTest extends OneGoalOnTheDriver {

    static final Instant NOW = FRIDAY.plus(Duration.ofHours(6));

    @BeforeEach
    void open() {
        driver = new GoalRunnerDriver(NOW);
        driver.holdMeteredRuns();
    }

    @Test
    void aMarketingRunAsksEnforcementFirstAndDraftsOnlyWhenAllowed() {
        marketingGoal();

        driver.trigger(trigger("r-1"));

        assertThat(driver.drafts()).isEmpty();
        List<GoalRunRequest> asked = driver.runRequests();
        assertThat(asked).hasSize(1);
        GoalTrigger meteredTrigger = asked.get(0).trigger();
        assertThat(meteredTrigger.runId()).isEqualTo(goalId + ":on_demand:r-1");
        // enforcement needs the template, the subscription and the customer from the current state
        assertThat(meteredTrigger.goalTemplateId()).isEqualTo("marketing.daily_education_micropost");
        assertThat(meteredTrigger.subscriptionId()).isEqualTo(Fixtures.SUBSCRIPTION);
        assertThat(meteredTrigger.customerId()).isEqualTo(Fixtures.CUSTOMER);

        driver.answer(asked.get(0), true);

        assertThat(driver.drafts()).isNotEmpty().allSatisfy(kv -> assertThat(kv.value.runId()).isEqualTo(meteredTrigger.runId()));
        // a late repeat of the answer or the trigger drafts nothing more
        driver.answer(asked.get(0), true);
        driver.trigger(trigger("r-1"));
        assertThat(driver.drafts()).isEmpty();
        assertThat(driver.runRequests()).isEmpty();
    }

    @Test
    void anAllowedRunReportsWhatItReallyCostOncePerPostSoEnforcementCanSettleThePrice() {
        driver.close();
        driver = new GoalRunnerDriver(NOW, new PricedGenerator(7));
        driver.holdMeteredRuns();
        marketingGoal();
        driver.trigger(trigger("r-1"));
        GoalRunRequest asked = driver.runRequests().get(0);

        driver.answer(asked, true);

        var settlements = driver.settlements();
        assertThat(settlements).hasSize(1);
        assertThat(settlements.get(0).key).isEqualTo(Fixtures.SUBSCRIPTION);
        var settlement = settlements.get(0).value;
        assertThat(settlement.runId()).isEqualTo(asked.runId());
        // one post (daily micro-post), fitted to every enabled platform: written, and paid, once
        assertThat(settlement.costMinor()).isEqualTo(7);
        assertThat(settlement.promptTokens()).isEqualTo(100);
        assertThat(settlement.generator()).isEqualTo("ai:priced");
        assertThat(driver.drafts()).extracting(kv -> kv.value.payload().get("generator")).containsOnly("ai:priced");
    }

    @Test
    void aTemplateRunSettlesAtNoCost() {
        marketingGoal();
        driver.trigger(trigger("r-1"));

        driver.answer(driver.runRequests().get(0), true);

        assertThat(driver.settlements()).singleElement().satisfies(kv -> {
            assertThat(kv.value.costMinor()).isZero();
            assertThat(kv.value.generator()).isEqualTo("template");
        });
    }

    /** Writes the template's post but says a model wrote it, for {@code cost} paise and 100 + 50 tokens. */
    record PricedGenerator(long cost) implements com.myagents.goals.marketing.ContentGenerator {

        @Override
        public com.myagents.goals.marketing.CanonicalPost write(com.myagents.goals.marketing.PostBrief brief) {
            var post = new com.myagents.goals.marketing.TemplateContentGenerator().write(brief);
            return new com.myagents.goals.marketing.CanonicalPost(post.language(), post.text(), post.hashtags(),
                    Map.of(), "ai:priced", null, new com.myagents.goals.marketing.CanonicalPost.Usage(100, 50, cost));
        }

        @Override
        public java.util.Set<String> languages() {
            return java.util.Set.of("en");
        }
    }

    @Test
    void aRedraftIsMeteredLikeARunAndWritesOnePostForItsPlatformWithItsImageThatSupersedesTheOldDraft() {
        driver.close();
        driver = new GoalRunnerDriver(NOW, new PricedGenerator(5));
        driver.holdMeteredRuns();
        marketingGoal();
        Instant slot = Instant.parse("2026-11-28T04:00:00Z");
        GoalTrigger.Redraft redraft = new GoalTrigger.Redraft("old-draft-1", "instagram", "flu shots", slot, "media-7",
                "The old message.");

        driver.trigger(new GoalTrigger(goalId + ":on_demand:regen-1", goalId, null, hired, null, null, "on_demand:regen-1",
                NOW, redraft));

        assertThat(driver.drafts()).isEmpty();
        GoalRunRequest asked = driver.runRequests().get(0);
        // enforcement meters it, and its answer brings the redraft back
        assertThat(asked.trigger().redraft()).isEqualTo(redraft);
        driver.answer(asked, true);

        var drafts = driver.drafts();
        assertThat(drafts).singleElement().satisfies(kv -> {
            assertThat(kv.value.payload()).containsEntry("platform", "instagram").containsEntry("topic", "flu shots")
                    .containsEntry("supersedes", "old-draft-1").containsKey("generation_usage")
                    // the image the customer picked stays with the post
                    .containsEntry("image", Map.of("media_id", "media-7"));
            assertThat(kv.value.suggestedFor()).isEqualTo(slot);
        });
        assertThat(driver.settlements()).singleElement().satisfies(kv -> assertThat(kv.value.costMinor()).isEqualTo(5));
    }

    @Test
    void aRedraftForAPlatformTheAgentNoLongerUsesDraftsNothingAndCostsNothing() {
        marketingGoal();
        driver.trigger(new GoalTrigger(goalId + ":on_demand:regen-2", goalId, null, hired, null, null, "on_demand:regen-2",
                NOW, new GoalTrigger.Redraft("old-draft-2", "myspace", null, null, null, null)));

        driver.answer(driver.runRequests().get(0), true);

        assertThat(driver.drafts()).isEmpty();
        assertThat(driver.settlements()).singleElement().satisfies(kv -> assertThat(kv.value.costMinor()).isZero());
    }

    @Test
    void aDeniedRunDraftsNothingAndIsNotAskedAgain() {
        marketingGoal();
        driver.trigger(trigger("r-1"));
        GoalRunRequest asked = driver.runRequests().get(0);

        driver.answer(asked, false);
        driver.trigger(trigger("r-1"));

        assertThat(driver.drafts()).isEmpty();
        assertThat(driver.runRequests()).isEmpty();
    }

    @Test
    void deterministicTradingRunsAreNotMetered() {
        driver.agent(tradingAgent(hired));
        driver.goal(goal(goalId, hired, "trading.trade_intent_draft", "on_demand", null, null,
                Map.of("coin", "BTC", "side", "buy", "units", 1, "order_type", "market"), true, NOW));

        driver.trigger(trigger("r-1"));

        assertThat(driver.runRequests()).isEmpty();
        assertThat(driver.drafts()).hasSize(1);
    }

    private void marketingGoal() {
        driver.agent(Fixtures.marketingAgent(hired, "Asia/Kolkata"));
        driver.goal(goal(goalId, hired, "marketing.daily_education_micropost", "on_demand", null, null,
                Map.of("topic", "hand hygiene"), true, NOW));
    }

    private GoalTrigger trigger(String requestId) {
        return new GoalTrigger(goalId + ":on_demand:" + requestId, goalId, null, hired, null, null,
                "on_demand:" + requestId, NOW);
    }
}
