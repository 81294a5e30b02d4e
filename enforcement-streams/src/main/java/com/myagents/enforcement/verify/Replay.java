package com.myagents.enforcement.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionMode;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.serde.EventJson;
import com.myagents.enforcement.policy.CheckTrail;
import com.myagents.enforcement.policy.DeliverableRules;
import com.myagents.enforcement.policy.EnforcementPolicy;
import com.myagents.enforcement.policy.GoalRunRules;
import com.myagents.enforcement.policy.Metering;
import com.myagents.enforcement.policy.SubscriptionRules;
import com.myagents.enforcement.policy.Verdict;

import tools.jackson.databind.JsonNode;

/**
 * Re-decides a recorded decision: the pure rules of its policy version, run again on the inputs
 * the decision recorded, must give everything the decision decided: the same outcome, reason,
 * execution mode (live or dry run), reserved cost, detail, checks and inputs; and the decision's
 * own action, approval and customer must be those of the request its inputs recorded. Nothing is
 * read but the record itself: no store, no database.
 */
public final class Replay {

    /** The policy versions whose rules this build holds: the current one. */
    public static final Set<String> REPLAYABLE = Set.of(EnforcementPolicy.VERSION);

    private Replay() {
    }

    public static Redecided of(Recorded recorded) {
        if (recorded instanceof Recorded.Unreadable unreadable) {
            return new Redecided.Mismatch(null, unreadable.where(), "unreadable record", "—", "—", List.of(),
                    List.of(unreadable.problem()));
        }
        if (!REPLAYABLE.contains(recorded.policyVersion())) {
            return new Redecided.NotReplayable(recorded.policyVersion(), recorded.correlationId());
        }
        try {
            return recorded instanceof Recorded.Execution execution ? execution(execution.decision())
                    : goalRun(((Recorded.GoalRun) recorded).decision());
        } catch (RuntimeException unusable) {
            // Inputs that cannot even be read (tampered, truncated) cannot give the recorded decision.
            return new Redecided.Mismatch(recorded.policyVersion(), recorded.correlationId(), kind(recorded),
                    "recorded", "not recomputable: " + unusable.getMessage(), List.of(), List.of());
        }
    }

    private static Redecided execution(ExecutionDecision decision) {
        RecordedInputs inputs = new RecordedInputs(decision.inputs());
        ExecutionRequest request = inputs.request(decision);
        Verdict verdict = DeliverableRules.evaluate(request, inputs.payloadDigest(), inputs.approval(), inputs.evaluatedAt());
        long cost = 0;
        if (verdict instanceof Verdict.Allowed first) {
            // The subscription rules ran at the decision's own time (the same as evaluated_at since
            // enforcement decides in one stage; later, for decisions of the two-stage topology).
            Instant now = decision.decidedAt();
            Metering metering = SubscriptionRules.evaluate(CheckTrail.continuing(first.checks(), first.inputs()), request,
                    inputs.usedApproval(request.approvalId()), inputs.subscription(), inputs.ledgerOr(now),
                    inputs.instance(request), now, inputs.approval() == null ? null : inputs.approval().decidedAt());
            verdict = metering.verdict();
            cost = metering.costMinor();
        }
        boolean allowed = decision.allowed();
        Verdicts recorded = new Verdicts(decision.outcome() == null ? null : decision.outcome().code(),
                code(decision.reason()), mode(decision.mode()), decision.detail(), decision.checks(), decision.inputs(),
                allowed ? inputs.reservedCost() : 0L);
        return compare(decision.policyVersion(), decision.correlationId(), "execution decision", recorded,
                recomputed(verdict, cost), inputs.requestDisagreements(decision));
    }

    private static Redecided goalRun(GoalRunDecision decision) {
        RecordedInputs inputs = new RecordedInputs(decision.inputs());
        Instant now = inputs.evaluatedAt();
        Metering metering = GoalRunRules.evaluate(new GoalRunRequest(decision.trigger(), null), inputs.subscription(),
                inputs.ledgerOr(now), now);
        return compare(decision.policyVersion(), decision.runId(), "goal-run decision",
                new Verdicts(decision.outcome() == null ? null : decision.outcome().code(), code(decision.reason()), null,
                        decision.detail(), decision.checks(), decision.inputs(), decision.costMinor()),
                recomputed(metering.verdict(), metering.costMinor()), List.of());
    }

    /**
     * One side of the comparison, as plain values: everything a decision decides. {@code mode} is
     * an execution decision's (null for a goal run); {@code costMinor} what it reserved (0 when denied).
     */
    private record Verdicts(String outcome, String reason, String mode, String detail, Object checks, Object inputs,
            Long costMinor) {

        String verdict() {
            boolean described = "allow".equals(outcome) && mode != null && !ExecutionMode.LIVE.code().equals(mode);
            return outcome + " " + reason + (described ? " " + mode : "");
        }
    }

    private static Verdicts recomputed(Verdict verdict, long costMinor) {
        if (verdict instanceof Verdict.Denied denied) {
            return new Verdicts("deny", denied.reason().code(), ExecutionMode.LIVE.code(), denied.detail(), verdict.checks(),
                    verdict.inputs(), 0L);
        }
        return new Verdicts("allow", ReasonCode.ALLOWED.code(), mode(((Verdict.Allowed) verdict).mode()),
                "every check passed", verdict.checks(), verdict.inputs(), costMinor);
    }

    private static Redecided compare(String version, String correlationId, String kind, Verdicts recorded, Verdicts again,
            List<String> disagreements) {
        List<String> inputs = differences("", tree(recorded.inputs()), tree(again.inputs()));
        List<String> other = new ArrayList<>(disagreements);
        if (recorded.mode() != null && !Objects.equals(recorded.mode(), again.mode())) {
            other.add("mode: recorded " + recorded.mode() + ", recomputed " + again.mode());
        }
        if (!Objects.equals(recorded.detail(), again.detail())) {
            other.add("detail: recorded \"" + recorded.detail() + "\", recomputed \"" + again.detail() + "\"");
        }
        if (!tree(recorded.checks()).equals(tree(again.checks()))) {
            other.add("checks: recorded " + tree(recorded.checks()) + ", recomputed " + tree(again.checks()));
        }
        if (!Objects.equals(recorded.costMinor(), again.costMinor())) {
            other.add("cost_minor: recorded " + recorded.costMinor() + ", recomputed " + again.costMinor());
        }
        boolean sameVerdict = recorded.verdict().equals(again.verdict());
        if (sameVerdict && inputs.isEmpty() && other.isEmpty()) {
            return new Redecided.Identical(version, correlationId);
        }
        return new Redecided.Mismatch(version, correlationId, kind, recorded.verdict(), again.verdict(), inputs, other);
    }

    /** The paths whose values differ, one level into nested objects ({@code subscription.status}). */
    private static List<String> differences(String prefix, JsonNode recorded, JsonNode recomputed) {
        List<String> found = new ArrayList<>();
        if (recorded.equals(recomputed)) {
            return found;
        }
        if (!recorded.isObject() || !recomputed.isObject() || prefix.contains(".")) {
            found.add((prefix.isEmpty() ? "inputs" : prefix) + ": recorded " + recorded + ", recomputed " + recomputed);
            return found;
        }
        Set<String> names = new TreeSet<>(recorded.propertyNames());
        names.addAll(recomputed.propertyNames());
        for (String name : names) {
            found.addAll(differences(prefix.isEmpty() ? name : prefix + "." + name,
                    recorded.path(name), recomputed.path(name)));
        }
        return found;
    }

    /** Both sides through JSON text, so numbers and times compare as they read, not as Java typed them. */
    private static JsonNode tree(Object value) {
        return EventJson.MAPPER.readTree(EventJson.MAPPER.writeValueAsBytes(value));
    }

    /** A mode as written; absent (a decision recorded before the mode existed) was live. */
    private static String mode(ExecutionMode mode) {
        return mode == null ? ExecutionMode.LIVE.code() : mode.code();
    }

    private static String code(ReasonCode reason) {
        return reason == null ? null : reason.code();
    }

    private static String kind(Recorded recorded) {
        return recorded instanceof Recorded.Execution ? "execution decision" : "goal-run decision";
    }
}
