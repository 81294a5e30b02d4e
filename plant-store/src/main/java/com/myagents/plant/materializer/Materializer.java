package com.myagents.plant.materializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.plant.worker.WorkerHealth;

/**
 * Copies stream outputs (decisions, denials, drafts, results) into Plant's tables: a Spring Kafka
 * listener container of its own (built here from plant-store's client config and principal, not by
 * Boot's auto-configuration) running the {@link BatchWriter}. Reads only committed records and
 * commits offsets after the database transaction. Poison records go to the dead-letter topic
 * ({@link PoisonRecords}), which it reads back into {@code plant.dead_letters} for PP.
 */
public class Materializer implements SmartLifecycle {

    public static final String DEFAULT_GROUP_ID = "myagents-plant-materializer";

    /** What it reads: the stream outputs, and its own dead letters (into {@code plant.dead_letters}). */
    public static final List<Topic<String, ?>> TOPICS = List.of(
            Topics.EXECUTION_DECISIONS, Topics.ENFORCEMENT_DENIALS, Topics.DELIVERABLE_DRAFTS, Topics.EXECUTION_RESULTS,
            Topics.EXECUTION_COMMANDS, Topics.ACCESS_RECORDS, Topics.GOAL_RUN_DECISIONS, Topics.GOAL_RUN_SETTLEMENTS,
            Topics.PLANT_DEAD_LETTERS);

    private static final int BATCH = 200;

    /**
     * Consumers writing at once, each its own share of the partitions and its own transactions: a
     * batch spends most of its time waiting on PostgreSQL, so a few in parallel keep it busy. Rows
     * of different topics may meet (a run's decision, draft and settlement): their writes commute,
     * each transaction locks its runs first in one order ({@link RunLocks}), and a deadlock that
     * still happens is retried as an outage is, never dead-lettered.
     */
    public static final int DEFAULT_CONSUMERS = 3;

    private final WorkerHealth health = new WorkerHealth();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final MaterializerLag lag = new MaterializerLag();
    private final DefaultKafkaProducerFactory<String, byte[]> deadLetterProducers;
    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private volatile FlowMeters meters = FlowMeters.NONE;

    /**
     * @param consumerConfig at least {@code bootstrap.servers}; {@code group.id} defaults to
     *                       {@value #DEFAULT_GROUP_ID}; isolation, auto commit and deserializers
     *                       are set here. The dead-letter producer uses the same connection and principal.
     */
    public Materializer(DSLContext dsl, Map<String, Object> consumerConfig) {
        this(dsl, consumerConfig, DEFAULT_CONSUMERS);
    }

    /** @param consumers how many consumers write at once (partitions are shared out among them) */
    public Materializer(DSLContext dsl, Map<String, Object> consumerConfig, int consumers) {
        this.deadLetterProducers = new DefaultKafkaProducerFactory<>(producerConfig(consumerConfig));
        DefaultKafkaConsumerFactory<String, byte[]> consumerFactory = new DefaultKafkaConsumerFactory<>(consumerConfig(consumerConfig));
        consumerFactory.addListener(new ClientMetrics());
        ContainerProperties properties = new ContainerProperties(topicNames().toArray(String[]::new));
        // offsets of a batch are committed (synchronously) once the listener returned: after the database transaction
        properties.setAckMode(AckMode.BATCH);
        properties.setPollTimeout(500);
        properties.setShutdownTimeout(Duration.ofSeconds(15).toMillis());
        properties.setMessageListener(new BatchWriter(dsl, health, lag, applied, () -> meters));
        this.container = new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        container.setConcurrency(Math.max(1, consumers));
        container.setBeanName("plant-materializer");
        container.setCommonErrorHandler(PoisonRecords.errorHandler(new KafkaTemplate<>(deadLetterProducers), skipped));
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
        deadLetterProducers.reset();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    /** Records written to the database (replays included: they change nothing). */
    public long appliedCount() {
        return applied.get();
    }

    /** Poison records: unreadable, or refused by the database for good; each is on the dead-letter topic. */
    public long skippedCount() {
        return skipped.get();
    }

    public Health health() {
        return health(null);
    }

    /** As {@link #health()}, and DOWN while it is behind by more than {@code maxLag} (readiness). */
    public Health health(Duration maxLag) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("applied", applied.get());
        details.put("skipped", skipped.get());
        details.put("lag", lag.records());
        Duration behind = lag.behind(Instant.now());
        details.put("behind_ms", behind.toMillis());
        return health.report(container.isRunning(), details, behind, maxLag);
    }

    /** Counts what it writes into these domain counters, and binds its consumer's metrics, from now on. */
    public void countInto(FlowMeters flowMeters) {
        this.meters = flowMeters;
    }

    /** The names of the topics it writes to PostgreSQL. */
    public static List<String> topicNames() {
        return TOPICS.stream().map(Topic::name).toList();
    }

    /** Records not yet materialized, per topic (as of the last batch). */
    public Map<String, Long> lagByTopic() {
        return lag.records();
    }

    /** How far behind the materializer is: the age of the oldest record it has not written yet (about). */
    public Duration behind() {
        return lag.behind(Instant.now());
    }

    /** Binds the consumer's own metrics (kafka_consumer_*) while the container has it. */
    private final class ClientMetrics implements ConsumerFactory.Listener<String, byte[]> {

        private final Map<String, FlowMeters.Binding> bound = new HashMap<>();

        @Override
        public synchronized void consumerAdded(String id, org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer) {
            bound.put(id, meters.bindClient(consumer));
        }

        @Override
        public synchronized void consumerRemoved(String id, org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer) {
            FlowMeters.Binding binding = bound.remove(id);
            if (binding != null) {
                binding.close();
            }
        }
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP_ID);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "plant-materializer");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        config.putAll(clientConfig);
        // Only what the streams committed, offsets only after the database has the rows.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private static Map<String, Object> producerConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "plant-dead-letters");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
