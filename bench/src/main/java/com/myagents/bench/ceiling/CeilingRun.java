package com.myagents.bench.ceiling;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

import com.myagents.bench.Options;
import com.myagents.bench.infra.Arrivals;
import com.myagents.bench.infra.BenchBroker;
import com.myagents.bench.report.Machine;
import com.myagents.bench.report.Report;
import com.myagents.bench.stats.LatencySummary;
import com.myagents.bench.stats.Latencies;
import com.myagents.bench.stats.Throughput;
import com.myagents.contracts.Topics;

/**
 * The broker's own ceiling: a plain producer (acks=all, idempotent, linger 5 ms, as the outbox
 * relay) and a plain consumer, records of an execution request's size, on the broker the
 * pipeline uses. Saturated (as fast as the producer can send: throughput) and paced (a fixed rate,
 * open loop: latency with headroom).
 */
public final class CeilingRun {

    /** What the broker alone does. */
    public record Result(int recordBytes, Throughput saturated, LatencySummary saturatedLatency, double pacedRate,
            LatencySummary pacedLatency) {

        public void addTo(Report report) {
            report.row("ceiling: record size", recordBytes + " B value + 36 B key")
                    .row("ceiling: produce→consume, saturated", saturated.describe())
                    .row("ceiling: latency, saturated", saturatedLatency.describe())
                    .row(String.format(Locale.ROOT, "ceiling: latency at %,.0f/s", pacedRate), pacedLatency.describe());
        }
    }

    private CeilingRun() {
    }

    public static void run(Options options, PrintStream out) {
        long records = options.number("records", 200_000);
        double rate = options.decimal("rate", 2_000);
        Duration paced = options.duration("paced-duration", Duration.ofSeconds(10));
        Path results = resultsFile(options);
        Report report = new Report("ceiling", Machine.current()).flags(options.used());
        try (BenchBroker broker = BenchBroker.start()) {
            measure(broker.bootstrapServers(), records, rate, paced).addTo(report);
        }
        report.note("Embedded KRaft broker (one node) in this JVM; topics of " + Topics.PARTITIONS + " partitions.");
        report.publish(out, results);
    }

    public static Path resultsFile(Options options) {
        String file = options.text("out", "");
        return file.isBlank() ? null : Path.of(file);
    }

    public static Result measure(String bootstrapServers, long records, double pacedRate, Duration pacedDuration) {
        byte[] value = SampleRecords.typicalExecutionRequest();
        String topicPrefix = "bench.ceiling." + System.currentTimeMillis();
        BenchBroker.createTopic(bootstrapServers, topicPrefix + ".saturated", Topics.PARTITIONS);
        BenchBroker.createTopic(bootstrapServers, topicPrefix + ".paced", Topics.PARTITIONS);
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            // warm the producer and the broker's partitions up before anything is timed
            phase(bootstrapServers, producer, topicPrefix + ".saturated", value, Math.min(records, 20_000), 0);
            Phase saturated = phase(bootstrapServers, producer, topicPrefix + ".saturated", value, records, 0);
            long pacedRecords = (long) (pacedRate * pacedDuration.toNanos() / 1e9);
            Phase paced = phase(bootstrapServers, producer, topicPrefix + ".paced", value, pacedRecords, pacedRate);
            return new Result(value.length, saturated.throughput, saturated.latencies.summary(), pacedRate,
                    paced.latencies.summary());
        }
    }

    private record Phase(Throughput throughput, Latencies latencies) {
    }

    /** Sends {@code count} records (as fast as possible when {@code rate} is 0) and times each to its consumption. */
    private static Phase phase(String bootstrapServers, KafkaProducer<String, byte[]> producer, String topic, byte[] value,
            long count, double rate) {
        AtomicLongArray sentAt = new AtomicLongArray((int) count);
        Latencies latencies = new Latencies();
        AtomicLong lastArrival = new AtomicLong();
        AtomicLong arrived = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try (Arrivals arrivals = new Arrivals(bootstrapServers, List.of(topic), false, (record, at) -> {
            long index = SampleRecords.indexOf(record.key());
            if (index < 0 || index >= count) {
                return;
            }
            latencies.record(at - sentAt.get((int) index));
            lastArrival.set(at);
            if (arrived.incrementAndGet() == count) {
                done.countDown();
            }
        })) {
            long start = System.nanoTime();
            double period = rate > 0 ? 1e9 / rate : 0;
            for (int i = 0; i < count; i++) {
                if (rate > 0) {
                    long intended = start + (long) (i * period);
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    sentAt.set(i, intended);
                } else {
                    sentAt.set(i, System.nanoTime());
                }
                producer.send(new ProducerRecord<>(topic, SampleRecords.idOf(i), value));
            }
            producer.flush();
            if (!done.await(3, TimeUnit.MINUTES)) {
                throw new IllegalStateException("only " + arrived.get() + " of " + count + " records arrived on " + topic);
            }
            return new Phase(new Throughput(count, Duration.ofNanos(lastArrival.get() - start)), latencies);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(com.myagents.bench.infra.KafkaLogins.config(bootstrapServers, Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-ceiling")),
                new StringSerializer(), new ByteArraySerializer());
    }
}
