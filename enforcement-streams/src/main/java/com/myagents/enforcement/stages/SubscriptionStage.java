package com.myagents.enforcement.stages;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.policy.CheckTrail;
import com.myagents.enforcement.policy.SubscriptionRules;
import com.myagents.enforcement.policy.BudgetLedger;
import com.myagents.enforcement.policy.Metering;
import com.myagents.enforcement.policy.UsedApproval;

/**
 * Second stage, one task per subscription partition (requests arrive repartitioned by
 * subscription_id): the place where all requests of one subscription are decided one after the
 * other. Checking and reserving happen in one {@code process} call and commit with the output
 * (exactly-once), so an approval is used once and neither a trial cap nor a budget can be
 * overspent. The same ledger is charged by goal runs ({@link GoalRunMeter}) and settled by
 * connector results ({@link ReservationSettler}) in this task.
 */
public final class SubscriptionStage implements Processor<String, Pending, String, Decided> {

    private final StageMemory memory;
    private ProcessorContext<String, Decided> context;
    private KeyValueStore<String, UsedApproval> usedApprovals;
    private TimestampedKeyValueStore<String, SubscriptionState> subscriptions;
    private KeyValueStore<String, BudgetLedger> ledgers;
    private TimestampedKeyValueStore<String, HiredAgentChange> instances;

    /**
     * @param memory how long past its expiry a used approval is remembered (expiry denies reuse
     *               from then on; the margin covers clocks that disagree)
     */
    public SubscriptionStage(StageMemory memory) {
        this.memory = memory;
    }

    @Override
    public void init(ProcessorContext<String, Decided> context) {
        this.context = context;
        this.usedApprovals = context.getStateStore(EnforcementStores.USED_APPROVALS);
        this.subscriptions = context.getStateStore(EnforcementStores.SUBSCRIPTIONS);
        this.ledgers = context.getStateStore(EnforcementStores.BUDGET_LEDGER);
        this.instances = context.getStateStore(EnforcementStores.INSTANCES);
        memory.forgetOld(context, usedApprovals,
                (used, cutoff) -> (used.expiresAt() != null ? used.expiresAt() : used.usedAt()).isBefore(cutoff));
    }

    @Override
    public void process(Record<String, Pending> record) {
        Pending pending = record.value();
        if (pending == null || pending.request() == null) {
            return;
        }
        ExecutionRequest request = pending.request();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        BudgetLedger ledger = ledgers.get(request.subscriptionId());
        Metering result = SubscriptionRules.evaluate(
                CheckTrail.continuing(pending.checks(), pending.inputs()), request,
                usedApprovals.get(request.approvalId()),
                ValueAndTimestamp.getValueOrNull(subscriptions.get(request.subscriptionId())),
                (ledger == null ? BudgetLedger.EMPTY : ledger).at(now),
                request.hiredInstanceId() == null ? null : ValueAndTimestamp.getValueOrNull(instances.get(request.hiredInstanceId())),
                now, pending.approvalDecidedAt());
        Decided decided = Decided.of(request, result.verdict(), now);
        if (decided.decision().allowed()) {
            usedApprovals.put(request.approvalId(), new UsedApproval(request.approvalId(), request.correlationId(),
                    decided.decision().decisionId(), now, pending.approvalExpiresAt()));
            ledgers.put(request.subscriptionId(), result.ledger());
        }
        context.forward(record.withValue(decided));
    }
}
