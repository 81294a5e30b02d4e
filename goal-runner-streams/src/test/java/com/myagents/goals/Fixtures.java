package com.myagents.goals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.myagents.contracts.goals.GoalChange;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.runs.GoalRun;

/** Hired instances, goals and runs as plant publishes them, shaped like the seeded agent types. */
public final class Fixtures {

    public static final String SUBSCRIPTION = "5f0c7a1e-0000-4000-8000-000000000001";
    public static final String CUSTOMER = "5f0c7a1e-0000-4000-8000-0000000000c1";

    private Fixtures() {
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static Map<String, Object> marketingConfig(String language, List<String> platforms) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("nickname", "Clinic helper");
        config.put("theme", "teal");
        config.put("primary_language", language);
        config.put("timezone", "Asia/Kolkata");
        config.put("brand_name", "Sunrise Family Clinic");
        config.put("offerings", List.of("child vaccinations", "diabetes check-ups", "physiotherapy"));
        config.put("location", "Pune, Maharashtra");
        config.put("platforms_enabled", platforms);
        config.put("platform_credentials", Map.of());
        config.put("review_policy", "approval_required_per_post");
        return config;
    }

    public static Map<String, Object> tradingConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("nickname", "Desk");
        config.put("theme", "slate");
        config.put("timezone", "Asia/Kolkata");
        config.put("exchange_provider", "delta_exchange_india");
        config.put("exchange_credential_ref", "cred:delta:1");
        config.put("allowed_coins", List.of("BTC", "ETH"));
        config.put("default_coin", "BTC");
        config.put("risk_limits", Map.of("max_units_per_order", 5, "max_notional_inr", 500000));
        config.put("execution_policy", "approval_required_per_trade_action");
        return config;
    }

    public static HiredAgentChange agent(String hiredId, String agentType, String timezone, Map<String, Object> config,
            boolean runnable) {
        return new HiredAgentChange(hiredId, SUBSCRIPTION, CUSTOMER, agentType, "1.0.0", "helper", timezone, config,
                true, runnable ? "active" : "cancelled", runnable ? "ended_converted" : "ended_not_converted", null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static HiredAgentChange marketingAgent(String hiredId, String timezone) {
        return agent(hiredId, "marketing.healthcare.v1", timezone,
                marketingConfig("en", List.of("x", "linkedin", "instagram", "facebook", "youtube", "whatsapp")), true);
    }

    public static HiredAgentChange tradingAgent(String hiredId) {
        return agent(hiredId, "trading.delta_futures.v1", "Asia/Kolkata", tradingConfig(), true);
    }

    public static GoalChange goal(String goalId, String hiredId, String templateId, String frequency, String timeOfDay,
            String timezone, Map<String, Object> settings, boolean enabled, Instant changedAt) {
        return new GoalChange(goalId, templateId, null, hiredId, SUBSCRIPTION, CUSTOMER, frequency, timeOfDay, timezone,
                settings, enabled, false, changedAt);
    }

    public static GoalChange daily(String goalId, String hiredId, String timeOfDay, String timezone, Instant changedAt) {
        return goal(goalId, hiredId, "marketing.daily_education_micropost", "daily", timeOfDay, timezone,
                Map.of("topics", List.of("hydration", "flu shots")), true, changedAt);
    }

    public static GoalRun run(GoalChange goal, HiredAgentChange agent, String periodKey, Instant dueAt) {
        GoalTrigger trigger = new GoalTrigger(goal.goalInstanceId() + ":" + periodKey, goal.goalInstanceId(),
                goal.goalTemplateId(), agent.hiredInstanceId(), agent.subscriptionId(), agent.customerId(), periodKey,
                dueAt);
        return new GoalRun(trigger, goal, agent);
    }
}
