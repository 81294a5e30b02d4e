package com.myagents.enforcement.policy;

import static com.myagents.contracts.execution.ReasonCode.ACTION_NOT_PROPOSED;
import static com.myagents.contracts.execution.ReasonCode.APPROVAL_EXPIRED;
import static com.myagents.contracts.execution.ReasonCode.APPROVAL_MISMATCH;
import static com.myagents.contracts.execution.ReasonCode.APPROVAL_MISSING;
import static com.myagents.contracts.execution.ReasonCode.APPROVAL_NOT_FOUND;
import static com.myagents.contracts.execution.ReasonCode.APPROVAL_REJECTED;
import static com.myagents.contracts.execution.ReasonCode.MALFORMED_REQUEST;
import static com.myagents.contracts.execution.ReasonCode.PAYLOAD_CHANGED;
import static com.myagents.contracts.execution.ReasonCode.UNKNOWN_ACTION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.Action;
import com.myagents.contracts.execution.ExecutionRequest;

/**
 * The rules that need only the request and the latest approval of its deliverable, checked in
 * order; the first that fails denies. Passing them all is necessary, not sufficient: the
 * subscription rules still have to allow.
 */
public final class DeliverableRules {

    private static final List<String> KNOWN_ACTIONS = Arrays.stream(Action.values()).map(Action::code).toList();

    private DeliverableRules() {
    }

    /**
     * @param approval the latest approval event of the request's deliverable, or null if none
     * @param now      the decision time: an approval must be unexpired now, not when it was given
     */
    public static Verdict evaluate(ExecutionRequest request, ApprovalEvent approval, Instant now) {
        return evaluate(request, request.payload() == null ? null : PayloadHash.of(request.payload()), approval, now);
    }

    /**
     * The same rules on a request whose payload is known by its hash only, as a replay of the
     * decision record has it.
     *
     * @param payloadDigest the hash of the payload the request carries, or null when it carries none
     */
    public static Verdict evaluate(ExecutionRequest request, String payloadDigest, ApprovalEvent approval, Instant now) {
        CheckTrail trail = CheckTrail.start()
                .input("request", DecisionInputs.of(request, payloadDigest))
                .input("approval", DecisionInputs.of(approval))
                .input("evaluated_at", now.toString());
        Optional<Verdict.Denied> denied = checkRequest(request, trail)
                .or(() -> checkApproval(request, approval, now, trail))
                .or(() -> checkPayload(request, payloadDigest, approval, trail));
        return denied.<Verdict>map(denial -> denial).orElseGet(trail::allow);
    }

    /** The request on its own: ids present, a known action the deliverable proposes, an approval named. */
    private static Optional<Verdict.Denied> checkRequest(ExecutionRequest request, CheckTrail trail) {
        List<String> missing = missingIds(request);
        if (!missing.isEmpty()) {
            return Optional.of(trail.fail("request_well_formed", MALFORMED_REQUEST, "missing " + String.join(", ", missing)));
        }
        trail.pass("request_well_formed", "correlation_id, deliverable_id and subscription_id present");

        if (Action.fromCode(request.action()) == null) {
            return Optional.of(trail.fail("action_known", UNKNOWN_ACTION,
                    "action '" + request.action() + "' is not one of " + KNOWN_ACTIONS));
        }
        trail.pass("action_known", request.action());

        if (request.proposedActions() == null || !request.proposedActions().contains(request.action())) {
            return Optional.of(trail.fail("action_proposed", ACTION_NOT_PROPOSED,
                    "the deliverable proposes " + request.proposedActions() + ", not '" + request.action() + "'"));
        }
        trail.pass("action_proposed", "the deliverable proposes " + request.action());

        if (isBlank(request.approvalId())) {
            return Optional.of(trail.fail("approval_present", APPROVAL_MISSING, "the request carries no approval_id"));
        }
        trail.pass("approval_present", request.approvalId());
        return Optional.empty();
    }

    /** The approval the request names: the deliverable's latest, for this deliverable and subscription, approved, unexpired. */
    private static Optional<Verdict.Denied> checkApproval(ExecutionRequest request, ApprovalEvent approval, Instant now,
            CheckTrail trail) {
        String approvalId = request.approvalId();
        if (approval == null) {
            return Optional.of(trail.fail("approval_found", APPROVAL_NOT_FOUND,
                    "deliverable " + request.deliverableId() + " has no recorded approval"));
        }
        trail.pass("approval_found", "latest approval of the deliverable is " + approval.approvalId());

        if (!approvalId.equals(approval.approvalId())) {
            return Optional.of(trail.fail("approval_matches", APPROVAL_MISMATCH,
                    "approval " + approvalId + " is not the latest approval of deliverable " + request.deliverableId()));
        }
        if (!request.deliverableId().equals(approval.deliverableId())
                || !request.subscriptionId().equals(approval.subscriptionId())) {
            return Optional.of(trail.fail("approval_matches", APPROVAL_MISMATCH,
                    "approval " + approvalId + " was given for deliverable " + approval.deliverableId()
                            + " of subscription " + approval.subscriptionId()));
        }
        trail.pass("approval_matches", "approval belongs to this deliverable and subscription");

        if (!ApprovalEvent.Verdict.APPROVED.equals(approval.verdict())) {
            String verdict = approval.verdict() == null ? "without a verdict" : approval.verdict().code();
            return Optional.of(trail.fail("approval_approved", APPROVAL_REJECTED, "approval " + approvalId + " is " + verdict));
        }
        trail.pass("approval_approved", "approved by " + approval.reviewer());

        if (approval.expiresAt() == null || !now.isBefore(approval.expiresAt())) {
            String when = approval.expiresAt() == null ? "has no expiry" : "expired at " + approval.expiresAt();
            return Optional.of(trail.fail("approval_unexpired", APPROVAL_EXPIRED, "approval " + approvalId + " " + when));
        }
        trail.pass("approval_unexpired", "valid until " + approval.expiresAt());
        return Optional.empty();
    }

    /** The payload: the one approved, and the one the request really carries. */
    private static Optional<Verdict.Denied> checkPayload(ExecutionRequest request, String payloadDigest,
            ApprovalEvent approval, CheckTrail trail) {
        if (request.payloadHash() == null || !Objects.equals(request.payloadHash(), approval.payloadHash())) {
            return Optional.of(trail.fail("payload_unchanged", PAYLOAD_CHANGED,
                    "the deliverable's payload hash differs from the one approved"));
        }
        trail.pass("payload_unchanged", "payload hash " + request.payloadHash());

        // The connector acts on the payload this request carries: it must be exactly what was approved.
        if (payloadDigest == null || !request.payloadHash().equals(payloadDigest)) {
            return Optional.of(trail.fail("payload_matches_hash", PAYLOAD_CHANGED,
                    "the request's payload is not the one its hash names"));
        }
        trail.pass("payload_matches_hash", "payload hashes to " + request.payloadHash());
        return Optional.empty();
    }

    private static List<String> missingIds(ExecutionRequest request) {
        List<String> missing = new ArrayList<>();
        if (isBlank(request.correlationId())) {
            missing.add("correlation_id");
        }
        if (isBlank(request.deliverableId())) {
            missing.add("deliverable_id");
        }
        if (isBlank(request.subscriptionId())) {
            missing.add("subscription_id");
        }
        return missing;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
