package com.myagents.connectors.command;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

import com.myagents.connectors.connector.RetryLater;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.worker.Backoff;
import com.myagents.contracts.worker.WorkerThread;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads execution commands (only what enforcement committed) and publishes what each one came to
 * in a Kafka transaction together with the command's offset, so a result is published once per
 * command delivery and the offset never moves past a command whose result is not out. A command
 * that cannot be finished now (a platform, the vault or the database away) is not committed: the
 * consumer rewinds to it and tries again after a pause; after {@code max-attempts} it fails for good.
 * The external action itself is made at most once by the idempotency records, not by Kafka.
 */
public class CommandConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);
    private static final String CORRELATION_MDC = "correlation_id";
    private volatile MeterRegistry registry;
    private static final Duration POLL = Duration.ofMillis(200);

    private final CommandHandler handler;
    private final Map<String, Object> clientConfig;
    private final String groupId;
    private final int maxAttempts;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Map<String, Integer> attempts = new HashMap<>();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    private volatile Consumer<String, byte[]> consumer;
    private volatile int consecutiveFailures;
    private volatile String lastError;
    private final WorkerThread worker = new WorkerThread("connectors-commands", this::work);

    /** @param clientConfig at least {@code bootstrap.servers}; applied to the consumer and the producer */
    public CommandConsumer(CommandHandler handler, Map<String, Object> clientConfig, String groupId, int maxAttempts,
            Duration backoffInitial, Duration backoffMax) {
        this.handler = handler;
        this.clientConfig = Map.copyOf(clientConfig);
        this.groupId = groupId;
        this.maxAttempts = maxAttempts;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(WorkerThread.wakingUp(() -> consumer), Duration.ofSeconds(30));
    }

    @Override
    public boolean isRunning() {
        return worker.running();
    }

    /** Commands whose outcome has been published (redeliveries included). */
    public long handledCount() {
        return handled.get();
    }

    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("running", worker.running());
        details.put("handled", handled.get());
        details.put("retried", retried.get());
        details.put("consecutive_failures", consecutiveFailures);
        if (lastError != null) {
            details.put("last_error", lastError);
        }
        boolean up = worker.running() && consecutiveFailures < 3;
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private void work() {
        Backoff backoff = new Backoff(backoffInitial, backoffMax);
        while (worker.running()) {
            try (Consumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig());
                    Producer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
                consumer = kafka;
                producer.initTransactions();
                kafka.subscribe(List.of(Topics.EXECUTION_COMMANDS.name()));
                while (worker.running()) {
                    if (process(kafka, producer, kafka.poll(POLL))) {
                        backoff.reset();
                    } else if (!backoff.pause(this::isRunning)) {
                        return;
                    }
                }
            } catch (WakeupException | InterruptException e) {
                return;
            } catch (RuntimeException e) {
                // a fenced or broken producer, a lost broker: start over with new clients from the committed offsets
                failed(e);
                log.warn("command consumer restarting its Kafka clients: {}", e.toString());
                if (!backoff.pause(this::isRunning)) {
                    return;
                }
            } finally {
                consumer = null;
            }
        }
    }

    /** Handles one poll; false when it stopped at a command to retry (the consumer is rewound to it). */
    private boolean process(Consumer<String, byte[]> kafka, Producer<String, byte[]> producer,
            ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        records.partitions().forEach(p -> next.put(p, records.records(p).get(0).offset()));
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!worker.running()) {
                    rewind(kafka, next);
                    return true;
                }
                ExecutionCommand command = command(record);
                // every line logged while handling it carries the execution's correlation id
                if (command != null && command.correlationId() != null) {
                    MDC.put(CORRELATION_MDC, command.correlationId());
                }
                Publication publication;
                try {
                    publication = handleOrRetry(record);
                    if (publication == null) {
                        rewind(kafka, next);
                        return false;
                    }
                    publish(kafka, producer, record, publication);
                } finally {
                    MDC.remove(CORRELATION_MDC);
                }
                countResult(command, publication);
                next.put(partition, record.offset() + 1);
                attempts.remove(place(record));
                handled.incrementAndGet();
                consecutiveFailures = 0;
            }
        }
        return true;
    }

    /** The publication, or null when the command is to be tried again later. */
    private Publication handleOrRetry(ConsumerRecord<String, byte[]> record) {
        try {
            return handler.handle(record);
        } catch (RuntimeException e) {
            // RetryLater, the database away, or a bug: none of them published anything for this command
            int attempt = attempts.merge(place(record), 1, Integer::sum);
            retried.incrementAndGet();
            failed(e);
            if (attempt < maxAttempts) {
                log.warn("command {} attempt {} of {} did not finish, retrying: {}", place(record), attempt,
                        maxAttempts, e instanceof RetryLater ? e.getMessage() : e.toString());
                return null;
            }
            try {
                return handler.giveUp(record, e);
            } catch (RuntimeException giveUpFailed) {
                log.warn("could not record that command {} failed for good, retrying: {}", place(record),
                        giveUpFailed.toString());
                return null;
            }
        }
    }

    private void publish(Consumer<String, byte[]> kafka, Producer<String, byte[]> producer,
            ConsumerRecord<String, byte[]> record, Publication publication) {
        producer.beginTransaction();
        try {
            for (Outgoing<?> event : publication.events()) {
                producer.send(event.toRecord());
            }
            producer.sendOffsetsToTransaction(
                    Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)),
                    kafka.groupMetadata());
            producer.commitTransaction();
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    private static void rewind(Consumer<String, byte[]> kafka, Map<TopicPartition, Long> next) {
        next.forEach((partition, offset) -> {
            if (kafka.assignment().contains(partition)) {
                kafka.seek(partition, offset);
            }
        });
    }

    /** Connector results by platform and outcome go to this registry from now on. */
    public void countInto(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
    }

    private static ExecutionCommand command(ConsumerRecord<String, byte[]> record) {
        try {
            return Topics.EXECUTION_COMMANDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException unreadable) {
            return null; // the handler refuses it; here it has no correlation id and platform "unknown"
        }
    }

    private void countResult(ExecutionCommand command, Publication publication) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        publication.result().ifPresent(result -> {
            Object platform = command == null ? null
                    : command.payload() != null && command.payload().get("platform") != null ? command.payload().get("platform")
                    : command.action();
            meters.counter("myagents.connector.results", "platform", String.valueOf(platform == null ? "unknown" : platform),
                    "outcome", result.status().code()).increment();
        });
    }

    private void failed(Exception e) {
        consecutiveFailures++;
        lastError = Instant.now() + " " + e;
    }

    private static String place(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "connectors-commands");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // one platform call can take a while; a batch must finish before the group gives up on us
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "connectors-results");
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId + "-" + UUID.randomUUID());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
