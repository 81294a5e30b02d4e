package com.myagents.bench.goals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.myagents.bench.stats.CpuTime;
import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.goals.GoalChange;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.marketing.MarketingPlanner;
import com.myagents.goals.marketing.TemplateContentGenerator;
import com.myagents.goals.runs.DraftAssembler;
import com.myagents.goals.runs.GoalRun;
import com.myagents.goals.runs.PlannedDraft;

/**
 * The CPU time one goal run of the fan-out spends outside Kafka and PostgreSQL, step by step on
 * one thread: planning the post (template and platform fitting), assembling the draft (stable ids,
 * canonical JSON, SHA-256 payload hash), writing its JSON and reading it back (the materializer).
 */
public record DraftCost(Map<String, Long> nanosPerOp) {

    public static DraftCost measure(int iterations) {
        FanOutWorkload workload = FanOutWorkload.dueIn(1, Instant.now(), java.time.Duration.ZERO);
        String agentId = "00000000-0000-0000-0000-00000000b001";
        GoalChange goal = workload.goal(0, agentId, "00000000-0000-0000-0000-00000000a001",
                "00000000-0000-0000-0000-0000000c0001", Instant.now());
        HiredAgentChange agent = new HiredAgentChange(agentId, goal.subscriptionId(), goal.customerId(),
                "marketing.healthcare.v1", "1.0.0", "Clinic Marketing", "UTC", FanOutWorkload.marketingConfig(), true,
                "active", "ended_converted", null, Instant.now());
        String period = "daily:" + workload.dueAt().toString().substring(0, 10);
        GoalRun run = new GoalRun(new GoalTrigger(GoalTrigger.runId(goal.goalInstanceId(), period), goal.goalInstanceId(),
                goal.goalTemplateId(), agentId, goal.subscriptionId(), goal.customerId(), period, workload.dueAt()), goal, agent);
        MarketingPlanner planner = new MarketingPlanner(new TemplateContentGenerator());
        List<PlannedDraft> planned = planner.dailyMicropost(run);
        DeliverableDraft draft = DraftAssembler.assemble(run, planned).get(0);
        byte[] json = Topics.DELIVERABLE_DRAFTS.valueSerde().serializer().serialize("bench", draft);

        Map<String, Long> costs = new LinkedHashMap<>();
        costs.put("plan post", CpuTime.nanosPerOp(() -> planner.dailyMicropost(run), iterations));
        costs.put("assemble draft (ids, canonical JSON, hash)", CpuTime.nanosPerOp(() -> DraftAssembler.assemble(run, planned), iterations));
        costs.put("write draft JSON", CpuTime.nanosPerOp(() -> Topics.DELIVERABLE_DRAFTS.valueSerde().serializer().serialize("bench", draft), iterations));
        costs.put("read draft JSON", CpuTime.nanosPerOp(() -> Topics.DELIVERABLE_DRAFTS.valueSerde().deserializer().deserialize("bench", json), iterations));
        return new DraftCost(costs);
    }

    public long perRun() {
        return nanosPerOp.values().stream().mapToLong(Long::longValue).sum();
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        nanosPerOp.forEach((op, nanos) -> parts.add(String.format(Locale.ROOT, "%s %.1f µs", op, nanos / 1000.0)));
        return String.format(Locale.ROOT, "%.0f µs per run (%s); alone ≈ %,.0f runs/s per core",
                perRun() / 1000.0, String.join(", ", parts), 1e9 / perRun());
    }
}
