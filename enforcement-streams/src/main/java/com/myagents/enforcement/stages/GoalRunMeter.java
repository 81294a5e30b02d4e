package com.myagents.enforcement.stages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalRunRequestBatch;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.policy.BudgetLedger;
import com.myagents.enforcement.policy.EnforcementPolicy;
import com.myagents.enforcement.policy.GoalRunRules;
import com.myagents.enforcement.policy.Metering;
import com.myagents.enforcement.policy.Verdict;

/**
 * Meters goal runs before they generate anything, in the subscription's task (requests are keyed
 * by subscription_id), against the same ledger as external actions. Each run id is decided once:
 * asking again (a redelivered trigger, a restarted runner) gets the first decision back and is
 * neither charged nor denied a second time.
 * <p>
 * Runs arrive in batches of one subscription ({@link GoalRunRequestBatch}; a per-run request is a
 * batch of one). Each run of a batch is decided in order against the ledger as the runs before it
 * left it — the same decisions, caps and charges as if each had asked alone — and the ledger is
 * read and stored once per batch, in the same commit as the decisions.
 */
public final class GoalRunMeter implements Processor<String, GoalRunRequestBatch, String, GoalRunMeter.Metered> {

    /** Action name of a goal run in the denials table, beside the external actions. */
    public static final String GOAL_RUN_ACTION = "goal_run";

    /** A decision on its way out; {@code first} is false when it answers a repeated request. */
    public record Metered(GoalRunDecision decision, boolean first) {

        public EnforcementDenial denial() {
            return new EnforcementDenial(decision.decisionId(), decision.runId(), decision.trigger().subscriptionId(),
                    decision.trigger().customerId(), null, GOAL_RUN_ACTION, decision.reason(), decision.detail(),
                    decision.inputs(), decision.policyVersion(), decision.decidedAt());
        }
    }

    private final StageMemory memory;
    private ProcessorContext<String, Metered> context;
    private KeyValueStore<String, GoalRunDecision> meteredRuns;
    private KeyValueStore<String, BudgetLedger> ledgers;
    private TimestampedKeyValueStore<String, SubscriptionState> subscriptions;

    /** @param memory how long a run id is remembered: at least as long as a trigger can be redelivered */
    public GoalRunMeter(StageMemory memory) {
        this.memory = memory;
    }

    @Override
    public void init(ProcessorContext<String, Metered> context) {
        this.context = context;
        this.meteredRuns = context.getStateStore(EnforcementStores.METERED_RUNS);
        this.ledgers = context.getStateStore(EnforcementStores.BUDGET_LEDGER);
        this.subscriptions = context.getStateStore(EnforcementStores.SUBSCRIPTIONS);
        memory.forgetOld(context, meteredRuns, (decision, cutoff) -> decision.decidedAt().isBefore(cutoff));
    }

    @Override
    public void process(Record<String, GoalRunRequestBatch> record) {
        GoalRunRequestBatch batch = record.value();
        if (batch == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        // the batch's subscription's ledger and state, read once (a request of another subscription,
        // never written so but possible on the wire, is metered against its own)
        Map<String, BudgetLedger> changed = new LinkedHashMap<>();
        Map<String, Optional<SubscriptionState>> states = new HashMap<>();
        for (GoalRunRequest request : batch.requests()) {
            if (request == null || request.trigger() == null || request.runId() == null) {
                continue;
            }
            GoalRunDecision earlier = meteredRuns.get(request.runId());
            if (earlier != null) {
                context.forward(record.withValue(new Metered(earlier, false)));
                continue;
            }
            String subscriptionId = request.subscriptionId();
            BudgetLedger ledger = subscriptionId == null ? null
                    : changed.containsKey(subscriptionId) ? changed.get(subscriptionId) : ledgers.get(subscriptionId);
            SubscriptionState subscription = subscriptionId == null ? null : states.computeIfAbsent(subscriptionId,
                    id -> Optional.ofNullable(ValueAndTimestamp.getValueOrNull(subscriptions.get(id)))).orElse(null);
            Metering metering = GoalRunRules.evaluate(request, subscription,
                    (ledger == null ? BudgetLedger.EMPTY : ledger).at(now), now);
            GoalRunDecision decision = decision(request, metering, now);
            meteredRuns.put(request.runId(), decision);
            if (decision.allowed()) {
                changed.put(subscriptionId, metering.ledger());
            }
            context.forward(record.withValue(new Metered(decision, true)));
        }
        changed.forEach(ledgers::put);
    }

    private static GoalRunDecision decision(GoalRunRequest request, Metering metering, Instant now) {
        Verdict verdict = metering.verdict();
        boolean allowed = verdict instanceof Verdict.Allowed;
        return new GoalRunDecision(
                UUID.nameUUIDFromBytes(("goal-run-decision:" + request.runId()).getBytes(StandardCharsets.UTF_8)).toString(),
                request.trigger(), allowed ? Outcome.ALLOW : Outcome.DENY,
                allowed ? ReasonCode.ALLOWED : ((Verdict.Denied) verdict).reason(),
                allowed ? "every check passed" : ((Verdict.Denied) verdict).detail(),
                metering.costMinor(),
                verdict.checks(), verdict.inputs(), EnforcementPolicy.VERSION, now);
    }
}
