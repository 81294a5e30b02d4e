package com.myagents.enforcement.stages;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.enforcement.policy.BudgetLedger;

/**
 * Settles the reservation of an allowed action when its connector reports the outcome (results
 * arrive repartitioned by subscription_id, into the task that holds the subscription's ledger):
 * executed (by a connector, or by the customer's hand: executed_manually) → the real cost replaces
 * the held price; failed or dry run → the hold is released.
 */
public final class ReservationSettler implements Processor<String, ExecutionResult, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(ReservationSettler.class);

    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, BudgetLedger> ledgers;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.ledgers = context.getStateStore(EnforcementStores.BUDGET_LEDGER);
    }

    @Override
    public void process(Record<String, ExecutionResult> record) {
        ExecutionResult result = record.value();
        if (result == null || result.subscriptionId() == null || result.correlationId() == null) {
            return;
        }
        if (result.status() == null || !result.status().known()) {
            // a status a newer connector wrote: whether the action happened is not known here, so
            // the reservation stays held (the budget never looks larger than it is)
            log.warn("result {} of subscription {} has a status this build does not know ({}): its reservation stays held",
                    result.correlationId(), result.subscriptionId(), result.status());
            return;
        }
        BudgetLedger ledger = ledgers.get(result.subscriptionId());
        if (ledger == null) {
            return;
        }
        boolean happened = result.status().happened();
        BudgetLedger settled = ledger.at(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .settle(result.correlationId(), happened, result.costMinor());
        if (settled != ledger) {
            ledgers.put(result.subscriptionId(), settled);
            log.debug("settled {} of subscription {}: {} at {}", result.correlationId(), result.subscriptionId(),
                    result.status().code(), result.costMinor());
        }
    }
}
