package com.myagents.goals.drafts;

import java.util.Optional;

import com.myagents.contracts.goals.GoalChange;

/**
 * What a goal run does, by the goal template's {@code skill_binding} (or, for goals published
 * without one, its {@code goal_template_id}), as the seeded agent type definitions declare them.
 */
public enum Skill {
    WEEKLY_BATCH("marketing.draft_multichannel_batch", "marketing.weekly_multichannel_batch"),
    DAILY_MICROPOST("marketing.draft_education_micropost", "marketing.daily_education_micropost"),
    MONTHLY_CAMPAIGN("marketing.draft_campaign_pack", "marketing.monthly_campaign_pack"),
    TRADE_INTENT("trading.build_trade_intent", "trading.trade_intent_draft"),
    CLOSE_REMINDER("trading.propose_close_position", "trading.close_position_reminder"),
    GUARDRAIL_REPORT("trading.report_guardrails", "trading.guardrail_report");

    private final String binding;
    private final String templateId;

    Skill(String binding, String templateId) {
        this.binding = binding;
        this.templateId = templateId;
    }

    public String binding() {
        return binding;
    }

    public String templateId() {
        return templateId;
    }

    /**
     * Whether a run costs and so must be metered by enforcement before it generates: content
     * generation does (priced per template by the definition); the deterministic trading paths do not.
     */
    public boolean metered() {
        return this == WEEKLY_BATCH || this == DAILY_MICROPOST || this == MONTHLY_CAMPAIGN;
    }

    public static Optional<Skill> of(GoalChange goal) {
        for (Skill skill : values()) {
            if (skill.binding.equals(goal.skillBinding())) {
                return Optional.of(skill);
            }
        }
        for (Skill skill : values()) {
            if (skill.templateId.equals(goal.goalTemplateId())) {
                return Optional.of(skill);
            }
        }
        return Optional.empty();
    }
}
