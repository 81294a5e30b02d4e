package com.myagents.bench.goals;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.myagents.bench.Options;
import com.myagents.bench.ceiling.CeilingRun;
import com.myagents.bench.infra.KafkaLogins;
import com.myagents.bench.infra.Arrivals;
import com.myagents.bench.infra.BenchStack;
import com.myagents.bench.infra.GroupProgress;
import com.myagents.bench.infra.PlantDatabase;
import com.myagents.bench.report.Machine;
import com.myagents.bench.report.Report;
import com.myagents.contracts.Topics;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.contracts.goals.GoalChange;
import com.myagents.goals.app.GoalRunnerStreamsConfig;

/**
 * Goal fan-out: N goals of one agent due at the same second, published straight to the goal-changes
 * topic with the contracts serde; the time from their due time until every draft is a row in
 * PostgreSQL (goal-runner: scheduler punctuation → triggers → drafts; plant-store: materializer).
 */
public final class GoalFanOutRun {

    private GoalFanOutRun() {
    }

    public static void run(Options options, PrintStream out) throws Exception {
        int goals = options.integer("goals", 100_000);
        Duration lead = options.duration("lead", Duration.ofSeconds(20 + goals / 2_000));
        Duration timeout = options.duration("timeout", Duration.ofMinutes(5));
        String services = options.text("services", "plant-store,goal-runner-streams,enforcement-streams");
        var results = CeilingRun.resultsFile(options);
        int draftIterations = options.integer("draft-iterations", 5_000);
        if (!options.unread().isEmpty()) {
            throw new IllegalArgumentException("unknown flags " + options.unread());
        }
        Report report = new Report("goal fan-out", Machine.current()).flags(options.used());
        DraftCost draftCost = DraftCost.measure(draftIterations);
        log(out, "starting " + services);
        Set<String> selected = services.equals("all") ? Set.of()
                : Arrays.stream(services.split(",")).map(String::trim).collect(Collectors.toSet());
        try (BenchStack stack = BenchStack.start(selected, Map.of()); PlantDatabase db = stack.database()) {
            report.row("system start (" + services + ")", String.format(Locale.ROOT, "%.1f s", stack.startup().toMillis() / 1e3));
            db.makeDemoMarketingAgentPaidAndConfigured(FanOutWorkload.marketingConfig());
            db.awaitOutboxDrained(Duration.ofMinutes(1));
            fundEveryRun(stack.bootstrapServers(), goals);

            FanOutWorkload workload = FanOutWorkload.dueIn(goals, Instant.now(), lead);
            Milestones triggers = new Milestones(goals);
            Milestones drafts = new Milestones(goals);
            Set<String> draftIds = ConcurrentHashMap.newKeySet();
            AtomicLong draftRecords = new AtomicLong();
            try (Arrivals arrivals = new Arrivals(stack.bootstrapServers(),
                    List.of(Topics.GOAL_TRIGGERS.name(), Topics.DELIVERABLE_DRAFTS.name()), true, (record, at) -> {
                        if (record.topic().equals(Topics.GOAL_TRIGGERS.name())) {
                            triggers.arrived(at);
                        } else {
                            draftRecords.incrementAndGet();
                            if (draftIds.add(record.key())) {
                                drafts.arrived(at);
                            }
                        }
                    })) {
                log(out, "publishing " + goals + " goals due at " + workload.dueAt() + " (" + workload.timeOfDay() + " UTC)");
                long publishStart = System.nanoTime();
                publish(stack.bootstrapServers(), workload);
                double published = (System.nanoTime() - publishStart) / 1e9;
                report.row("goals published (one producer, contracts serde)", String.format(Locale.ROOT,
                        "%,d in %.1f s", goals, published));

                long dueNanos = sleepUntil(workload.dueAt());
                long unread = GroupProgress.lag(stack.bootstrapServers(), GoalRunnerStreamsConfig.APPLICATION_ID,
                        List.of(Topics.GOAL_CHANGES.name()));
                report.row("goal changes not yet read by the scheduler at the due time", String.format(Locale.ROOT, "%,d", unread));
                log(out, "due now; waiting for every draft in PostgreSQL");

                long deadline = dueNanos + timeout.toNanos();
                long firstRow = 0;
                long allRows = 0;
                int rows = 0;
                while (System.nanoTime() < deadline) {
                    rows = db.goalRunDrafts();
                    long now = System.nanoTime();
                    if (rows > 0 && firstRow == 0) {
                        firstRow = now;
                    }
                    if (rows >= goals) {
                        allRows = now;
                        break;
                    }
                    Thread.sleep(250);
                }
                Thread.sleep(1_000); // duplicates, if any, come right after
                report.row("due → first trigger", triggers.first(dueNanos))
                        .row("due → all triggers", triggers.all(dueNanos))
                        .row("due → all drafts on the drafts topic", drafts.all(dueNanos))
                        .row("due → first draft row in PostgreSQL", since(dueNanos, firstRow))
                        .row("due → every draft a row in PostgreSQL", allRows == 0
                                ? String.format(Locale.ROOT, "not within %s (%,d of %,d rows)", timeout, rows, goals)
                                : since(dueNanos, allRows))
                        .row("materialized rows/s (first row → last row)", allRows == 0 || allRows == firstRow ? "n/a"
                                : String.format(Locale.ROOT, "%,.0f/s", goals / ((allRows - firstRow) / 1e9)))
                        .row("CPU of one run outside Kafka and PostgreSQL (one thread)", draftCost.describe())
                        .row("drafts on the topic / distinct / rows", String.format(Locale.ROOT, "%,d / %,d / %,d",
                                draftRecords.get(), draftIds.size(), db.goalRunDrafts()));
            }
        }
        report.note("One goal = one run = one draft (daily micropost, LinkedIn only). Scheduler punctuation every 1 s "
                + "(the default), so a due time is noticed up to 1 s late. Metered runs ask enforcement in batches of up to "
                + "500 runs of the subscription. Drafts are visible at commit (exactly_once_v2, commit interval 20 ms); the "
                + "materializer writes one transaction per poll (≤ 200 records, JDBC batches) on 3 consumers. PostgreSQL "
                + "polled every 250 ms.");
        report.publish(out, results);
    }

    /**
     * Every micro-post run is metered by enforcement: the paid demo subscription gets a monthly budget
     * for all of them (twice over), published after the snapshot so it is the state enforcement holds.
     */
    private static void fundEveryRun(String bootstrap, int goals) {
        Instant now = Instant.now();
        SubscriptionState funded = new SubscriptionState(PlantDatabase.DEMO_SUBSCRIPTION.toString(),
                PlantDatabase.DEMO_CUSTOMER.toString(), "marketing.healthcare.v1", "active", "ended_converted",
                now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(1)), 0, List.of(),
                2L * goals * FanOutWorkload.RUN_PRICE_MINOR, now, 0, 0, Map.of(),
                Map.of(FanOutWorkload.TEMPLATE, FanOutWorkload.RUN_PRICE_MINOR));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaLogins.config(bootstrap,
                Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), funded.subscriptionId(),
                    Topics.SUBSCRIPTIONS.valueSerde().serializer().serialize(Topics.SUBSCRIPTIONS.name(), funded)));
            producer.flush();
        }
    }

    private static void publish(String bootstrap, FanOutWorkload workload) {
        Instant changedAt = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaLogins.config(bootstrap, Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 131_072,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-goals")),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < workload.goals(); i++) {
                GoalChange goal = workload.goal(i, PlantDatabase.DEMO_MARKETING_AGENT.toString(),
                        PlantDatabase.DEMO_SUBSCRIPTION.toString(), PlantDatabase.DEMO_CUSTOMER.toString(), changedAt);
                producer.send(new ProducerRecord<>(Topics.GOAL_CHANGES.name(), goal.goalInstanceId(),
                        Topics.GOAL_CHANGES.valueSerde().serializer().serialize(Topics.GOAL_CHANGES.name(), goal)));
            }
            producer.flush();
        }
    }

    /** Sleeps until {@code at} by the wall clock; returns {@link System#nanoTime()} of that moment. */
    private static long sleepUntil(Instant at) throws InterruptedException {
        long wait = Duration.between(Instant.now(), at).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        return System.nanoTime() - Math.max(0, -wait) * 1_000_000;
    }

    static String since(long from, long at) {
        return at == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", (at - from) / 1e9);
    }

    /** When the first and the N-th of something arrived. */
    static final class Milestones {
        private final long expected;
        private final AtomicLong count = new AtomicLong();
        private volatile long first;
        private volatile long last;

        Milestones(long expected) {
            this.expected = expected;
        }

        void arrived(long at) {
            long n = count.incrementAndGet();
            if (n == 1) {
                first = at;
            }
            if (n == expected) {
                last = at;
            }
        }

        String first(long due) {
            return since(due, first);
        }

        String all(long due) {
            return last == 0 ? String.format(Locale.ROOT, "not reached (%,d of %,d)", count.get(), expected) : since(due, last);
        }
    }

    private static void log(PrintStream out, String line) {
        out.println("[goals] " + line);
    }
}
