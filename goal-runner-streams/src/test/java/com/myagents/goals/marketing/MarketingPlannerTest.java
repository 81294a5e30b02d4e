package com.myagents.goals.marketing;

import static com.myagents.goals.Fixtures.goal;
import static com.myagents.goals.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.Fixtures;
import com.myagents.goals.runs.GoalRun;
import com.myagents.goals.runs.PlannedDraft;

class MarketingPlannerTest {

    final MarketingPlanner planner = new MarketingPlanner(new TemplateContentGenerator());

    static HiredAgentChange agent(String language, List<String> platforms) {
        return Fixtures.agent("h-1", "marketing.healthcare.v1", "Asia/Kolkata", Fixtures.marketingConfig(language, platforms), true);
    }

    static GoalRun weekly(HiredAgentChange agent, Map<String, Object> settings) {
        return run(goal("g-1", "h-1", "marketing.weekly_multichannel_batch", "weekly", "09:00", "Asia/Kolkata", settings,
                true, Instant.EPOCH), agent, "weekly:2026-W49", Instant.parse("2026-11-30T03:30:00Z"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> slot(PlannedDraft draft) {
        return (Map<String, Object>) draft.payload().get("suggested_slot");
    }

    @Test
    void aWeeklyBatchDraftsEachCanonicalPostForEachChosenPlatformWithSlotsSpreadOverTheWeek() {
        GoalRun run = weekly(agent("en", List.of("x", "linkedin", "facebook")),
                Map.of("posts_per_week", 3, "platforms", List.of("x", "linkedin", "youtube")));

        List<PlannedDraft> drafts = planner.weeklyBatch(run);

        assertThat(drafts).hasSize(6).extracting(PlannedDraft::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(drafts).extracting(d -> d.payload().get("platform")).containsExactly("x", "linkedin", "x", "linkedin", "x", "linkedin");
        assertThat(drafts).extracting(d -> slot(d).get("local")).containsExactly(
                "2026-11-30T10:00:00", "2026-11-30T10:00:00", "2026-12-02T10:00:00", "2026-12-02T10:00:00",
                "2026-12-04T10:00:00", "2026-12-04T10:00:00");
        assertThat(slot(drafts.get(0))).containsEntry("timezone", "Asia/Kolkata").containsEntry("at", "2026-11-30T04:30:00Z");
        assertThat(drafts.get(0).suggestedFor()).isEqualTo(Instant.parse("2026-11-30T04:30:00Z"));
        assertThat(drafts.get(0).payload().get("canonical_message")).isEqualTo(drafts.get(1).payload().get("canonical_message"));
        assertThat(drafts.get(0).payload()).containsEntry("post_index", 1).containsEntry("posts_in_batch", 3)
                .containsEntry("brand_name", "Sunrise Family Clinic");
        assertThat((String) drafts.get(0).payload().get("text")).contains("Sunrise Family Clinic");
    }

    @Test
    void moreThanSevenPostsAWeekShareDaysAtDifferentHours() {
        List<PlannedDraft> drafts = planner.weeklyBatch(weekly(agent("en", List.of("facebook")), Map.of("posts_per_week", 14)));

        assertThat(drafts).hasSize(14);
        assertThat(drafts).extracting(d -> slot(d).get("local")).doesNotHaveDuplicates()
                .contains("2026-11-30T10:00:00", "2026-11-30T14:00:00");
    }

    @Test
    void postsAreWrittenInHindiWhenThatIsThePrimaryLanguageAndInEnglishForLanguagesWithoutTemplates() {
        PlannedDraft hindi = planner.weeklyBatch(weekly(agent("hi", List.of("whatsapp")), Map.of("posts_per_week", 1))).get(0);
        PlannedDraft tamil = planner.weeklyBatch(weekly(agent("ta", List.of("whatsapp")), Map.of("posts_per_week", 1))).get(0);

        assertThat(hindi.payload()).containsEntry("language", "hi");
        assertThat((String) hindi.payload().get("text")).contains("अपॉइंटमेंट");
        assertThat(tamil.payload()).containsEntry("language", "en").containsEntry("requested_language", "ta");
    }

    @Test
    void theDailyMicropostRotatesTopicsByDayAndRespectsItsShortLimit() {
        HiredAgentChange agent = agent("en", List.of("linkedin", "instagram"));
        Map<String, Object> settings = Map.of("topics", List.of("hydration", "flu shots", "sleep"), "max_length", 120,
                "include_call_to_action", false);
        var goal = goal("g-2", "h-1", "marketing.daily_education_micropost", "daily", "08:00", "Asia/Kolkata", settings,
                true, Instant.EPOCH);

        List<PlannedDraft> monday = planner.dailyMicropost(run(goal, agent, "daily:2026-11-30", Instant.parse("2026-11-30T02:30:00Z")));
        List<PlannedDraft> tuesday = planner.dailyMicropost(run(goal, agent, "daily:2026-12-01", Instant.parse("2026-12-01T02:30:00Z")));

        assertThat(monday).hasSize(2).allSatisfy(d -> assertThat((Integer) d.payload().get("length")).isLessThanOrEqualTo(120));
        assertThat(monday.get(0).payload().get("topic")).isNotEqualTo(tuesday.get(0).payload().get("topic"));
        assertThat(monday.get(0).suggestedFor()).isEqualTo(Instant.parse("2026-11-30T02:30:00Z"));
        assertThat((String) monday.get(0).payload().get("canonical_message")).doesNotContain("Book your visit");
    }

    @Test
    void theMonthlyCampaignPackIsACalendarGroupedByIsoWeek() {
        HiredAgentChange agent = agent("en", List.of("x", "facebook"));
        var goal = goal("g-3", "h-1", "marketing.monthly_campaign_pack", "monthly", "09:00", "Asia/Kolkata",
                Map.of("theme", "Heart health month", "posts_per_week", 2, "weeks", 3), true, Instant.EPOCH);

        List<PlannedDraft> drafts = planner.monthlyCampaign(run(goal, agent, "monthly:2026-12", Instant.parse("2026-12-01T03:30:00Z")));

        assertThat(drafts).hasSize(12);
        assertThat(drafts).extracting(d -> d.payload().get("calendar_week")).containsExactly(
                "2026-W49", "2026-W49", "2026-W49", "2026-W49", "2026-W50", "2026-W50", "2026-W50", "2026-W50",
                "2026-W51", "2026-W51", "2026-W51", "2026-W51");
        assertThat(drafts.get(0).payload()).containsEntry("campaign_theme", "Heart health month")
                .containsEntry("calendar_entries", 6).containsEntry("campaign_week", 1);
        assertThat((String) drafts.get(0).payload().get("canonical_message")).contains("Heart health month");
        assertThat(drafts).allSatisfy(d -> assertThat(d.proposedActions()).containsExactly("publish"));
    }

    @Test
    void aPostWrittenAgainByTheTemplateIsForItsPlatformAndTopicAndNeverRepeatsTheOldMessage() {
        GoalRun run = weekly(agent("en", List.of("x", "instagram")), Map.of("posts_per_week", 1));
        GoalTrigger.Redraft redraft = new GoalTrigger.Redraft("old-1", "instagram", "flu shots", null, null, null);
        PlannedDraft first = planner.redraft(run, PostBrief.Purpose.WEEKLY_POST, redraft).get(0);
        String said = (String) first.payload().get("canonical_message");

        PlannedDraft again = planner.redraft(run, PostBrief.Purpose.WEEKLY_POST,
                new GoalTrigger.Redraft("old-1", "instagram", "flu shots", null, null, said)).get(0);

        assertThat(first.payload()).containsEntry("platform", "instagram").containsEntry("topic", "flu shots")
                .containsEntry("supersedes", "old-1");
        assertThat(again.payload().get("canonical_message")).isNotEqualTo(said);
        assertThat((String) again.payload().get("text")).contains("flu shots");
    }

    @Test
    void theSameRunDraftsTheSamePosts() {
        GoalRun run = weekly(agent("hi", List.of("x", "youtube")), Map.of("posts_per_week", 2, "tone", "reassuring"));

        assertThat(planner.weeklyBatch(run)).isEqualTo(new MarketingPlanner(new TemplateContentGenerator()).weeklyBatch(run));
    }
}
