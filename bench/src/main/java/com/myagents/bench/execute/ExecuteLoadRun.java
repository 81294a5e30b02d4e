package com.myagents.bench.execute;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.myagents.bench.goals.FanOutWorkload;
import com.myagents.bench.infra.CpApi;
import com.myagents.bench.infra.GroupProgress;
import com.myagents.bench.infra.PlantDatabase;
import com.myagents.bench.load.OpenLoop;
import com.myagents.bench.memory.ProcessCpu;
import com.myagents.bench.report.Report;
import com.myagents.contracts.Topics;
import com.myagents.enforcement.app.EnforcementStreamsConfig;

/**
 * The execute load on a running system: drafts seeded into Plant, a share of them approved through
 * the API, the demo subscription paid; then {@code POST /api/cp/deliverables/{id}/execute} at a
 * fixed rate, open loop, for a warm-up (not counted) and the measured time.
 */
public final class ExecuteLoadRun {

    /** What a load needs and what it measured. */
    public record Settings(double rate, Duration warmup, Duration duration, double allowShare, int unapprovedDrafts,
            int maxInFlight) {
    }

    /**
     * @param idleCores the system's CPU use with no calls (broker, pollers, commits), in cores
     * @param cpu       its CPU use during the measured phase
     */
    public record Measured(ExecuteOutcomes outcomes, OpenLoop.Result load, long shortOfApprovals,
            PlantDatabase.StageDelays stages, double idleCores, ProcessCpu.Used cpu) {

        /** CPU nanoseconds the system's processes spent per call of the measured phase, idle use included. */
        public long cpuPerCall() {
            return load.scheduled() == 0 ? 0 : cpu.totalNanos() / load.scheduled();
        }

        /** The same without what the system burns when idle: what one more call costs. */
        public long marginalCpuPerCall() {
            double idle = idleCores * load.elapsed().toNanos();
            return load.scheduled() == 0 ? 0 : (long) Math.max(0, (cpu.totalNanos() - idle) / load.scheduled());
        }


        public void addTo(Report report, Settings settings) {
            report.row(String.format(Locale.ROOT, "execute: calls at %,.0f/s for %s (after %s warm-up)",
                            settings.rate(), settings.duration(), settings.warmup()),
                            String.format(Locale.ROOT, "%,d scheduled, achieved %,.0f/s", load.scheduled(),
                                    load.scheduled() / (load.elapsed().toNanos() / 1e9)))
                    .row("execute: latency from intended send, all decided calls", outcomes.latency().describe())
                    .row("execute: latency, approved drafts (202 allowed)", outcomes.allowedLatency().describe())
                    .row("execute: latency, unapproved drafts (403)", outcomes.deniedLatency().describe())
                    .row("execute: answers", outcomes.answers().toString())
                    .row("execute: errors (no decision)", outcomes.errorRate())
                    .row("execute: 202 pending (decision later than ingest-api waits)", Long.toString(outcomes.pending()))
                    .row("execute: decided otherwise than the mix meant", Long.toString(outcomes.unexpected()))
                    .row("execute: refused by the generator (too many in flight) / unanswered at the end",
                            load.refused() + " / " + load.unfinished())
                    .row("execute: CPU of the system idle (before the load)", String.format(Locale.ROOT, "%.2f cores", idleCores))
                    .row("execute: CPU of the system's processes per call (measured phase)", String.format(Locale.ROOT,
                            "%.1f ms (JVM %.1f ms + PostgreSQL %.1f ms); without the idle use %.1f ms: one core serves ≈ %.0f calls/s",
                            cpuPerCall() / 1e6, cpu.jvmNanos() / 1e6 / Math.max(1, load.scheduled()),
                            cpu.othersNanos() / 1e6 / Math.max(1, load.scheduled()), marginalCpuPerCall() / 1e6,
                            marginalCpuPerCall() == 0 ? 0 : 1e9 / marginalCpuPerCall()))
                    .row("execute: inside Plant, request row → published by the outbox relay", stages.relay().describe())
                    .row("execute: inside Plant, request row → decided by enforcement (before its commit)",
                            stages.decision().describe())
                    .row("execute: request rows decided but without decided_at (materializer)",
                            Long.toString(stages.requestRowsWithoutDecidedAt()))
                    .row("execute: generator's own worst lag behind schedule",
                            String.format(Locale.ROOT, "%.1f ms", load.maxLag().toNanos() / 1e6));
            if (shortOfApprovals > 0) {
                report.row("execute: allowed turns sent unapproved (approvals ran out)", Long.toString(shortOfApprovals));
            }
        }
    }

    private ExecuteLoadRun() {
    }

    /**
     * The gateway's and the doors' per-principal limits (50/s) would refuse a load from one customer:
     * raised for the benchmark.
     */
    public static Map<String, String> unlimitedGateway() {
        return Map.of("myagents.gateway.rate-limit.requests-per-second", "1000000",
                "myagents.gateway.rate-limit.burst", "1000000",
                "myagents.edge.rate-limit.requests-per-second", "1000000",
                "myagents.edge.rate-limit.burst", "1000000");
    }

    /** @param system the system's processes, its JVM first (their CPU time is measured) */
    public static Measured run(String cpUrl, PlantDatabase db, String bootstrap, Settings settings,
            Supplier<List<ProcessHandle>> system, PrintStream out) throws Exception {
        CpApi api = new CpApi(cpUrl);
        String token = api.login("demo@myagents.local", "demo-password");
        log(out, "paying subscription, " + settings.unapprovedDrafts() + " unapproved drafts");
        db.makeDemoMarketingAgentPaidAndConfigured(FanOutWorkload.marketingConfig());
        List<UUID> unapproved = db.seedDrafts(settings.unapprovedDrafts(), "unapproved");
        int needed = ExecuteMix.approvalsNeeded(settings.rate(), settings.warmup().plus(settings.duration()),
                settings.allowShare()) + 1;
        log(out, "seeding and approving " + needed + " drafts through the API");
        long begin = System.nanoTime();
        List<ExecuteMix.Approved> approved = approve(api, token, db.seedDrafts(needed, "approved"));
        log(out, String.format(Locale.ROOT, "approved %d in %.1f s; waiting for enforcement to read them",
                approved.size(), (System.nanoTime() - begin) / 1e9));
        db.awaitOutboxDrained(Duration.ofMinutes(3));
        GroupProgress.awaitCaughtUp(bootstrap, EnforcementStreamsConfig.APPLICATION_ID,
                List.of(Topics.APPROVALS.name(), Topics.SUBSCRIPTIONS.name()), Duration.ofMinutes(3));

        ExecuteMix.Approved probe = approved.get(0);
        HttpResponse<String> first = api.execute(token, probe.deliverable(), probe.approvalId()).get();
        ExecuteOutcomes.Answer answer = ExecuteOutcomes.Answer.of(first.statusCode(), first.body());
        log(out, "probe: an approved draft is answered " + answer.label());
        if (!(first.statusCode() == 202 && "allowed".equals(answer.outcome()))) {
            log(out, "WARNING: the probe was not allowed: " + first.body());
        }
        ExecuteMix mix = new ExecuteMix(settings.allowShare(), unapproved, approved.subList(1, approved.size()));

        ProcessCpu idleCpu = new ProcessCpu(system);
        long idleFrom = System.nanoTime();
        Thread.sleep(5_000);
        double idleCores = idleCpu.used().totalNanos() / (double) (System.nanoTime() - idleFrom);
        log(out, "warm-up " + settings.warmup());
        long[] index = {0};
        load(api, token, mix, settings.rate(), settings.warmup(), settings.maxInFlight(), new ExecuteOutcomes(), index);
        log(out, String.format(Locale.ROOT, "measuring %s at %,.0f/s", settings.duration(), settings.rate()));
        ExecuteOutcomes outcomes = new ExecuteOutcomes();
        OffsetDateTime measuredFrom = OffsetDateTime.now(ZoneOffset.UTC);
        ProcessCpu cpu = new ProcessCpu(system);
        OpenLoop.Result result = load(api, token, mix, settings.rate(), settings.duration(), settings.maxInFlight(),
                outcomes, index);
        ProcessCpu.Used used = cpu.used();
        return new Measured(outcomes, result, mix.shortOfApprovals(), db.stageDelays(measuredFrom), idleCores, used);
    }

    private static OpenLoop.Result load(CpApi api, String token, ExecuteMix mix, double rate, Duration length,
            int maxInFlight, ExecuteOutcomes outcomes, long[] index) {
        long offset = index[0];
        boolean[] expectations = new boolean[(int) Math.ceil(rate * length.toMillis() / 1000.0) + 1];
        OpenLoop.Result result = OpenLoop.run(rate, length, maxInFlight, Duration.ofSeconds(35), i -> {
            ExecuteMix.Call call = mix.next(offset + i);
            expectations[(int) i] = call.expectAllowed();
            return api.execute(token, call.deliverable(), call.approvalId());
        }, (i, latency, response, error) -> outcomes.record(expectations[(int) i], latency,
                response == null ? null : ExecuteOutcomes.Answer.of(response.statusCode(), response.body()), error));
        index[0] = offset + result.scheduled();
        return result;
    }

    /**
     * Approves in batches of 25 on two connections: a batch is one request doing a transaction per
     * draft, and a large one can outlast the gateway's upstream timeout on a busy machine. A batch
     * that failed is sent again: a second review of a draft mints a new approval, which replaces the
     * first on the compacted approvals topic, so the ids kept are the ones enforcement will match.
     */
    private static List<ExecuteMix.Approved> approve(CpApi api, String token, List<UUID> drafts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<UUID, String>>> batches = new ArrayList<>();
            for (int from = 0; from < drafts.size(); from += 25) {
                List<UUID> batch = drafts.subList(from, Math.min(drafts.size(), from + 25));
                batches.add(pool.submit(() -> approveWithRetries(api, token, batch)));
            }
            List<ExecuteMix.Approved> approved = new ArrayList<>();
            for (Future<Map<UUID, String>> batch : batches) {
                batch.get().forEach((deliverable, approval) -> approved.add(new ExecuteMix.Approved(deliverable, approval)));
            }
            return approved;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<UUID, String> approveWithRetries(CpApi api, String token, List<UUID> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return api.approve(token, batch);
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void log(PrintStream out, String line) {
        out.println("[execute] " + line);
    }
}
