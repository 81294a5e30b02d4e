package com.myagents.enforcement.stages;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.enforcement.policy.DeliverableRules;
import com.myagents.enforcement.policy.Verdict;

/**
 * First stage, one task per deliverable partition: decides each correlation id once (the outbox
 * relay delivers at least once), then checks the request against the latest approval of its
 * deliverable. A denial is final here; a request that passes goes on to the subscription stage.
 */
public final class DeliverableStage implements Processor<String, ExecutionRequest, String, Evaluated> {

    /** correlation_id → wall-clock millis of its decision. */
    public static final String DECIDED_STORE = "enforcement-decided-requests";
    /** deliverable_id → latest approval event, materialized from the approvals topic. */
    public static final String APPROVALS_STORE = "enforcement-approvals";

    private static final Logger log = LoggerFactory.getLogger(DeliverableStage.class);

    private final Duration memory;
    private final Duration purgeInterval;
    private ProcessorContext<String, Evaluated> context;
    private KeyValueStore<String, Long> decided;
    private TimestampedKeyValueStore<String, ApprovalEvent> approvals;

    /**
     * @param memory        how long a correlation id is remembered: at least the retention of the
     *                      requests topic, after which the relay cannot deliver it again
     * @param purgeInterval how often (wall clock) forgotten ids are removed
     */
    public DeliverableStage(Duration memory, Duration purgeInterval) {
        this.memory = memory;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public void init(ProcessorContext<String, Evaluated> context) {
        this.context = context;
        this.decided = context.getStateStore(DECIDED_STORE);
        this.approvals = context.getStateStore(APPROVALS_STORE);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::forgetDecidedBefore);
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
        Evaluated next = verdict instanceof Verdict.Allowed
                ? new Pending(request, approval.expiresAt(), verdict.checks(), verdict.inputs(), approval.decidedAt())
                : Decided.of(request, verdict, Instant.ofEpochMilli(now));
        context.forward(record.withValue(next));
    }

    private ApprovalEvent latestApproval(ExecutionRequest request) {
        if (request.deliverableId() == null || request.deliverableId().isBlank()) {
            return null;
        }
        return ValueAndTimestamp.getValueOrNull(approvals.get(request.deliverableId()));
    }

    private void forgetDecidedBefore(long wallClockMillis) {
        long cutoff = wallClockMillis - memory.toMillis();
        int forgotten = StorePurge.removeWhere(decided, decidedAt -> decidedAt < cutoff);
        if (forgotten > 0) {
            log.debug("forgot {} decided correlation ids older than {}", forgotten, memory);
        }
    }
}
