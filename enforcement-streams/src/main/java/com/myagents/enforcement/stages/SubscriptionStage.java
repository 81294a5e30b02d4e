package com.myagents.enforcement.stages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.policy.CheckTrail;
import com.myagents.enforcement.policy.SubscriptionRules;
import com.myagents.enforcement.policy.TrialUsage;
import com.myagents.enforcement.policy.UsedApproval;

/**
 * Second stage, one task per subscription partition (requests arrive repartitioned by
 * subscription_id): the place where all requests of one subscription are decided one after the
 * other. Checking and reserving happen in one {@code process} call and commit with the output
 * (exactly-once), so an approval is used once and a trial cap can never be overspent.
 */
public final class SubscriptionStage implements Processor<String, Pending, String, Decided> {

    /** approval_id → the allowed request that used it. */
    public static final String USED_APPROVALS_STORE = "enforcement-used-approvals";
    /** subscription_id → latest subscription state, materialized from the subscriptions topic. */
    public static final String SUBSCRIPTIONS_STORE = "enforcement-subscriptions";
    /** subscription_id → trial actions reserved today. */
    public static final String TRIAL_USAGE_STORE = "enforcement-trial-usage";

    private final Duration memory;
    private final Duration purgeInterval;
    private ProcessorContext<String, Decided> context;
    private KeyValueStore<String, UsedApproval> usedApprovals;
    private TimestampedKeyValueStore<String, SubscriptionState> subscriptions;
    private KeyValueStore<String, TrialUsage> trialUsage;

    /**
     * @param memory how long past its expiry a used approval is remembered (expiry denies reuse
     *               from then on; the margin covers clocks that disagree)
     */
    public SubscriptionStage(Duration memory, Duration purgeInterval) {
        this.memory = memory;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public void init(ProcessorContext<String, Decided> context) {
        this.context = context;
        this.usedApprovals = context.getStateStore(USED_APPROVALS_STORE);
        this.subscriptions = context.getStateStore(SUBSCRIPTIONS_STORE);
        this.trialUsage = context.getStateStore(TRIAL_USAGE_STORE);
        context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::forgetExpiredApprovals);
    }

    @Override
    public void process(Record<String, Pending> record) {
        Pending pending = record.value();
        if (pending == null || pending.request() == null) {
            return;
        }
        ExecutionRequest request = pending.request();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        TrialUsage usage = trialUsage.get(request.subscriptionId());
        SubscriptionRules.Result result = SubscriptionRules.evaluate(
                CheckTrail.continuing(pending.checks(), pending.inputs()), request,
                usedApprovals.get(request.approvalId()),
                ValueAndTimestamp.getValueOrNull(subscriptions.get(request.subscriptionId())),
                usage == null ? TrialUsage.NONE : usage, now);
        Decided decided = Decided.of(request, result.verdict(), now);
        if (decided.decision().allowed()) {
            usedApprovals.put(request.approvalId(), new UsedApproval(request.approvalId(), request.correlationId(),
                    decided.decision().decisionId(), now, pending.approvalExpiresAt()));
            if (result.reservedUsage() != null) {
                trialUsage.put(request.subscriptionId(), result.reservedUsage());
            }
        }
        context.forward(record.withValue(decided));
    }

    private void forgetExpiredApprovals(long wallClockMillis) {
        Instant cutoff = Instant.ofEpochMilli(wallClockMillis).minus(memory);
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, UsedApproval> all = usedApprovals.all()) {
            while (all.hasNext()) {
                KeyValue<String, UsedApproval> entry = all.next();
                Instant end = entry.value.expiresAt() != null ? entry.value.expiresAt() : entry.value.usedAt();
                if (end.isBefore(cutoff)) {
                    forgotten.add(entry.key);
                }
            }
        }
        forgotten.forEach(usedApprovals::delete);
    }
}
