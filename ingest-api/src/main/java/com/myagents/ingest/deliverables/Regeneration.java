package com.myagents.ingest.deliverables;

import static com.myagents.plant.jooq.generated.Tables.GOAL_INSTANCES;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

import com.myagents.contracts.Topics;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.serde.EventJson;
import com.myagents.http.problem.ApiProblem;
import com.myagents.ingest.hiring.HiredAgentRow;
import com.myagents.ingest.hiring.InstanceWrites;
import com.myagents.ingest.hiring.RunReadiness;
import com.myagents.plant.jooq.generated.tables.records.DeliverablesRecord;
import com.myagents.plant.jooq.generated.tables.records.GoalInstancesRecord;
import com.myagents.plant.status.DeliverableState;

/**
 * One post written again at the customer's request: an on-demand run of the goal that wrote it,
 * for that post alone (its platform, topic and slot), metered by enforcement like any run. The new
 * draft supersedes the old one when it lands; until then the old one waits for review, and any
 * approval of it is voided at once (the customer asked for something else). A run that enforcement
 * denies leaves the old draft as it is, and the goal shows the denial.
 */
@Service
class Regeneration {

    static final String SOCIAL_POST = "social_post";
    // A draft can be written again in every state it can still be edited in: until it is published.
    private static final Set<DeliverableState> REGENERABLE = ReviewService.EDITABLE;

    private final InstanceWrites writes;
    private final ReviewService reviews;

    Regeneration(InstanceWrites writes, ReviewService reviews) {
        this.writes = writes;
        this.reviews = reviews;
    }

    /** @return the run id of the new run ({@code <goal>:on_demand:<request id>}: a retried request runs once) */
    String regenerate(UUID customerId, UUID deliverableId, String requestId) {
        return writes.db().transactionResult(tx -> {
            DSLContext t = DSL.using(tx);
            DeliverablesRecord deliverable = ReviewService.locked(t, customerId, deliverableId);
            if (!SOCIAL_POST.equals(deliverable.getKind())) {
                throw ApiProblem.conflict("only a post can be written again; this draft is a " + deliverable.getKind());
            }
            DeliverableState state = deliverable.getState();
            if (!REGENERABLE.contains(state)) {
                throw ApiProblem.conflict("deliverable " + deliverableId + " is " + state.literal()
                        + " and can no longer be written again");
            }
            HiredAgentRow row = writes.instances().forWrite(t, customerId, deliverable.getHiredInstanceId());
            GoalInstancesRecord goal = deliverable.getGoalInstanceId() == null ? null
                    : t.selectFrom(GOAL_INSTANCES).where(GOAL_INSTANCES.GOAL_INSTANCE_ID.eq(deliverable.getGoalInstanceId()))
                            .and(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(deliverable.getHiredInstanceId())).fetchOptional()
                            .orElse(null);
            if (goal == null) {
                throw ApiProblem.conflict("the goal that wrote this post no longer exists; edit the post instead");
            }
            RunReadiness.blocking(row.agent(), row.subscription(), !Boolean.FALSE.equals(goal.getEnabled()),
                    writes.now()).ifPresent(blocked -> {
                        throw blocked.refusal();
                    });
            Map<String, Object> payload = deliverable.getPayload() == null ? Map.of()
                    : EventJson.MAPPER.readValue(deliverable.getPayload().data(),
                            new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
            Instant slot = deliverable.getSuggestedFor() == null ? null : deliverable.getSuggestedFor().toInstant();
            GoalTrigger.Redraft redraft = new GoalTrigger.Redraft(deliverableId.toString(), text(payload.get("platform")),
                    text(payload.get("topic")), slot,
                    payload.get(AttachedImage.FIELD) instanceof Map<?, ?> image ? text(image.get("media_id")) : null,
                    text(payload.get("canonical_message")));
            // the old draft may no longer be published as it was approved; it waits for its replacement
            reviews.voidApprovals(t, deliverable);
            if (state == DeliverableState.APPROVED || state == DeliverableState.SCHEDULED) {
                deliverable.setState(DeliverableState.PENDING_REVIEW);
                deliverable.setScheduledFor(null);
                deliverable.setUpdatedAt(writes.now());
                deliverable.store();
            }
            String periodKey = GoalTrigger.onDemandPeriod(requestId);
            String runId = GoalTrigger.runId(goal.getGoalInstanceId().toString(), periodKey);
            writes.outbox().append(t, Topics.GOAL_TRIGGERS, goal.getGoalInstanceId().toString(), new GoalTrigger(runId,
                    goal.getGoalInstanceId().toString(), goal.getGoalTemplateId(), deliverable.getHiredInstanceId().toString(),
                    row.subscription().getSubscriptionId().toString(), customerId.toString(), periodKey,
                    writes.clock().instant(), redraft));
            return runId;
        });
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
