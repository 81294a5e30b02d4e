package com.myagents.goals.marketing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.goals.marketing.PostBrief.Purpose;
import com.myagents.goals.runs.Fields;
import com.myagents.goals.runs.GoalRun;
import com.myagents.goals.runs.PlannedDraft;
import com.myagents.goals.schedule.Period;

/**
 * Plans the drafts of the three marketing goals. One deliverable per post and platform, so each
 * post is approved (and enforced) on its own; each proposes {@code publish}.
 * <ul>
 * <li>weekly batch: {@code posts_per_week} canonical messages, each fitted to every platform, with
 * suggested slots spread over the week;</li>
 * <li>daily micro-post: one short post per platform at the goal's time, topics rotating by day;</li>
 * <li>monthly campaign pack: a calendar of {@code weeks} x {@code posts_per_week} posts per
 * platform, each labelled with its ISO week.</li>
 * </ul>
 */
public final class MarketingPlanner {

    public static final String KIND = "social_post";
    /** Payload key of what writing the post cost, on the first platform's draft of each post. */
    public static final String GENERATION_USAGE = "generation_usage";
    /** Payload key of a redrafted post: the deliverable id of the draft it replaces. */
    public static final String SUPERSEDES = "supersedes";
    static final List<String> PUBLISH = List.of("publish");
    static final int DAILY_DEFAULT_MAX_LENGTH = 280;
    /** How many phrasings a post written again tries, at most, to say something new. */
    static final int REPHRASINGS = 4;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final ContentGenerator generator;

    public MarketingPlanner(ContentGenerator generator) {
        this.generator = generator;
    }

    public List<PlannedDraft> weeklyBatch(GoalRun run) {
        MarketingProfile profile = MarketingProfile.of(run);
        Fields settings = run.settings();
        int posts = clamp(settings.integer("posts_per_week", 3), 1, 14);
        List<String> topics = profile.topicsOr(settings.texts("topics"));
        String tone = settings.text("tone", "friendly");
        ZoneId zone = run.zone();
        LocalDate firstDay = PostingSlots.firstPostingDay(run.dueAt(), zone);
        PostRules rules = PostRules.of(profile.constraints(), null);
        long rotation = firstDay.toEpochDay() / 7 * posts;
        List<PlannedDraft> drafts = new ArrayList<>();
        for (int post = 0; post < posts; post++) {
            int sequence = (int) (rotation + post);
            String topic = topics.get(Math.floorMod(sequence, topics.size()));
            CanonicalPost canonical = generator.write(profile.brief(Purpose.WEEKLY_POST, topic, tone, null, true, sequence));
            ZonedDateTime slot = PostingSlots.inWeek(firstDay, zone, post, posts);
            Map<String, Object> batch = new LinkedHashMap<>();
            batch.put("post_index", post + 1);
            batch.put("posts_in_batch", posts);
            addPerPlatform(drafts, run, profile, canonical, rules, topic, slot, batch);
        }
        return drafts;
    }

    public List<PlannedDraft> dailyMicropost(GoalRun run) {
        MarketingProfile profile = MarketingProfile.of(run);
        Fields settings = run.settings();
        List<String> topics = profile.topicsOr(settings.texts("topics"));
        ZoneId zone = run.zone();
        LocalDate day = LocalDate.ofInstant(run.dueAt(), zone);
        int sequence = (int) day.toEpochDay();
        String topic = topics.get(Math.floorMod(sequence, topics.size()));
        CanonicalPost canonical = generator.write(profile.brief(Purpose.DAILY_TIP, topic,
                settings.text("tone", "informative"), null, settings.bool("include_call_to_action", true), sequence));
        PostRules rules = PostRules.of(profile.constraints(), settings.integer("max_length", DAILY_DEFAULT_MAX_LENGTH));
        ZonedDateTime slot = run.dueAt().atZone(zone);
        List<PlannedDraft> drafts = new ArrayList<>();
        addPerPlatform(drafts, run, profile, canonical, rules, topic, slot, Map.of());
        return drafts;
    }

    public List<PlannedDraft> monthlyCampaign(GoalRun run) {
        MarketingProfile profile = MarketingProfile.of(run);
        Fields settings = run.settings();
        String theme = settings.text("theme", "Health awareness month");
        int perWeek = clamp(settings.integer("posts_per_week", 2), 1, 7);
        int weeks = clamp(settings.integer("weeks", 4), 1, 5);
        List<String> topics = profile.topicsOr(settings.texts("topics"));
        ZoneId zone = run.zone();
        LocalDate firstDay = PostingSlots.firstPostingDay(run.dueAt(), zone);
        PostRules rules = PostRules.of(profile.constraints(), null);
        List<PlannedDraft> drafts = new ArrayList<>();
        int entries = weeks * perWeek;
        for (int week = 0; week < weeks; week++) {
            for (int post = 0; post < perWeek; post++) {
                int entry = week * perWeek + post;
                String topic = topics.get(entry % topics.size());
                CanonicalPost canonical = generator.write(profile.brief(Purpose.CAMPAIGN_POST, topic,
                        settings.text("tone", "friendly"), theme, true, entry));
                ZonedDateTime slot = PostingSlots.inWeek(firstDay.plusWeeks(week), zone, post, perWeek);
                Map<String, Object> calendar = new LinkedHashMap<>();
                calendar.put("campaign_theme", theme);
                calendar.put("campaign_week", week + 1);
                calendar.put("calendar_week", Period.isoWeek(slot.toLocalDate()));
                calendar.put("calendar_entry", entry + 1);
                calendar.put("calendar_entries", entries);
                addPerPlatform(drafts, run, profile, canonical, rules, topic, slot, calendar);
            }
        }
        return drafts;
    }

    /**
     * One post written again, for one platform, at the customer's request: the goal's kind of post
     * (its tone, length and theme), about the old draft's topic, for the old draft's slot, with a
     * phrasing of its own (the sequence comes from the run id; never the old message where a free
     * generator can avoid it), keeping the image the customer attached. Its payload names the draft it {@code supersedes}; it carries the cost of writing it. A platform the agent no longer
     * publishes to drafts nothing.
     */
    public List<PlannedDraft> redraft(GoalRun run, PostBrief.Purpose purpose, GoalTrigger.Redraft redraft) {
        MarketingProfile profile = MarketingProfile.of(run);
        Platform platform = Platform.fromCode(redraft.platform());
        if (platform == null || !profile.platforms().contains(platform)) {
            return List.of();
        }
        Fields settings = run.settings();
        String topic = redraft.topic() == null || redraft.topic().isBlank()
                ? profile.topicsOr(settings.texts("topics")).get(0) : redraft.topic();
        int sequence = run.runId().hashCode() & 0x7fffffff;
        boolean daily = purpose == Purpose.DAILY_TIP;
        String theme = purpose == Purpose.CAMPAIGN_POST ? settings.text("theme", "Health awareness month") : null;
        String tone = settings.text("tone", daily ? "informative" : "friendly");
        boolean callToAction = !daily || settings.bool("include_call_to_action", true);
        CanonicalPost canonical = generator.write(profile.brief(purpose, topic, tone, theme, callToAction, sequence));
        // a free (template) generator may pick the old phrasing again: the next ones, then, so the
        // customer gets a different post; a model's answer is not asked for twice (it costs)
        for (int next = 1; next < REPHRASINGS && canonical.usage().costMinor() == 0
                && canonical.text().equals(redraft.previousText()); next++) {
            canonical = generator.write(profile.brief(purpose, topic, tone, theme, callToAction, sequence + next));
        }
        PostRules rules = PostRules.of(profile.constraints(),
                daily ? settings.integer("max_length", DAILY_DEFAULT_MAX_LENGTH) : null);
        ZonedDateTime slot = (redraft.suggestedFor() != null ? redraft.suggestedFor() : run.dueAt()).atZone(run.zone());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(SUPERSEDES, redraft.supersedes());
        if (redraft.mediaId() != null) {
            // the image the customer picked stays with the post (as the connectors read it)
            extra.put("image", Map.of("media_id", redraft.mediaId()));
        }
        return List.of(draft(0, run, profile, platform, canonical, rules, topic, slot, extra, true));
    }

    /** One draft of {@code canonical} per enabled platform, each fitted to its platform. */
    private static void addPerPlatform(List<PlannedDraft> drafts, GoalRun run, MarketingProfile profile,
            CanonicalPost canonical, PostRules rules, String topic, ZonedDateTime slot, Map<String, Object> extra) {
        for (Platform platform : profile.platforms()) {
            drafts.add(draft(drafts.size(), run, profile, platform, canonical, rules, topic, slot, extra,
                    platform == profile.platforms().get(0)));
        }
    }

    /**
     * The cost of writing a post (a model's tokens) is carried once, by the draft of its first
     * platform ({@code generation_cost_minor}); the run's cost is their sum.
     */
    private static PlannedDraft draft(int index, GoalRun run, MarketingProfile profile, Platform platform,
            CanonicalPost canonical, PostRules rules, String topic, ZonedDateTime slot, Map<String, Object> extra,
            boolean carriesUsage) {
        FittedPost fitted = PostFitter.fit(platform, canonical, rules);
        Map<String, Object> payload = new LinkedHashMap<>(extra);
        payload.put("goal_template_id", run.goal().goalTemplateId());
        payload.put("platform", platform.code());
        payload.put("text", fitted.text());
        payload.put("hashtags", fitted.hashtags());
        payload.put("length", fitted.length());
        payload.put("character_limit", fitted.limit());
        payload.put("shortened", fitted.shortened());
        payload.put("language", canonical.language());
        payload.put("generator", canonical.generator());
        if (canonical.note() != null) {
            payload.put("generator_note", canonical.note());
        }
        if (carriesUsage && canonical.usage().costMinor() > 0) {
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("prompt_tokens", canonical.usage().promptTokens());
            usage.put("completion_tokens", canonical.usage().completionTokens());
            usage.put("cost_minor", canonical.usage().costMinor());
            payload.put(GENERATION_USAGE, usage);
        }
        if (!canonical.language().equals(profile.language())) {
            payload.put("requested_language", profile.language());
        }
        payload.put("topic", topic);
        payload.put("canonical_message", canonical.text());
        payload.put("brand_name", profile.brandName());
        if (profile.postingIdentity() != null) {
            payload.put("posting_identity", profile.postingIdentity());
        }
        Map<String, Object> suggested = new LinkedHashMap<>();
        suggested.put("local", slot.toLocalDateTime().format(LOCAL));
        suggested.put("timezone", slot.getZone().getId());
        suggested.put("at", slot.toInstant().toString());
        payload.put("suggested_slot", suggested);
        return new PlannedDraft(index, KIND, payload, PUBLISH, slot.toInstant());
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
