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
import com.myagents.enforcement.policy.DeliverableRules;
import com.myagents.enforcement.policy.Verdict;

/**
 * First stage, one task per deliverable partition: decides each correlation id once (the outbox
 * relay delivers at least once), then checks the request against the latest approval of its
 * deliverable. A denial is final here; a request that passes goes on to the subscription stage.
 *
 * <p>A request naming an approval this stage has not seen (none yet, or an older one) waits up to
 * the approval grace for it before it is denied {@code approval_not_found} / {@code approval_mismatch}:
 * approvals and requests come on two topics, so a request made right after its approval can be read
 * first. A request never waits for anything else, and an approval that arrives in time is checked
 * like any other.
 */
public final class DeliverableStage implements Processor<String, ExecutionRequest, String, Evaluated> {

    /** How often (wall clock) waiting requests look for their approval again. */
    static final Duration AWAIT_CHECK_INTERVAL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(DeliverableStage.class);

    private final StageMemory memory;
    private final Duration approvalGrace;
    private ProcessorContext<String, Evaluated> context;
    private KeyValueStore<String, Long> decided;
    private TimestampedKeyValueStore<String, ApprovalEvent> approvals;
    private KeyValueStore<String, AwaitedApproval> awaiting;

    /**
     * @param memory        how long a correlation id is remembered: at least the retention of the
     *                      requests topic, after which the relay cannot deliver it again
     * @param approvalGrace how long a request waits for an approval this stage has not seen yet
     */
    public DeliverableStage(StageMemory memory, Duration approvalGrace) {
        this.memory = memory;
        this.approvalGrace = approvalGrace;
    }

    @Override
    public void init(ProcessorContext<String, Evaluated> context) {
        this.context = context;
        this.decided = context.getStateStore(EnforcementStores.DECIDED);
        this.approvals = context.getStateStore(EnforcementStores.APPROVALS);
        this.awaiting = context.getStateStore(EnforcementStores.AWAITING_APPROVAL);
        memory.forgetOld(context, decided, (decidedAt, cutoff) -> decidedAt < cutoff.toEpochMilli());
        context.schedule(AWAIT_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::lookForAwaitedApprovals);
    }

    @Override
    public void process(Record<String, ExecutionRequest> record) {
        // every line logged while deciding it (downstream stages included) carries its correlation id
        String correlationId = record.value() == null ? null : record.value().correlationId();
        if (correlationId != null) {
            MDC.put("correlation_id", correlationId);
        }
        try {
            decide(record);
        } finally {
            MDC.remove("correlation_id");
        }
    }

    private void decide(Record<String, ExecutionRequest> record) {
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
        forward(record.key(), request, record.timestamp(), approval, verdict, now);
    }

    private void forward(String key, ExecutionRequest request, long timestamp, ApprovalEvent approval, Verdict verdict,
                         long now) {
        Evaluated next = verdict instanceof Verdict.Allowed
                ? new Pending(request, approval.expiresAt(), verdict.checks(), verdict.inputs(), approval.decidedAt())
                : Decided.of(request, verdict, Instant.ofEpochMilli(now));
        context.forward(new Record<>(key, next, timestamp));
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
                forward(waiting.key(), request, waiting.timestamp(), approval, verdict, wallClockMillis);
            } finally {
                MDC.remove("correlation_id");
            }
        }
    }

    private ApprovalEvent latestApproval(ExecutionRequest request) {
        if (request.deliverableId() == null || request.deliverableId().isBlank()) {
            return null;
        }
        return ValueAndTimestamp.getValueOrNull(approvals.get(request.deliverableId()));
    }
}
