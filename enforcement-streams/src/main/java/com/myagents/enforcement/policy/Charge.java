package com.myagents.enforcement.policy;

/** What is about to cost: an external action (held until it settles) or a goal run (spent at once). */
public sealed interface Charge permits Charge.Action, Charge.GoalRun {

    long costMinor();

    /** The unit its trial cap counts, as the decision log names it. */
    String unit();

    record Action(String correlationId, String action, long costMinor) implements Charge {
        @Override
        public String unit() {
            return "actions";
        }
    }

    record GoalRun(String runId, String goalTemplateId, long costMinor) implements Charge {
        @Override
        public String unit() {
            return "goal runs";
        }
    }
}
