package com.myagents.bench.enforcement;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.apache.kafka.common.serialization.Serde;

import com.myagents.bench.stats.CpuTime;
import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.contracts.serde.JsonSerde;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.policy.CheckTrail;
import com.myagents.enforcement.policy.DeliverableRules;
import com.myagents.enforcement.policy.SubscriptionRules;
import com.myagents.enforcement.policy.BudgetLedger;
import com.myagents.enforcement.policy.Metering;
import com.myagents.enforcement.policy.UsedApproval;
import com.myagents.enforcement.policy.Verdict;
import com.myagents.enforcement.stages.Decided;

/**
 * The CPU time one allowed decision spends in JSON (and in signing), op by op, on one thread: the
 * request read from its topic, the approval and the subscription read from their stores (a store
 * read deserializes; since enforcement decides in one stage there is no repartition record), the used
 * approval written to its store, the ledger read and written, the decision and the signed command written. Objects are the ones
 * the real policy code builds for an approved request.
 */
public record SerdeCost(Map<String, Long> nanosPerOp) {

    public static SerdeCost measure(EnforcementWorkload workload, int iterations) {
        long index = LongStream.range(0, 1_000).filter(i -> workload.kindOf(i) == EnforcementWorkload.Kind.APPROVED)
                .findFirst().orElseThrow();
        Instant now = Instant.now();
        ExecutionRequest request = workload.request(index);
        ApprovalEvent approval = workload.approvalFor(index, now);
        SubscriptionState subscription = workload.subscriptionStates(now).get(
                (int) Math.floorMod(index, (long) workload.subscriptions()));
        Verdict first = DeliverableRules.evaluate(request, approval, now);
        Metering second = SubscriptionRules.evaluate(CheckTrail.continuing(first.checks(), first.inputs()),
                request, null, subscription, BudgetLedger.EMPTY.at(now), null, now, approval.decidedAt());
        Decided decided = Decided.of(request, second.verdict(), now);
        if (!decided.decision().allowed()) {
            throw new IllegalStateException("the sample request was not allowed: " + decided.decision().reason());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        CommandSigner signer = new CommandSigner(key);
        JsonSerde<UsedApproval> usedSerde = new JsonSerde<>(UsedApproval.class, "enforcement-used-approval", 1);
        UsedApproval used = new UsedApproval(request.approvalId(), request.correlationId(), decided.decision().decisionId(),
                now, approval.expiresAt());

        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("read request", reader(Topics.EXECUTION_REQUESTS.valueSerde(), request));
        ops.put("read approval (store)", reader(Topics.APPROVALS.valueSerde(), approval));
        ops.put("read subscription (store)", reader(Topics.SUBSCRIPTIONS.valueSerde(), subscription));
        ops.put("write used approval (store)", () -> write(usedSerde, used));
        JsonSerde<BudgetLedger> ledgerSerde = new JsonSerde<>(BudgetLedger.class, "enforcement-budget-ledger", 1);
        ops.put("read + write budget ledger (store)", () -> write(ledgerSerde, read(ledgerSerde, write(ledgerSerde, second.ledger()))));
        ops.put("write decision", () -> write(Topics.EXECUTION_DECISIONS.valueSerde(), decided.decision()));
        ExecutionCommand command = decided.command();
        ops.put("sign + write command", () -> write(Topics.EXECUTION_COMMANDS.valueSerde(), signer.sign(command)));

        Map<String, Long> costs = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
            costs.put(op.getKey(), CpuTime.nanosPerOp(op.getValue(), iterations));
        }
        return new SerdeCost(costs);
    }

    /** Nanoseconds of all ops together: the serde CPU of one allowed decision. */
    public long perDecision() {
        return nanosPerOp.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Decisions per second one core could make if it did nothing but these serdes. */
    public double decisionsPerCoreSecond() {
        return perDecision() == 0 ? 0 : 1e9 / perDecision();
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        nanosPerOp.forEach((op, nanos) -> parts.add(String.format(Locale.ROOT, "%s %.1f µs", op, nanos / 1000.0)));
        return String.format(Locale.ROOT, "%.0f µs per allowed decision (%s); alone ≈ %,.0f decisions/s per core",
                perDecision() / 1000.0, String.join(", ", parts), decisionsPerCoreSecond());
    }

    private static <V> Supplier<Object> reader(Serde<V> serde, V value) {
        byte[] bytes = write(serde, value);
        return () -> read(serde, bytes);
    }

    private static <V> byte[] write(Serde<V> serde, V value) {
        return serde.serializer().serialize("bench", value);
    }

    private static <V> V read(Serde<V> serde, byte[] bytes) {
        return serde.deserializer().deserialize("bench", bytes);
    }
}
