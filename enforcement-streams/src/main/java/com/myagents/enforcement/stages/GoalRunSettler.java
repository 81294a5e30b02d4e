package com.myagents.enforcement.stages;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunSettlement;
import com.myagents.enforcement.policy.BudgetLedger;

/**
 * Settles an allowed goal run at its real cost (settlements are keyed by subscription_id, like the
 * requests, so they meet the ledger in the same task): the price charged when the run was allowed
 * is replaced by what generating really cost — never more than the price, so the customer never
 * pays more than they were shown and the budget check made before generating still holds. The
 * run's remembered decision then carries the settled cost, so settling again changes nothing.
 */
public final class GoalRunSettler implements Processor<String, GoalRunSettlement, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(GoalRunSettler.class);

    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, GoalRunDecision> meteredRuns;
    private KeyValueStore<String, BudgetLedger> ledgers;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.meteredRuns = context.getStateStore(EnforcementStores.METERED_RUNS);
        this.ledgers = context.getStateStore(EnforcementStores.BUDGET_LEDGER);
    }

    @Override
    public void process(Record<String, GoalRunSettlement> record) {
        GoalRunSettlement settlement = record.value();
        if (settlement == null || settlement.runId() == null || settlement.subscriptionId() == null) {
            return;
        }
        GoalRunDecision decision = meteredRuns.get(settlement.runId());
        if (decision == null || !decision.allowed()
                || !settlement.subscriptionId().equals(decision.trigger().subscriptionId())) {
            return;
        }
        long charged = decision.costMinor();
        long actual = Math.max(0, Math.min(settlement.costMinor(), charged));
        if (actual == charged) {
            return;
        }
        BudgetLedger ledger = ledgers.get(settlement.subscriptionId());
        if (ledger != null) {
            ledgers.put(settlement.subscriptionId(), ledger.at(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                    .refundGoalRun(charged - actual, decision.decidedAt()));
        }
        meteredRuns.put(settlement.runId(), new GoalRunDecision(decision.decisionId(), decision.trigger(),
                decision.outcome(), decision.reason(), decision.detail(), actual, decision.checks(), decision.inputs(),
                decision.policyVersion(), decision.decidedAt()));
        log.debug("goal run {} settled at {} (charged {})", settlement.runId(), actual, charged);
    }
}
