package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionMode;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * A trial follows its definition: {@code trial_dry_run_actions} are allowed as signed dry runs,
 * {@code trial_allowed_actions} for real, anything else is denied; approvals live no longer than
 * {@code approval_ttl_hours}; a re-hire without a trial runs nothing until it is paid.
 */
class TrialLifecycleRulesTest extends OnTheDriver {

    @Test
    void allowsATrialDryRunActionAsASignedDryRunCommand() {
        ExecutionDecision decision = tradeUnder("active");
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.dryRun()).isTrue();
        assertThat(decision.inputs()).containsEntry("trial_action_list", "trial_dry_run_actions")
                .containsEntry("execution_mode", "dry_run");
        ExecutionCommand command = enforcement.commands().get(0).value;
        assertThat(command.mode()).isEqualTo(ExecutionMode.DRY_RUN);
        assertThat(EnforcementDriver.SIGNER.verify(command)).isTrue();
        assertThat(EnforcementDriver.SIGNER.verify(asLive(command)))
                .as("a dry-run command turned live no longer verifies").isFalse();
    }

    @Test
    void aDryRunCostsNothing() {
        // the trading trial's spending cap is 0: a priced action for real would not fit, a dry run does
        assertThat(tradeUnder("active").inputs()).containsEntry("cost_minor", 0);
    }

    @Test
    void allowsATrialAllowedActionForReal() {
        enforcement.subscription(Scenario.inTrial(5));
        enforcement.approve(Scenario.approved("approval-1", "deliverable-1"));

        enforcement.send(request("corr-1", "deliverable-1", "publish", "approval-1"));

        ExecutionDecision decision = onlyDecision();
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.dryRun()).isFalse();
        assertThat(decision.inputs()).containsEntry("trial_action_list", "trial_allowed_actions");
        assertThat(enforcement.commands().get(0).value.mode()).isEqualTo(ExecutionMode.LIVE);
    }

    @Test
    void deniesATrialActionOnNeitherList() {
        enforcement.subscription(Scenario.inTrial(5));
        enforcement.approve(Scenario.approved("approval-1", "deliverable-1"));

        enforcement.send(request("corr-1", "deliverable-1", "place_order", "approval-1"));

        assertThat(onlyDecision().reason()).isEqualTo(ReasonCode.TRIAL_ACTION_NOT_ALLOWED);
    }

    @Test
    void aPaidPlanPlacesTheSameActionForReal() {
        ExecutionDecision decision = tradeUnder("ended_converted");
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.dryRun()).isFalse();
        assertThat(decision.inputs()).containsEntry("cost_minor", 500);
    }

    @Test
    void deniesAnApprovalOlderThanTheDefinitionsLifetime() {
        // the approval itself claims three days; the trading definition allows one hour
        ExecutionDecision decision = paidTradeApprovedForThreeDaysRequestedAfter(Duration.ofMinutes(61));
        assertThat(decision.reason()).isEqualTo(ReasonCode.APPROVAL_EXPIRED);
        assertThat(decision.inputs()).containsEntry("approval_ttl_hours", 1);
    }

    @Test
    void allowsAnApprovalWithinTheDefinitionsLifetime() {
        assertThat(paidTradeApprovedForThreeDaysRequestedAfter(Duration.ofMinutes(59)).allowed()).isTrue();
    }

    @Test
    void deniesEverythingOfASubscriptionWithoutATrialUntilItIsPaid() {
        enforcement.subscription(trading("active", "not_eligible", 1));
        enforcement.approve(Scenario.approved("approval-1", "deliverable-1"));

        enforcement.send(request("corr-1", "deliverable-1", "place_order", "approval-1"));

        ExecutionDecision decision = onlyDecision();
        assertThat(decision.reason()).isEqualTo(ReasonCode.SUBSCRIPTION_INACTIVE);
        assertThat(decision.detail()).contains("already used");
    }

    @Test
    void aRetryOfTheSamePayloadReachesThePlatformUnderTheSameKey() {
        enforcement.subscription(trading("active", "ended_converted", 1));
        trade("corr-1", "approval-1");
        trade("corr-2", "approval-2");

        List<ExecutionCommand> commands = enforcement.commands().stream().map(kv -> kv.value).toList();
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0).idempotencyKey()).isNotEqualTo(commands.get(1).idempotencyKey());
        assertThat(commands.get(0).platformIdempotencyKey()).isEqualTo(commands.get(1).platformIdempotencyKey());
    }

    /** A paid plan whose trading definition allows approvals one hour, and a trade approved for three days, requested {@code after}. */
    private ExecutionDecision paidTradeApprovedForThreeDaysRequestedAfter(Duration after) {
        enforcement.subscription(trading("active", "ended_converted", 1));
        approveTrade("approval-1", EnforcementDriver.START.plus(Duration.ofDays(3)));

        enforcement.advance(after);
        enforcement.send(tradeRequest("corr-1", "approval-1"));
        return onlyDecision();
    }

    /** The decision on an approved order of a trading subscription whose trial is {@code trialStatus}. */
    private ExecutionDecision tradeUnder(String trialStatus) {
        enforcement.subscription(trading("active", trialStatus, 1));
        trade("corr-1", "approval-1");
        return onlyDecision();
    }

    private void trade(String correlationId, String approvalId) {
        approveTrade(approvalId, EnforcementDriver.START.plus(Duration.ofHours(1)));
        enforcement.send(tradeRequest(correlationId, approvalId));
    }

    private void approveTrade(String approvalId, Instant expiresAt) {
        enforcement.instance(new HiredAgentChange("hired-1", Scenario.SUBSCRIPTION, Scenario.CUSTOMER,
                "trading.delta_futures.v1", "1.0.0", "Trader", "Asia/Kolkata", Map.of("allowed_coins", List.of("BTC"),
                        "default_coin", "BTC", "risk_limits", Map.of("max_units_per_order", 2, "max_notional_inr", 200_000)),
                true, "active", "active", null, EnforcementDriver.START));
        enforcement.approve(new ApprovalEvent(approvalId, "deliverable-1", Scenario.SUBSCRIPTION, Scenario.CUSTOMER,
                ApprovalEvent.Verdict.APPROVED, "reviewer", null, PayloadHash.of(TRADE), EnforcementDriver.START, expiresAt));
    }

    private static ExecutionRequest tradeRequest(String correlationId, String approvalId) {
        return new ExecutionRequest(correlationId, "deliverable-1", Scenario.SUBSCRIPTION, Scenario.CUSTOMER, "hired-1",
                "place_order", approvalId, PayloadHash.of(TRADE), Scenario.CUSTOMER, EnforcementDriver.START, TRADE,
                List.of("place_order"));
    }

    private static final Map<String, Object> TRADE = Map.of("order", Map.of("product_symbol", "BTCUSD", "size", 1,
            "side", "buy", "order_type", "limit_order", "limit_price", "60000", "reduce_only", false));

    private ExecutionDecision onlyDecision() {
        List<KeyValue<String, ExecutionDecision>> decisions = enforcement.decisions();
        assertThat(decisions).hasSize(1);
        return decisions.get(0).value;
    }

    private static ExecutionCommand asLive(ExecutionCommand c) {
        return new ExecutionCommand(c.commandId(), c.correlationId(), c.decisionId(), c.deliverableId(), c.subscriptionId(),
                c.customerId(), c.hiredInstanceId(), c.action(), c.approvalId(), c.idempotencyKey(), c.payload(),
                c.issuedAt(), c.signature(), ExecutionMode.LIVE, c.platformKey());
    }

    /** The seeded trading definition's terms: dry-run trades in the trial, 1 h approvals, no trial spending. */
    private static SubscriptionState trading(String status, String trialStatus, int approvalTtlHours) {
        Instant start = EnforcementDriver.START;
        return new SubscriptionState(Scenario.SUBSCRIPTION, Scenario.CUSTOMER, "trading.delta_futures.v1", status,
                trialStatus, start.minus(Duration.ofDays(1)), start.plus(Duration.ofDays(6)), 10, List.of(), 500_000, start,
                20, 0, Scenario.PRICES, java.util.Map.of(), List.of("place_order", "close_position"), approvalTtlHours);
    }
}
