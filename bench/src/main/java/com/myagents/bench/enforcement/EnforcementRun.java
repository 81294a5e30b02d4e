package com.myagents.bench.enforcement;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

import com.myagents.bench.Options;
import com.myagents.bench.ceiling.CeilingRun;
import com.myagents.bench.ceiling.SampleRecords;
import com.myagents.bench.infra.Arrivals;
import com.myagents.bench.infra.BenchBroker;
import com.myagents.bench.infra.Directories;
import com.myagents.bench.infra.GroupProgress;
import com.myagents.bench.report.Machine;
import com.myagents.bench.report.Report;
import com.myagents.bench.stats.LatencySummary;
import com.myagents.bench.stats.Latencies;
import com.myagents.bench.stats.Throughput;
import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.topology.EnforcementSettings;
import com.myagents.enforcement.app.EnforcementStreamsConfig;
import com.myagents.enforcement.topology.EnforcementTopology;
import com.myagents.streams.StoreKind;

/**
 * The real enforcement topology with its production configuration (exactly_once_v2, RocksDB,
 * commit interval 20 ms unless told otherwise) on the embedded broker, with approvals and
 * subscription state pre-loaded: requests decided per second, saturated, beside the broker's
 * ceiling measured in the same run, and decision latency (request produced → decision visible to a
 * read_committed consumer) at a fixed rate.
 */
public final class EnforcementRun {

    private EnforcementRun() {
    }

    public static void run(Options options, PrintStream out) throws InterruptedException {
        int subscriptions = options.integer("subscriptions", 10_000);
        long warmup = options.number("warmup", 5_000);
        long saturated = options.number("requests", 60_000);
        double rate = options.decimal("rate", 500);
        Duration paced = options.duration("paced-duration", Duration.ofSeconds(15));
        long commitMs = options.number("commit-interval-ms", 20);
        StoreKind stores = StoreKind.valueOf(options.text("stores", "PERSISTENT").toUpperCase(Locale.ROOT));
        int threads = options.integer("stream-threads", 1);
        long ceilingRecords = options.number("ceiling-records", 200_000);
        EnforcementWorkload workload = new EnforcementWorkload(subscriptions, options.decimal("approved-share", 0.5),
                options.decimal("changed-share", 0.15), options.integer("trial-every", 10), options.integer("trial-cap", 1));
        int serdeIterations = options.integer("serde-iterations", 20_000);
        Map<String, String> streamsSettings = settings(options.text("streams", ""));
        Path results = CeilingRun.resultsFile(options);
        rejectUnknown(options);

        Report report = new Report("enforcement", Machine.current()).flags(options.used());
        long pacedCount = (long) (rate * paced.toNanos() / 1e9);
        Path stateDir = Directories.fresh("myagents-bench-enforcement-");
        log(out, "timing the JSON serdes of one decision");
        SerdeCost serde = SerdeCost.measure(workload, serdeIterations);
        try (BenchBroker broker = BenchBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            log(out, "broker up; measuring the ceiling");
            CeilingRun.Result ceiling = CeilingRun.measure(bootstrap, ceilingRecords, rate, paced);
            ceiling.addTo(report);

            long total = warmup + saturated + pacedCount;
            log(out, "pre-loading " + subscriptions + " subscriptions and the approvals of " + total + " requests");
            try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
                Instant now = Instant.now();
                for (SubscriptionState state : workload.subscriptionStates(now)) {
                    send(producer, Topics.SUBSCRIPTIONS, state.subscriptionId(), state);
                }
                for (long i = 0; i < total; i++) {
                    ApprovalEvent approval = workload.approvalFor(i, now);
                    if (approval != null) {
                        send(producer, Topics.APPROVALS, approval.subscriptionId(), approval);
                    }
                }
                producer.flush();

                EnforcementStreamsConfig config = new EnforcementStreamsConfig(bootstrap, stateDir,
                        Duration.ofMillis(commitMs), (short) 1, stores, "bench-enforcement", streamsSettings);
                var properties = config.properties();
                properties.put("num.stream.threads", Integer.toString(threads));
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                KafkaStreams streams = new KafkaStreams(EnforcementTopology.build(EnforcementSettings.of(
                        CommandSigner.fromBase64(Base64.getEncoder().encodeToString(key)), stores)), properties);
                long loadStart = System.nanoTime();
                streams.start();
                try {
                    GroupProgress.awaitCaughtUp(bootstrap, EnforcementStreamsConfig.APPLICATION_ID,
                            List.of(Topics.SUBSCRIPTIONS.name(), Topics.APPROVALS.name()), Duration.ofMinutes(5));
                    Duration loading = Duration.ofNanos(System.nanoTime() - loadStart);
                    report.row("state pre-load read by enforcement (start + " + subscriptions + " subscriptions + approvals)",
                            String.format(Locale.ROOT, "%.1f s", loading.toMillis() / 1000.0));

                    try (Decisions decisions = new Decisions(bootstrap)) {
                        log(out, "warm-up: " + warmup + " requests");
                        decisions.phase(producer, workload, 0, warmup, 0);
                        log(out, "saturated: " + saturated + " requests");
                        StreamThreadTime before = StreamThreadTime.read(streams.metrics());
                        long burstStart = System.nanoTime();
                        Phase burst = decisions.phase(producer, workload, warmup, saturated, 0);
                        StreamThreadTime burstTime = StreamThreadTime.read(streams.metrics()).since(before);
                        Duration burstDuration = Duration.ofNanos(System.nanoTime() - burstStart);
                        log(out, String.format(Locale.ROOT, "paced: %,.0f/s for %s", rate, paced));
                        Phase steady = decisions.phase(producer, workload, warmup + saturated, pacedCount, rate);

                        Thread.sleep(1_000); // denials and commands of the last transaction, read by the same consumer
                        Throughput decided = burst.throughput();
                        report.row("enforcement: requests decided/s, saturated", decided.describe())
                                .row("enforcement ÷ ceiling", String.format(Locale.ROOT, "%.1f %%", 100 * decided.ratioTo(ceiling.saturated())))
                                .row("enforcement: decision latency, saturated", burst.latencies.summary().describe())
                                .row("enforcement: stream thread's waits, saturated (its own metrics)",
                                        burstTime.describe(burstDuration, saturated))
                                .row(String.format(Locale.ROOT, "enforcement: decision latency at %,.0f/s", rate),
                                        steady.latencies.summary().describe())
                                .row("ceiling: latency at the same rate", ceiling.pacedLatency().describe())
                                .row("decisions (saturated phase) by reason", burst.reasons.toString())
                                .row("JSON serdes + signing of one allowed decision (CPU time of one thread, no I/O)", serde.describe())
                                .row("duplicate decisions (all phases)", Long.toString(decisions.duplicates.get()))
                                .row("denials + commands = decisions (all phases)", decisions.outputsAddUp());
                    }
                } finally {
                    streams.close(Duration.ofSeconds(30));
                }
            }
        } finally {
            Directories.delete(stateDir);
        }
        report.note(String.format(Locale.ROOT, "Enforcement runs in this JVM beside the broker, the producer and the consumers "
                + "(%d stream thread(s), stores %s, commit.interval.ms %d, exactly_once_v2); every phase waits for all "
                + "its decisions before the next starts.", threads, stores, commitMs));
        report.publish(out, results);
    }

    /** {@code --streams=producer.batch.size=65536,max.poll.records=500}: passed to Kafka Streams as the app's own settings are. */
    static Map<String, String> settings(String flag) {
        Map<String, String> settings = new TreeMap<>();
        for (String pair : flag.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--streams takes key=value pairs separated by commas, not " + pair);
            }
            settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return settings;
    }

    static void rejectUnknown(Options options) {
        if (!options.unread().isEmpty()) {
            throw new IllegalArgumentException("unknown flags " + options.unread());
        }
    }

    /** One phase's requests and what came back for them. */
    static final class Phase {
        final long base;
        final long count;
        final AtomicLongArray sentAt;
        final Latencies latencies = new Latencies();
        final Map<String, Long> reasons = new TreeMap<>();
        final BitSet seen = new BitSet();
        final AtomicLong arrived = new AtomicLong();
        final CountDownLatch done = new CountDownLatch(1);
        volatile long start;
        volatile long lastArrival;

        Phase(long base, long count) {
            this.base = base;
            this.count = count;
            this.sentAt = new AtomicLongArray((int) count);
        }

        Throughput throughput() {
            return new Throughput(arrived.get(), Duration.ofNanos(lastArrival - start));
        }
    }

    /** Every decision, denial and command enforcement publishes, read_committed. */
    static final class Decisions implements AutoCloseable {
        private final Arrivals arrivals;
        private volatile Phase current;
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong decisions = new AtomicLong();
        final AtomicLong denials = new AtomicLong();
        final AtomicLong commands = new AtomicLong();

        Decisions(String bootstrap) {
            arrivals = new Arrivals(bootstrap, List.of(Topics.EXECUTION_DECISIONS.name(), Topics.ENFORCEMENT_DENIALS.name(),
                    Topics.EXECUTION_COMMANDS.name()), true, (record, at) -> {
                        if (record.topic().equals(Topics.ENFORCEMENT_DENIALS.name())) {
                            denials.incrementAndGet();
                            return;
                        }
                        if (record.topic().equals(Topics.EXECUTION_COMMANDS.name())) {
                            commands.incrementAndGet();
                            return;
                        }
                        decisions.incrementAndGet();
                        decided(record.key(), Topics.EXECUTION_DECISIONS.valueSerde().deserializer()
                                .deserialize(record.topic(), record.value()), at);
                    });
        }

        private synchronized void decided(String correlationId, ExecutionDecision decision, long at) {
            Phase phase = current;
            long index = SampleRecords.indexOf(correlationId);
            if (phase == null || index < phase.base || index >= phase.base + phase.count) {
                return;
            }
            int offset = (int) (index - phase.base);
            if (phase.seen.get(offset)) {
                duplicates.incrementAndGet();
                return;
            }
            phase.seen.set(offset);
            phase.latencies.record(at - phase.sentAt.get(offset));
            phase.reasons.merge(decision.reason().code(), 1L, Long::sum);
            phase.lastArrival = at;
            if (phase.arrived.incrementAndGet() == phase.count) {
                phase.done.countDown();
            }
        }

        Phase phase(KafkaProducer<String, byte[]> producer, EnforcementWorkload workload, long base, long count, double rate)
                throws InterruptedException {
            Phase phase = new Phase(base, count);
            current = phase;
            phase.start = System.nanoTime();
            double period = rate > 0 ? 1e9 / rate : 0;
            for (int i = 0; i < count; i++) {
                var request = workload.request(base + i);
                byte[] value = Topics.EXECUTION_REQUESTS.valueSerde().serializer().serialize(Topics.EXECUTION_REQUESTS.name(), request);
                if (rate > 0) {
                    long intended = phase.start + (long) (i * period);
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    phase.sentAt.set(i, intended);
                } else {
                    phase.sentAt.set(i, System.nanoTime());
                }
                producer.send(new ProducerRecord<>(Topics.EXECUTION_REQUESTS.name(), request.subscriptionId(), value));
            }
            producer.flush();
            if (!phase.done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("only " + phase.arrived.get() + " of " + count + " decisions arrived");
            }
            return phase;
        }

        String outputsAddUp() {
            return String.format(Locale.ROOT, "%,d + %,d = %,d of %,d", denials.get(), commands.get(),
                    denials.get() + commands.get(), decisions.get());
        }

        @Override
        public void close() {
            arrivals.close();
        }
    }

    private static void log(PrintStream out, String line) {
        out.println("[enforcement] " + line);
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-requests"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @SuppressWarnings("unchecked")
    static <V> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)));
    }
}
