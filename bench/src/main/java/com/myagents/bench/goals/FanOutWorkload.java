package com.myagents.bench.goals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.myagents.contracts.goals.GoalChange;

/**
 * {@code goals} daily goals of the demo marketing agent, all due at the same second: what a
 * popular posting time does to the goal runner. Each drafts one LinkedIn post, so every goal
 * run is exactly one draft.
 */
public record FanOutWorkload(int goals, String run, Instant dueAt) {

    public static final String TEMPLATE = "marketing.daily_education_micropost";
    /** The seeded definition's price of one micro-post run (V4__metering.sql). */
    public static final long RUN_PRICE_MINOR = 25;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Due {@code lead} from {@code now}, on a whole second (time_of_day has no fractions). */
    public static FanOutWorkload dueIn(int goals, Instant now, Duration lead) {
        Instant due = now.plus(lead).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return new FanOutWorkload(goals, Long.toString(now.toEpochMilli(), 36), due);
    }

    /** The due time as the goal's {@code time_of_day} in UTC. */
    public String timeOfDay() {
        return LocalTime.ofInstant(dueAt, ZoneOffset.UTC).format(TIME);
    }

    public String goalId(int index) {
        return UUID.nameUUIDFromBytes(("bench-goal:" + run + ":" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public GoalChange goal(int index, String hiredInstanceId, String subscriptionId, String customerId, Instant changedAt) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("topics", List.of("hydration", "flu shots", "child vaccinations"));
        settings.put("platforms", List.of("linkedin"));
        return new GoalChange(goalId(index), TEMPLATE, null, hiredInstanceId, subscriptionId, customerId, "daily",
                timeOfDay(), "UTC", settings, true, false, changedAt);
    }

    /** A complete marketing configuration (refs only, no secret) with LinkedIn as its one platform. */
    public static Map<String, Object> marketingConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("nickname", "Clinic Marketing");
        config.put("theme", "teal");
        config.put("primary_language", "en");
        config.put("timezone", "UTC");
        config.put("brand_name", "Sunrise Family Clinic");
        config.put("offerings", List.of("child vaccinations", "diabetes check-ups", "physiotherapy"));
        config.put("location", "Pune, Maharashtra");
        config.put("platforms_enabled", List.of("linkedin"));
        config.put("platform_credentials", Map.of());
        config.put("review_policy", "approval_required_per_post");
        return config;
    }
}
