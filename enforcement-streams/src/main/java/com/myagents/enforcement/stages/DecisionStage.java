package com.myagents.enforcement.stages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.policy.BudgetLedger;
import com.myagents.enforcement.policy.CheckTrail;
import com.myagents.enforcement.policy.DeliverableRules;
import com.myagents.enforcement.policy.Metering;
import com.myagents.enforcement.policy.SubscriptionRules;
import com.myagents.enforcement.policy.UsedApproval;
import com.myagents.enforcement.policy.Verdict;

/**
 * Decides every execution request in one step, one task per subscription partition: requests and
 * approvals arrive keyed by subscription_id, so the deliverable's latest approval, the approvals
 * already used, the subscription and its ledger are all in this task. Each correlation id is decided
 * once (the outbox relay delivers at least once); the deliverable rules, then the subscription rules
 * run, and checking, reserving and the decision's output commit in one transaction (exactly-once):
 * an approval is used once and neither a trial cap nor a budget can be overspent. The same ledger is
 * charged by goal runs ({@link GoalRunMeter}) and settled by connector results
 * ({@link ReservationSettler}) in this task.
 *
 * <p>A request naming an approval this task has not seen (none yet, or an older one) waits up to the
 * approval grace for it before it is denied {@code approval_not_found} / {@code approval_mismatch}:
 * approvals and requests come on two topics, so a request made right after its approval can be read
 * first. A request never waits for anything else, and an approval that arrives in time is checked
 * like any other.
 */
public final class DecisionStage implements Processor<String, ExecutionRequest, String, Decided> {

    /** How often (wall clock) waiting requests look for their approval again. */
    static final Duration AWAIT_CHECK_INTERVAL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(DecisionStage.class);

    private final StageMemory memory;
    private final Duration approvalGrace;
    private ProcessorContext<String, Decided> context;
    private KeyValueStore<String, Long> decided;
    private KeyValueStore<String, ApprovalEvent> approvals;
    private KeyValueStore<String, AwaitedApproval> awaiting;
    private KeyValueStore<String, UsedApproval> usedApprovals;
    private TimestampedKeyValueStore<String, SubscriptionState> subscriptions;
    private KeyValueStore<String, BudgetLedger> ledgers;
    private TimestampedKeyValueStore<String, HiredAgentChange> instances;

    /**
     * @param memory        how long a correlation id is remembered (at least the retention of the
     *                      requests topic, after which the relay cannot deliver it again), and how
     *                      long past its expiry a used approval is (expiry denies reuse from then on;
     *                      the margin covers clocks that disagree)
     * @param approvalGrace how long a request waits for an approval this task has not seen yet
     */
    public DecisionStage(StageMemory memory, Duration approvalGrace) {
        this.memory = memory;
        this.approvalGrace = approvalGrace;
    }

    @Override
    public void init(ProcessorContext<String, Decided> context) {
        this.context = context;
        this.decided = context.getStateStore(EnforcementStores.DECIDED);
        this.approvals = context.getStateStore(EnforcementStores.APPROVALS);
        this.awaiting = context.getStateStore(EnforcementStores.AWAITING_APPROVAL);
        this.usedApprovals = context.getStateStore(EnforcementStores.USED_APPROVALS);
        this.subscriptions = context.getStateStore(EnforcementStores.SUBSCRIPTIONS);
        this.ledgers = context.getStateStore(EnforcementStores.BUDGET_LEDGER);
        this.instances = context.getStateStore(EnforcementStores.INSTANCES);
        memory.forgetOld(context, decided, (decidedAt, cutoff) -> decidedAt < cutoff.toEpochMilli());
        memory.forgetOld(context, usedApprovals,
                (used, cutoff) -> (used.expiresAt() != null ? used.expiresAt() : used.usedAt()).isBefore(cutoff));
        context.schedule(AWAIT_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::lookForAwaitedApprovals);
    }

    @Override
    public void process(Record<String, ExecutionRequest> record) {
        // every line logged while deciding it carries its correlation id
        String correlationId = record.value() == null ? null : record.value().correlationId();
        if (correlationId != null) {
            MDC.put("correlation_id", correlationId);
        }
        try {
            receive(record);
        } finally {
            MDC.remove("correlation_id");
        }
    }

    private void receive(Record<String, ExecutionRequest> record) {
        ExecutionRequest request = record.value();
        if (request == null) {
            log.warn("dropped an execution request record without a value (key {})", record.key());
            return;
        }
        String correlationId = request.correlationId();
        if (correlationId == null || correlationId.isBlank()) {
            // Nobody waits for an answer that could not be addressed to them; there is nothing to decide.
            log.warn("dropped an execution request without correlation_id (deliverable {}, subscription {})",
                    request.deliverableId(), request.subscriptionId());
            return;
        }
        if (decided.get(correlationId) != null) {
            log.info("execution request {} was decided before; the redelivery is ignored", correlationId);
            return;
        }
        long now = context.currentSystemTimeMs();
        decided.put(correlationId, now);

        ApprovalEvent approval = latestApproval(request);
        Verdict verdict = DeliverableRules.evaluate(request, approval, Instant.ofEpochMilli(now));
        if (awaitsItsApproval(verdict) && !approvalGrace.isZero()) {
            awaiting.put(correlationId, new AwaitedApproval(record.key(), request, record.timestamp(), now));
            return;
        }
        decide(record.key(), request, record.timestamp(), approval, verdict, now);
    }

    /**
     * A request the deliverable rules denied is decided by them; one they passed goes on, in the same
     * call, to the subscription rules, whose reservation is kept only if they allow it.
     */
    private void decide(String key, ExecutionRequest request, long timestamp, ApprovalEvent approval,
                        Verdict deliverableVerdict, long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        Decided decision;
        if (deliverableVerdict instanceof Verdict.Allowed) {
            BudgetLedger ledger = ledgers.get(request.subscriptionId());
            Metering result = SubscriptionRules.evaluate(
                    CheckTrail.continuing(deliverableVerdict.checks(), deliverableVerdict.inputs()), request,
                    usedApprovals.get(request.approvalId()),
                    ValueAndTimestamp.getValueOrNull(subscriptions.get(request.subscriptionId())),
                    (ledger == null ? BudgetLedger.EMPTY : ledger).at(now),
                    request.hiredInstanceId() == null ? null
                            : ValueAndTimestamp.getValueOrNull(instances.get(request.hiredInstanceId())),
                    now, approval.decidedAt());
            decision = Decided.of(request, result.verdict(), now);
            if (decision.decision().allowed()) {
                usedApprovals.put(request.approvalId(), new UsedApproval(request.approvalId(), request.correlationId(),
                        decision.decision().decisionId(), now, approval.expiresAt()));
                ledgers.put(request.subscriptionId(), result.ledger());
            }
        } else {
            decision = Decided.of(request, deliverableVerdict, now);
        }
        context.forward(new Record<>(key, decision, timestamp));
    }

    /** Denied only because the approval it names has not been seen (yet). */
    private static boolean awaitsItsApproval(Verdict verdict) {
        return verdict instanceof Verdict.Denied denied
                && (ReasonCode.APPROVAL_NOT_FOUND.equals(denied.reason()) || ReasonCode.APPROVAL_MISMATCH.equals(denied.reason()));
    }

    /** Each waiting request is checked again: decided once its approval is here or its grace is over. */
    private void lookForAwaitedApprovals(long wallClockMillis) {
        List<AwaitedApproval> ready = new ArrayList<>();
        try (KeyValueIterator<String, AwaitedApproval> all = awaiting.all()) {
            all.forEachRemaining(entry -> ready.add(entry.value));
        }
        for (AwaitedApproval waiting : ready) {
            ExecutionRequest request = waiting.request();
            ApprovalEvent approval = latestApproval(request);
            Verdict verdict = DeliverableRules.evaluate(request, approval, Instant.ofEpochMilli(wallClockMillis));
            if (awaitsItsApproval(verdict) && wallClockMillis - waiting.awaitingSince() < approvalGrace.toMillis()) {
                continue;
            }
            awaiting.delete(request.correlationId());
            MDC.put("correlation_id", request.correlationId());
            try {
                decide(waiting.key(), request, waiting.timestamp(), approval, verdict, wallClockMillis);
            } finally {
                MDC.remove("correlation_id");
            }
        }
    }

    private ApprovalEvent latestApproval(ExecutionRequest request) {
        if (request.deliverableId() == null || request.deliverableId().isBlank()) {
            return null;
        }
        return approvals.get(request.deliverableId());
    }
}
