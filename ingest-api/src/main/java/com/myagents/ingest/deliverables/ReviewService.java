package com.myagents.ingest.deliverables;

import static com.myagents.plant.jooq.generated.Tables.APPROVALS;
import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

import com.myagents.ingest.ReviewSettings;
import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.serde.EventJson;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;
import com.myagents.ingest.hiring.HiredAgentRow;
import com.myagents.ingest.hiring.InstanceWrites;
import com.myagents.ingest.config.SecretScanner;
import com.myagents.plant.jooq.generated.tables.records.ApprovalsRecord;
import com.myagents.plant.jooq.generated.tables.records.DeliverablesRecord;
import com.myagents.plant.status.ApprovalVerdict;
import com.myagents.plant.status.DeliverableState;

/**
 * The review state machine: {@code pending_review → approved | rejected → scheduled → executed | failed | dry_run};
 * a failed or dry-run deliverable can be approved again (a retry, or publishing a dry run for real).
 * Plant mints every approval_id, binds it to the hash of exactly the payload approved, and
 * publishes it (compacted, keyed by deliverable) for enforcement to join against.
 */
@Service
class ReviewService {

    // A failed execution or a dry run can be reviewed again: a fresh approval of the same payload (a retry).
    private static final Set<DeliverableState> REVIEWABLE = EnumSet.of(DeliverableState.PENDING_REVIEW,
            DeliverableState.APPROVED, DeliverableState.REJECTED, DeliverableState.SCHEDULED, DeliverableState.FAILED,
            DeliverableState.DRY_RUN);
    static final Set<DeliverableState> EDITABLE = EnumSet.of(DeliverableState.DRAFT, DeliverableState.PENDING_REVIEW,
            DeliverableState.APPROVED, DeliverableState.REJECTED, DeliverableState.SCHEDULED, DeliverableState.FAILED,
            DeliverableState.DRY_RUN);

    private final InstanceWrites writes;
    private final Duration defaultApprovalTtl;

    ReviewService(InstanceWrites writes, ReviewSettings settings) {
        this.writes = writes;
        this.defaultApprovalTtl = settings.approvalTtl();
    }

    UUID review(UUID customerId, String reviewer, UUID deliverableId, ReviewRequest request) {
        ApprovalVerdict verdict = verdictOf(request == null ? null : request.decision());
        return writes.db().transactionResult(tx -> {
            DSLContext t = DSL.using(tx);
            DeliverablesRecord deliverable = locked(t, customerId, deliverableId);
            HiredAgentRow instance = writes.instances().forWrite(t, customerId, deliverable.getHiredInstanceId());
            DeliverableState state = deliverable.getState();
            if (!REVIEWABLE.contains(state)) {
                throw ApiProblem.conflict("deliverable " + deliverableId + " is " + state.literal()
                        + " and cannot be reviewed");
            }
            if (verdict == ApprovalVerdict.APPROVED) {
                PlanReadiness.requireReady(deliverable.getPayload() == null ? null : deliverable.getPayload().data());
            }
            OffsetDateTime now = writes.now();
            ApprovalsRecord approval = t.newRecord(APPROVALS);
            approval.setApprovalId(UUID.randomUUID());
            approval.setDeliverableId(deliverableId);
            approval.setCustomerId(customerId);
            approval.setVerdict(verdict);
            approval.setReviewer(reviewer);
            approval.setNotes(request.notes());
            approval.setPayloadHash(deliverable.getPayloadHash());
            approval.setDecidedAt(now);
            approval.setExpiresAt(verdict == ApprovalVerdict.APPROVED ? now.plus(approvalTtl(instance)) : null);
            approval.store();
            boolean scheduled = verdict == ApprovalVerdict.APPROVED && request.scheduledFor() != null;
            deliverable.setState(scheduled ? DeliverableState.SCHEDULED
                    : verdict == ApprovalVerdict.APPROVED ? DeliverableState.APPROVED : DeliverableState.REJECTED);
            deliverable.setScheduledFor(scheduled ? request.scheduledFor() : null);
            deliverable.setUpdatedAt(now);
            deliverable.store();
            publish(t, deliverable, approval, verdict == ApprovalVerdict.APPROVED
                    ? ApprovalEvent.Verdict.APPROVED : ApprovalEvent.Verdict.REJECTED);
            return approval.getApprovalId();
        });
    }

    /** An edit sends the draft back to review; an approval of the old payload is voided. */
    void edit(UUID customerId, UUID deliverableId, EditRequest request) {
        AttachedImage.problem(request.payload()).ifPresent(problem -> {
            throw ApiProblem.badRequest(List.of(problem));
        });
        PostLength.tooLong(request.payload()).ifPresent(tooLong -> {
            throw ApiProblem.badRequest(List.of(tooLong));
        });
        List<Violation> secrets = SecretScanner.findSecrets(request.payload()).stream()
                .filter(v -> !AttachedImage.isIdentifier(request.payload(), v.pointer()))
                .map(v -> new Violation("/payload" + v.pointer(), v.message())).toList();
        if (!secrets.isEmpty()) {
            throw ApiProblem.badRequest(secrets);
        }
        writes.db().transaction(tx -> {
            DSLContext t = DSL.using(tx);
            DeliverablesRecord deliverable = locked(t, customerId, deliverableId);
            DeliverableState state = deliverable.getState();
            if (!EDITABLE.contains(state)) {
                throw ApiProblem.conflict("deliverable " + deliverableId + " is " + state.literal()
                        + " and can no longer be edited");
            }
            OffsetDateTime now = writes.now();
            voidApprovals(t, deliverable);
            Map<String, Object> payload = EventJson.MAPPER.convertValue(request.payload(),
                    new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
            deliverable.setPayload(JSONB.valueOf(PayloadHash.canonicalJson(payload)));
            deliverable.setPayloadHash(PayloadHash.of(payload));
            deliverable.setState(DeliverableState.PENDING_REVIEW);
            deliverable.setScheduledFor(null);
            deliverable.setUpdatedAt(now);
            deliverable.store();
        });
    }

    /** Every approval of the draft stops counting (published, so enforcement refuses it too). */
    void voidApprovals(DSLContext tx, DeliverablesRecord deliverable) {
        tx.selectFrom(APPROVALS).where(APPROVALS.DELIVERABLE_ID.eq(deliverable.getDeliverableId()))
                .and(APPROVALS.VERDICT.eq(ApprovalVerdict.APPROVED))
                .fetch().forEach(approval -> {
                    approval.setVerdict(ApprovalVerdict.VOIDED);
                    approval.store();
                    publish(tx, deliverable, approval, ApprovalEvent.Verdict.VOIDED);
                });
    }

    /** The pinned definition's {@code approval_ttl_hours}; the configured default where it sets none. */
    private Duration approvalTtl(HiredAgentRow instance) {
        int hours = writes.instances().pinnedDefinition(instance.agent()).enforcementDefaults().path("approval_ttl_hours").asInt(0);
        return hours > 0 ? Duration.ofHours(hours) : defaultApprovalTtl;
    }

    private void publish(DSLContext tx, DeliverablesRecord deliverable, ApprovalsRecord approval, ApprovalEvent.Verdict verdict) {
        // keyed by subscription: enforcement decides a request with its approval in the subscription's task
        writes.outbox().append(tx, Topics.APPROVALS, deliverable.getSubscriptionId().toString(), new ApprovalEvent(
                approval.getApprovalId().toString(), deliverable.getDeliverableId().toString(),
                deliverable.getSubscriptionId().toString(), deliverable.getCustomerId().toString(), verdict,
                approval.getReviewer(), approval.getNotes(), approval.getPayloadHash(), approval.getDecidedAt().toInstant(),
                approval.getExpiresAt() == null ? null : approval.getExpiresAt().toInstant()));
    }

    static DeliverablesRecord locked(DSLContext tx, UUID customerId, UUID deliverableId) {
        return tx.selectFrom(DELIVERABLES).where(DELIVERABLES.DELIVERABLE_ID.eq(deliverableId))
                .and(DELIVERABLES.CUSTOMER_ID.eq(customerId)).forUpdate().fetchOptional()
                .orElseThrow(() -> ApiProblem.notFound("deliverable " + deliverableId));
    }

    private static ApprovalVerdict verdictOf(String decision) {
        if (ApprovalVerdict.APPROVED.literal().equals(decision)) {
            return ApprovalVerdict.APPROVED;
        }
        if (ApprovalVerdict.REJECTED.literal().equals(decision)) {
            return ApprovalVerdict.REJECTED;
        }
        throw ApiProblem.badRequest("decision", "must be approved or rejected");
    }
}
