package com.myagents.ingest.execution;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.security.KafkaClientSecurity;

/**
 * The reply half of request-reply over Kafka: every instance reads every partition of the
 * decisions topic (committed records only, from the end, no consumer group) and completes the
 * waiter registered for a correlation id. Nothing here decides anything.
 */
public class DecisionWaiter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DecisionWaiter.class);
    private static final Topic<String, ExecutionDecision> DECISIONS = Topics.EXECUTION_DECISIONS;

    private final Map<String, CompletableFuture<ExecutionDecision>> waiting = new ConcurrentHashMap<>();
    private final String bootstrapServers;
    private volatile KafkaConsumer<String, ExecutionDecision> consumer;
    private volatile Thread thread;
    private final CompletableFuture<Void> assigned = new CompletableFuture<>();

    private final KafkaClientSecurity security;

    public DecisionWaiter(String bootstrapServers) {
        this(bootstrapServers, KafkaClientSecurity.none());
    }

    public DecisionWaiter(String bootstrapServers, KafkaClientSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    /**
     * Registers interest before the request is published, so a fast decision cannot be missed. A
     * second registration under the same id (a retry arriving while the first call still waits)
     * shares the first one's wait and, when closed, leaves it in place.
     */
    public Registration register(String correlationId) {
        CompletableFuture<ExecutionDecision> created = new CompletableFuture<>();
        CompletableFuture<ExecutionDecision> future = waiting.putIfAbsent(correlationId, created);
        return future == null ? new Registration(correlationId, created, true) : new Registration(correlationId, future, false);
    }

    public final class Registration implements AutoCloseable {
        private final String correlationId;
        private final CompletableFuture<ExecutionDecision> future;
        private final boolean owner;

        private Registration(String correlationId, CompletableFuture<ExecutionDecision> future, boolean owner) {
            this.correlationId = correlationId;
            this.future = future;
            this.owner = owner;
        }

        /** The decision, or {@code null} when it did not arrive within {@code timeout}. */
        public ExecutionDecision await(Duration timeout) {
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            if (owner) {
                waiting.remove(correlationId, future);
            }
        }
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(security.applyTo(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50,
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-api-decision-waiter")),
                DECISIONS.keySerde().deserializer(), DECISIONS.valueSerde().deserializer());
        thread = new Thread(this::run, "decision-waiter");
        thread.setDaemon(true);
        thread.start();
        try {
            // Serve no execute call before we listen: a decision published earlier would be lost.
            assigned.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen to " + DECISIONS.name() + " on " + bootstrapServers, e);
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(DECISIONS.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            assigned.complete(null);
            while (true) {
                try {
                    for (ConsumerRecord<String, ExecutionDecision> record : consumer.poll(Duration.ofSeconds(1))) {
                        CompletableFuture<ExecutionDecision> future = waiting.get(record.key());
                        if (future != null && record.value() != null) {
                            future.complete(record.value());
                        }
                    }
                } catch (RecordDeserializationException poison) {
                    log.warn("skipping unreadable decision at {} offset {}", poison.topicPartition(), poison.offset());
                    consumer.seek(poison.topicPartition(), poison.offset() + 1);
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (KafkaException brokerTrouble) {
                    // the positions are kept: once the broker answers again the next poll resumes where this one stopped
                    log.warn("polling decisions failed, retrying: {}", brokerTrouble.toString());
                    Thread.sleep(1_000);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // stop() asked us to end
        } catch (RuntimeException e) {
            assigned.completeExceptionally(e);
            log.error("decision waiter stopped; execute calls will answer 202 pending", e);
        } finally {
            consumer.close();
        }
    }

    @Override
    public void stop() {
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /** DOWN once the listening thread has ended: execute calls would then only ever answer "pending". */
    public Health health() {
        return (isRunning() ? Health.up() : Health.down()).withDetail("waiting", waiting.size()).build();
    }
}
