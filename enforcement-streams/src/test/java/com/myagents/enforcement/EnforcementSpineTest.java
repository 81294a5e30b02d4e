package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.enforcement.policy.EnforcementPolicy;
import com.myagents.enforcement.stages.Decided;
import com.myagents.enforcement.stages.EnforcementStores;

/** The spine: one decision per request, deny by default, every check named. */
class EnforcementSpineTest extends OnTheDriver {

    @Test
    void deniesRequestWithoutApproval() {
        // Given a request that carries no approval_id
        // When enforcement decides it
        enforcement.send(request("corr-1", "deliverable-1", null));

        // Then one denial decision keyed by the correlation id, with the check that failed
        List<KeyValue<String, ExecutionDecision>> decisions = enforcement.decisions();
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).key).isEqualTo("corr-1");
        ExecutionDecision decision = decisions.get(0).value;
        assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        assertThat(decision.reason()).isEqualTo(ReasonCode.APPROVAL_MISSING);
        assertThat(decision.decisionId()).isEqualTo(Decided.decisionId("corr-1"));
        assertThat(decision.policyVersion()).isEqualTo(EnforcementPolicy.VERSION);
        assertThat(decision.decidedAt()).isEqualTo(EnforcementDriver.START);
        assertThat(decision.checks()).containsExactly(
                new CheckResult("request_well_formed", true, "correlation_id, deliverable_id and subscription_id present"),
                new CheckResult("action_known", true, "publish"),
                new CheckResult("action_proposed", true, "the deliverable proposes publish"),
                new CheckResult("approval_present", false, "the request carries no approval_id"));
        assertThat(decision.inputs()).containsKey("request").containsEntry("approval", null);

        // And the same denial on the auditors' topic, keyed by subscription, and no command
        List<KeyValue<String, EnforcementDenial>> denials = enforcement.denials();
        assertThat(denials).hasSize(1);
        assertThat(denials.get(0).key).isEqualTo(Scenario.SUBSCRIPTION);
        assertThat(denials.get(0).value).isEqualTo(EnforcementDenial.of(decision));
        assertThat(enforcement.commands()).isEmpty();
    }

    @Test
    void deniesUnknownAction() {
        enforcement.send(request("corr-1", "deliverable-1", "delete_account", "approval-1"));

        ExecutionDecision decision = onlyDecision();
        assertThat(decision.reason()).isEqualTo(ReasonCode.UNKNOWN_ACTION);
        assertThat(decision.detail()).contains("delete_account");
        assertThat(enforcement.denials()).extracting(d -> d.value.reason()).containsExactly(ReasonCode.UNKNOWN_ACTION);
    }

    @Test
    void deniesAKnownActionTheDeliverableDoesNotPropose() {
        enforcement.approve(Scenario.approved("approval-1", "deliverable-1"));

        enforcement.send(request("corr-1", "deliverable-1", "close_position", "approval-1"));

        ExecutionDecision decision = onlyDecision();
        assertThat(decision.reason()).isEqualTo(ReasonCode.ACTION_NOT_PROPOSED);
        assertThat(decision.detail()).contains("close_position");
        assertThat(enforcement.commands()).isEmpty();
    }

    @Test
    void deniesRequestWithoutSubscriptionAsMalformed() {
        ExecutionRequest r = request("corr-1", "deliverable-1", "approval-1");
        enforcement.send(new ExecutionRequest(r.correlationId(), r.deliverableId(), null, r.customerId(),
                r.hiredInstanceId(), r.action(), r.approvalId(), r.payloadHash(), r.requestedBy(), r.requestedAt(), r.payload(),
                r.proposedActions()));

        ExecutionDecision decision = onlyDecision();
        assertThat(decision.reason()).isEqualTo(ReasonCode.MALFORMED_REQUEST);
        assertThat(decision.detail()).isEqualTo("missing subscription_id");
        // a denial that names no subscription still reaches the auditors, without a key
        assertThat(enforcement.denials()).singleElement().satisfies(d -> assertThat(d.key).isNull());
    }

    @Test
    void deniesRequestWithoutDeliverableAsMalformed() {
        ExecutionRequest r = request("corr-1", " ", "approval-1");
        enforcement.sendRaw(Scenario.SUBSCRIPTION, new String(Topics.EXECUTION_REQUESTS.valueSerde().serializer()
                .serialize(Topics.EXECUTION_REQUESTS.name(), r)));

        assertThat(onlyDecision().reason()).isEqualTo(ReasonCode.MALFORMED_REQUEST);
    }

    @Test
    void dropsRequestWithoutCorrelationIdSinceNobodyCouldReceiveTheAnswer() {
        enforcement.send(request(null, "deliverable-1", null));
        enforcement.send(request(" ", "deliverable-1", null));

        assertThat(enforcement.decisions()).isEmpty();
        assertThat(enforcement.denials()).isEmpty();
    }

    @Test
    void skipsUnreadableRecordsAndKeepsDeciding() {
        // Given records that are not execution requests at all
        enforcement.sendRaw(Scenario.SUBSCRIPTION, "{not json");
        enforcement.sendRaw(Scenario.SUBSCRIPTION, "{\"correlation_id\": \"corr-0\", \"requested_at\": \"yesterday\"}");
        enforcement.sendRaw(Scenario.SUBSCRIPTION, null);
        // When a good request follows
        enforcement.send(request("corr-1", "deliverable-1", null));

        // Then only the good one is decided: the app neither crashed nor stopped
        assertThat(enforcement.decisions()).extracting(d -> d.key).containsExactly("corr-1");
    }

    @Test
    void decidesEachCorrelationIdOnce() {
        // Given the outbox relay delivers the same request three times (at-least-once)
        ExecutionRequest request = request("corr-1", "deliverable-1", null);
        enforcement.send(request);
        enforcement.send(request);
        enforcement.advance(Duration.ofDays(6));
        enforcement.send(request);

        // Then it is decided once, denied once
        assertThat(enforcement.decisions()).hasSize(1);
        assertThat(enforcement.denials()).hasSize(1);
    }

    @Test
    void forgetsDecidedCorrelationIdsOnlyAfterTheRequestsTopicRetention() {
        ExecutionRequest request = request("corr-1", "deliverable-1", null);
        enforcement.send(request);
        assertThat(enforcement.decisions()).hasSize(1);
        assertThat(enforcement.<Long>store(EnforcementStores.DECIDED).get("corr-1")).isNotNull();

        // When the wall clock passes the retention of the requests topic, the relay can no longer redeliver it
        enforcement.advance(Topics.EXECUTION_REQUESTS.retention().plus(Duration.ofHours(2)));

        // Then the memory of it is purged, and only then would the same id be decided again
        assertThat(enforcement.<Long>store(EnforcementStores.DECIDED).get("corr-1")).isNull();
        enforcement.send(request);
        assertThat(enforcement.decisions()).singleElement()
                .satisfies(d -> assertThat(d.value.decidedAt()).isAfter(EnforcementDriver.START));
    }

    private ExecutionDecision onlyDecision() {
        List<KeyValue<String, ExecutionDecision>> decisions = enforcement.decisions();
        assertThat(decisions).hasSize(1);
        return decisions.get(0).value;
    }
}
