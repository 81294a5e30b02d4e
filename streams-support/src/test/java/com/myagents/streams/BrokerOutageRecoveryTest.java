package com.myagents.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.myagents.contracts.security.KafkaClientSecurity;
import com.myagents.embedded.EmbeddedKafkaBroker;
import com.myagents.embedded.FreePorts;

/**
 * A broker that goes away while an exactly-once app commits: the commit times out, Kafka Streams
 * retries it on a producer that still waits for the first commit, the next send fails and the
 * stream thread dies and is replaced. The replacement joins the group as a new static member; the
 * dead thread's member is taken out at once, so every record is processed soon after the broker is
 * back, not after the dead member's session timeout (45 s).
 */
class BrokerOutageRecoveryTest {

    @TempDir
    Path dataDir;
    private final int port = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private volatile EmbeddedKafkaBroker broker;
    private ManagedStreams streams;

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aReplacedThreadTakesTheTasksBackWithoutWaitingForTheDeadMembersSession() throws Exception {
        broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), port, controllerPort);
        String bootstrap = broker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("outage-in", 3, (short) 1), new NewTopic("outage-out", 3, (short) 1)))
                    .all().get();
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("outage-in", Consumed.with(Serdes.String(), Serdes.String()))
                .peek((key, value) -> pause()) // slow enough that a transaction with records is always open
                .groupByKey().count().toStream().mapValues(Object::toString)
                .to("outage-out", Produced.with(Serdes.String(), Serdes.String()));
        Properties config = StreamsDefaults.forApplication("outage-app", bootstrap)
                .stateDir(Files.createDirectories(dataDir.resolve("state")))
                .commitInterval(Duration.ofMillis(20))
                .staticMember("outage-instance")
                .streamThreads(1)
                .overrides(Map.of("producer.max.block.ms", "3000"))
                .properties();
        streams = new ManagedStreams("outage-app", builder.build(), config,
                new ManagedStreams.TopicProvisioning(bootstrap, KafkaClientSecurity.none(), (short) 1),
                DeadThreadPolicy.FAIL_CLOSED, ManagedStreams.Exit.stayInGroup(Duration.ofSeconds(10)));
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Thread load = new Thread(() -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000",
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000"), new StringSerializer(), new StringSerializer())) {
                while (sending.get()) {
                    int n = sent.get();
                    producer.send(new ProducerRecord<>("outage-in", "k" + n, "v" + n));
                    sent.incrementAndGet();
                    if (n % 200 == 0) {
                        producer.flush();
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "outage-load");
        load.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() > 3000);
        broker.close();
        Thread.sleep(12_000);
        broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), port, controllerPort);
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() > 6_000);
        sending.set(false);
        load.join();
        int total = sent.get();
        long start = System.nanoTime();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "outage-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("outage-out"));
            // well inside the 45 s a dead static member would hold the group for
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.key()));
                return seen.size() == total;
            });
        } finally {
            org.slf4j.LoggerFactory.getLogger(getClass()).info("seen {} of {} keys after {} ms", seen.size(), total,
                    (System.nanoTime() - start) / 1_000_000);
        }
        assertThat(seen).hasSize(total);
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
