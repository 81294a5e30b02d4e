package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.approval;
import static com.myagents.enforcement.Scenario.approved;
import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.approvals.ApprovalEvent.Verdict;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionMode;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.policy.EnforcementPolicy;
import com.myagents.enforcement.verify.Recorded;
import com.myagents.enforcement.verify.Redecided;
import com.myagents.enforcement.verify.Replay;
import com.myagents.enforcement.verify.VerificationReport;
import com.myagents.testsupport.ExecutionDecisionBuilder;

/**
 * Every decision enforcement records can be re-decided from its record alone — the pure
 * rules of its policy version on its recorded inputs give the same verdict, execution mode, reserved
 * cost, detail, checks and inputs — and a decision that is not what its rules give is a mismatch.
 */
class ReplayOnDriverTest extends OnTheDriver {

    @Test
    void everyDecisionOfAMixedLoadIsReDecidedIdentically() {
        List<Recorded> recorded = mixedLoad();

        VerificationReport report = new VerificationReport();
        recorded.forEach(r -> report.add(Replay.of(r)));

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.identical(EnforcementPolicy.VERSION)).isEqualTo(recorded.size());
        assertThat(report.exitStatus()).isEqualTo(VerificationReport.IDENTICAL);
        assertThat(reasons(recorded)).contains("allowed", "approval_missing", "approval_not_found", "approval_mismatch",
                "approval_rejected", "approval_expired", "payload_changed", "already_executed", "unknown_action",
                "action_not_proposed", "trial_cap_exceeded", "trial_action_not_allowed", "risk_check_failed",
                "budget_exceeded", "subscription_unknown");
        assertThat(printed(report)).contains("policy " + EnforcementPolicy.VERSION + ": re-decided " + recorded.size()
                + " of " + recorded.size() + " identically");
        // what the rules never read (an approval's notes, the payload's free text) is not recorded
        assertThat(recorded).allSatisfy(r -> assertThat(String.valueOf(r instanceof Recorded.Execution e
                ? e.decision().inputs() : ((Recorded.GoalRun) r).decision().inputs()))
                .doesNotContain("private notes", "free text the rules never read", "approved post"));
        assertThat(recorded).anyMatch(r -> r instanceof Recorded.Execution e && e.decision().dryRun())
                .anyMatch(r -> r instanceof Recorded.Execution e && e.decision().allowed() && !e.decision().dryRun()
                        && ((Number) e.decision().inputs().get("cost_minor")).longValue() > 0);
    }

    @Test
    void aDryRunAllowanceRecordedAsLiveIsAMismatch() {
        ExecutionDecision dryRun = ((Recorded.Execution) trialDryRun("corr-1").get(0)).decision();
        assertThat(dryRun.dryRun()).isTrue();

        Redecided.Mismatch mismatch = (Redecided.Mismatch) Replay.of(new Recorded.Execution(withMode(dryRun, ExecutionMode.LIVE)));

        assertThat(mismatch.recorded()).isEqualTo("allow allowed");
        assertThat(mismatch.recomputed()).isEqualTo("allow allowed dry_run");
        assertThat(mismatch.differingInputs()).isEmpty();
        assertThat(mismatch.otherDifferences()).containsExactly("mode: recorded live, recomputed dry_run");
    }

    @Test
    void aLiveAllowanceRecordedAsADryRunIsAMismatch() {
        ExecutionDecision live = allowedUnder(Scenario.paid(1_000));

        Redecided.Mismatch mismatch = (Redecided.Mismatch) Replay.of(new Recorded.Execution(withMode(live, ExecutionMode.DRY_RUN)));

        assertThat(mismatch.recorded()).isEqualTo("allow allowed dry_run");
        assertThat(mismatch.recomputed()).isEqualTo("allow allowed");
        assertThat(mismatch.otherDifferences()).containsExactly("mode: recorded dry_run, recomputed live");
        VerificationReport report = new VerificationReport();
        report.add(mismatch);
        assertThat(report.exitStatus()).isEqualTo(VerificationReport.MISMATCH);
        assertThat(printed(report)).contains("MISMATCH execution decision correlation_id=corr-1",
                "mode: recorded dry_run, recomputed live");
    }

    @Test
    void aDecisionWhoseReservedCostWasAlteredIsAMismatch() {
        ExecutionDecision allowed = allowedUnder(Scenario.paid(1_000));
        Map<String, Object> inputs = new LinkedHashMap<>(allowed.inputs());
        inputs.put("cost_minor", 1);

        Redecided.Mismatch mismatch = (Redecided.Mismatch) Replay.of(new Recorded.Execution(withInputs(allowed, inputs)));

        assertThat(mismatch.recorded()).isEqualTo(mismatch.recomputed()).isEqualTo("allow allowed");
        assertThat(mismatch.otherDifferences()).contains("cost_minor: recorded 1, recomputed 100");
        assertThat(mismatch.differingInputs()).containsExactly("cost_minor: recorded 1, recomputed 100");
    }

    @Test
    void aDecisionAboutAnotherActionThanItsRecordedRequestIsAMismatch() {
        ExecutionDecision allowed = allowedUnder(Scenario.paid(1_000));
        ExecutionDecision otherAction = ExecutionDecisionBuilder.from(allowed).action("place_order").build();

        Redecided.Mismatch mismatch = (Redecided.Mismatch) Replay.of(new Recorded.Execution(otherAction));

        assertThat(mismatch.otherDifferences()).containsExactly("action: recorded place_order, its recorded request publish");
    }

    @Test
    void aDecisionWithAFlippedVerdictIsAMismatch() {
        ExecutionDecision allowed = allowedUnder(Scenario.inTrial(5));
        ExecutionDecision flipped = ExecutionDecisionBuilder.from(allowed).outcome(Outcome.DENY, ReasonCode.BUDGET_EXCEEDED)
                .mode(ExecutionMode.LIVE).build();

        Redecided redecided = Replay.of(new Recorded.Execution(flipped));

        assertThat(redecided).isInstanceOf(Redecided.Mismatch.class);
        Redecided.Mismatch mismatch = (Redecided.Mismatch) redecided;
        assertThat(mismatch.correlationId()).isEqualTo("corr-1");
        assertThat(mismatch.recorded()).isEqualTo("deny budget_exceeded");
        assertThat(mismatch.recomputed()).isEqualTo("allow allowed");
        assertThat(mismatch.differingInputs()).isEmpty();
        VerificationReport report = new VerificationReport();
        report.add(redecided);
        assertThat(report.exitStatus()).isEqualTo(VerificationReport.MISMATCH);
        assertThat(printed(report)).contains("MISMATCH execution decision correlation_id=corr-1",
                "recorded deny budget_exceeded, recomputed allow allowed", "differing inputs: none");
    }

    @Test
    void aDecisionWhoseRecordedInputsWereAlteredIsAMismatchNamingTheInput() {
        ExecutionDecision allowed = allowedUnder(Scenario.paid(150));
        Map<String, Object> inputs = new LinkedHashMap<>(allowed.inputs());
        Map<String, Object> ledger = new LinkedHashMap<>(map(inputs.get("ledger_before")));
        ledger.put("committed_this_month", 100);
        inputs.put("ledger_before", ledger);
        ExecutionDecision altered = ExecutionDecisionBuilder.from(allowed).inputs(inputs).mode(ExecutionMode.LIVE).build();

        Redecided.Mismatch mismatch = (Redecided.Mismatch) Replay.of(new Recorded.Execution(altered));

        assertThat(mismatch.recomputed()).isEqualTo("deny budget_exceeded");
        assertThat(mismatch.differingInputs()).anyMatch(d -> d.startsWith("budget_committed_before"));
    }

    @Test
    void decisionsOfAnotherPolicyVersionAreNamedAsNotReplayable() {
        enforcement.send(request("corr-1", "deliverable-1", null));
        ExecutionDecision denied = enforcement.decisions().get(0).value;
        ExecutionDecision older = ExecutionDecisionBuilder.from(denied).policyVersion("enforcement-2026-11.3")
                .mode(ExecutionMode.LIVE).build();
        VerificationReport report = new VerificationReport();

        report.add(Replay.of(new Recorded.Execution(older)));
        report.add(Replay.of(new Recorded.Unreadable("myagents.execution-decisions.v1-0@7", "not a valid record")));

        assertThat(printed(report)).contains("policy enforcement-2026-11.3: cannot replay 1 decision",
                "MISMATCH unreadable record correlation_id=myagents.execution-decisions.v1-0@7");
        assertThat(report.exitStatus()).isEqualTo(VerificationReport.MISMATCH);
        VerificationReport onlyOlder = new VerificationReport();
        onlyOlder.add(Replay.of(new Recorded.Execution(older)));
        assertThat(onlyOlder.exitStatus()).isEqualTo(VerificationReport.UNVERIFIED);
    }

    /** Allowed and denied actions of every reason the driver can produce, settlements, goal runs. */
    private List<Recorded> mixedLoad() {
        enforcement.approve(new ApprovalEvent("approval-0", "deliverable-0", "sub-nobody-knows", Scenario.CUSTOMER,
                Verdict.APPROVED, "reviewer", null, Scenario.HASH, EnforcementDriver.START, EnforcementDriver.START.plusSeconds(600)));
        enforcement.send(Scenario.withSubscription(request("corr-unknown-sub", "deliverable-0", "approval-0"), "sub-nobody-knows"));
        enforcement.subscription(Scenario.trial(3, 1, 10_000));
        enforcement.approve(approved("approval-1", "deliverable-1"));
        enforcement.send(request("corr-ok", "deliverable-1", "approval-1"));
        enforcement.send(request("corr-reuse", "deliverable-1", "approval-1"));
        enforcement.send(request("corr-missing", "deliverable-2", null));
        enforcement.send(request("corr-not-found", "deliverable-3", "approval-3"));
        enforcement.approve(approved("approval-4", "deliverable-4"));
        enforcement.send(request("corr-mismatch", "deliverable-4", "approval-other"));
        enforcement.approve(approval("approval-5", "deliverable-5", Verdict.REJECTED, EnforcementDriver.START.plusSeconds(60)));
        enforcement.send(request("corr-rejected", "deliverable-5", "approval-5"));
        enforcement.approve(approval("approval-6", "deliverable-6", Verdict.APPROVED, EnforcementDriver.START.minusSeconds(1)));
        enforcement.send(request("corr-expired", "deliverable-6", "approval-6"));
        enforcement.approve(approved("approval-7", "deliverable-7"));
        enforcement.send(Scenario.withPayloadHash(request("corr-changed", "deliverable-7", "approval-7"), "other-hash"));
        enforcement.send(request("corr-unknown-action", "deliverable-8", "launch_rocket", "approval-8"));
        enforcement.send(new ExecutionRequest("corr-not-proposed", "deliverable-9", Scenario.SUBSCRIPTION, Scenario.CUSTOMER,
                "hired-1", "send", "approval-9", Scenario.HASH, Scenario.CUSTOMER, EnforcementDriver.START, Scenario.PAYLOAD,
                List.of("publish")));
        enforcement.approve(approved("approval-10", "deliverable-10"));
        enforcement.send(request("corr-trial-order", "deliverable-10", "place_order", "approval-10"));
        enforcement.askToRun(GoalRunMeteringTest.ask("run-1", Scenario.DAILY_POST));
        enforcement.askToRun(GoalRunMeteringTest.ask("run-2", Scenario.DAILY_POST));
        for (int i = 11; i <= 13; i++) {
            enforcement.approve(approved("approval-" + i, "deliverable-" + i));
            enforcement.send(request("corr-cap-" + i, "deliverable-" + i, "approval-" + i));
        }
        // a trading trial's order: allowed as a dry run (described, never sent), at no cost
        List<Recorded> dryRuns = new ArrayList<>();
        dryRuns.addAll(trialDryRun("corr-trial-dry-run"));
        // a paid plan: a settled action, then the budget runs out; trades checked against the risk limits
        enforcement.result(new ExecutionResult("result-ok", "command-ok", "corr-ok", "deliverable-1", Scenario.SUBSCRIPTION,
                ExecutionResult.Status.EXECUTED, "ext-1", "key-ok", 120, null, enforcement.now()));
        enforcement.advance(Duration.ofDays(1));
        enforcement.subscription(Scenario.paid(1_000));
        enforcement.instance(new HiredAgentChange("hired-1", Scenario.SUBSCRIPTION, Scenario.CUSTOMER, "trading", "1.0.0",
                "Trader", "Asia/Kolkata", Map.of("allowed_coins", List.of("BTC"), "risk_limits",
                        Map.of("max_units_per_order", 2, "max_notional_inr", 200_000)), true, "active", "ended_converted",
                null, enforcement.now()));
        trade("corr-order-ok", "deliverable-20", "BTCUSD", 1, "60000");
        trade("corr-order-coin", "deliverable-21", "ETHUSD", 1, null);
        trade("corr-order-size", "deliverable-22", "BTCUSD", 3, null);
        for (int i = 23; i <= 26; i++) {
            enforcement.approve(paidApproval("approval-" + i, "deliverable-" + i));
            enforcement.send(request("corr-budget-" + i, "deliverable-" + i, "approval-" + i));
        }
        List<Recorded> recorded = new ArrayList<>();
        enforcement.decisions().forEach(d -> recorded.add(new Recorded.Execution(d.value)));
        recorded.addAll(dryRuns);
        enforcement.goalRunDecisions().forEach(d -> recorded.add(new Recorded.GoalRun(d.value)));
        return recorded;
    }

    /**
     * A trading trial's approved order, allowed as a dry run, on a driver of its own (its trial
     * state would otherwise replace the scenario's): the decision it records.
     */
    private static List<Recorded> trialDryRun(String correlationId) {
        try (EnforcementDriver trial = new EnforcementDriver()) {
            Instant start = EnforcementDriver.START;
            trial.subscription(new SubscriptionState(Scenario.SUBSCRIPTION, Scenario.CUSTOMER, "trading.delta_futures.v1",
                    "active", "active", start.minus(Duration.ofDays(1)), start.plus(Duration.ofDays(6)), 10, List.of(), 0,
                    start, 20, 0, Scenario.PRICES, Map.of(), List.of("place_order", "close_position"), 1));
            trial.instance(new HiredAgentChange("hired-1", Scenario.SUBSCRIPTION, Scenario.CUSTOMER,
                    "trading.delta_futures.v1", "1.0.0", "Trader", "Asia/Kolkata", Map.of("allowed_coins", List.of("BTC"),
                            "risk_limits", Map.of("max_units_per_order", 2, "max_notional_inr", 200_000)),
                    true, "active", "active", null, start));
            Map<String, Object> payload = Map.of("order", Map.of("product_symbol", "BTCUSD", "size", 1,
                    "order_type", "limit_order", "limit_price", "60000", "reduce_only", false));
            String hash = PayloadHash.of(payload);
            trial.approve(new ApprovalEvent("approval-trade", "deliverable-trade", Scenario.SUBSCRIPTION, Scenario.CUSTOMER,
                    Verdict.APPROVED, "reviewer", null, hash, start, start.plus(Duration.ofHours(1))));
            trial.send(new ExecutionRequest(correlationId, "deliverable-trade", Scenario.SUBSCRIPTION, Scenario.CUSTOMER,
                    "hired-1", "place_order", "approval-trade", hash, Scenario.CUSTOMER, start, payload,
                    List.of("place_order")));
            return trial.decisions().stream().map(d -> (Recorded) new Recorded.Execution(d.value)).toList();
        }
    }

    /** The decision on deliverable 1, approved and requested under {@code subscription}. */
    private ExecutionDecision allowedUnder(SubscriptionState subscription) {
        enforcement.subscription(subscription);
        enforcement.approve(approved("approval-1", "deliverable-1"));
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        return enforcement.decisions().get(0).value;
    }

    private static ExecutionDecision withMode(ExecutionDecision d, ExecutionMode mode) {
        return ExecutionDecisionBuilder.from(d).mode(mode).build();
    }

    private static ExecutionDecision withInputs(ExecutionDecision d, Map<String, Object> inputs) {
        return ExecutionDecisionBuilder.from(d).inputs(inputs).build();
    }

    private ApprovalEvent paidApproval(String approvalId, String deliverableId) {
        return new ApprovalEvent(approvalId, deliverableId, Scenario.SUBSCRIPTION, Scenario.CUSTOMER, Verdict.APPROVED,
                "reviewer", null, Scenario.HASH, enforcement.now(), enforcement.now().plus(Duration.ofDays(3)));
    }

    private void trade(String correlationId, String deliverableId, String symbol, int size, String limitPrice) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("product_symbol", symbol);
        order.put("size", size);
        order.put("limit_price", limitPrice);
        order.put("reduce_only", false);
        order.put("side", "buy");
        Map<String, Object> payload = Map.of("order", order, "note", "free text the rules never read");
        String hash = PayloadHash.of(payload);
        String approvalId = "approval-" + deliverableId;
        enforcement.approve(new ApprovalEvent(approvalId, deliverableId, Scenario.SUBSCRIPTION, Scenario.CUSTOMER,
                Verdict.APPROVED, "reviewer", "private notes", hash, enforcement.now(), enforcement.now().plusSeconds(3600)));
        enforcement.send(new ExecutionRequest(correlationId, deliverableId, Scenario.SUBSCRIPTION, Scenario.CUSTOMER, "hired-1",
                "place_order", approvalId, hash, Scenario.CUSTOMER, enforcement.now(), payload, List.of("place_order")));
    }

    private static List<String> reasons(List<Recorded> recorded) {
        return recorded.stream().map(r -> r instanceof Recorded.Execution e ? e.decision().reason().code()
                : ((Recorded.GoalRun) r).decision().reason().code()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String printed(VerificationReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
