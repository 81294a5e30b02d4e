package com.myagents.plant.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

import com.myagents.contracts.serde.JsonSerde;
import com.myagents.plant.jooq.generated.tables.records.OutboxRecord;

/**
 * The relay's producer: made on first use (again after a failure), acknowledged by every in-sync
 * replica, idempotent, and a batch is sent only when every record of it is acknowledged.
 */
final class RelayProducer {

    private static final Logger log = LoggerFactory.getLogger(RelayProducer.class);

    private final Map<String, Object> producerConfig;
    private final Duration sendTimeout;
    private Producer<String, byte[]> producer;
    private volatile MeterRegistry registry;
    private KafkaClientMetrics producerMetrics;

    RelayProducer(Map<String, Object> producerConfig, Duration sendTimeout) {
        this.producerConfig = Map.copyOf(producerConfig);
        this.sendTimeout = sendTimeout;
    }

    /** Sends the rows in order and returns once all are acknowledged (or throws: none counts as sent). */
    void sendAll(List<OutboxRecord> rows) throws InterruptedException, ExecutionException, TimeoutException {
        Producer<String, byte[]> out = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRecord row : rows) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(JsonSerde.SCHEMA_HEADER, row.getSchema().getBytes(StandardCharsets.UTF_8));
            headers.add(OutboxRelay.OUTBOX_ID_HEADER, Long.toString(row.getId()).getBytes(StandardCharsets.UTF_8));
            acks.add(out.send(new ProducerRecord<>(row.getTopic(), null, row.getRecordKey(), row.getPayload(), headers)));
        }
        out.flush();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** The producer's own metrics (kafka_producer_*) go to this registry from its next creation on. */
    void bindMetricsTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
    }

    void close() {
        if (producerMetrics != null) {
            producerMetrics.close();
            producerMetrics = null;
        }
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("closing the relay's producer failed", e);
            }
            producer = null;
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "plant-outbox-relay");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
            // the producer insists on delivery.timeout >= linger + request.timeout
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, sendTimeout.toMillis() / 2));
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout.toMillis());
            config.putAll(producerConfig);
            // Not negotiable: every row acknowledged by all in-sync replicas, no duplicates from retries, order kept.
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer = new KafkaProducer<>(config);
            MeterRegistry meters = registry;
            if (meters != null) {
                producerMetrics = new KafkaClientMetrics(producer);
                producerMetrics.bindTo(meters);
            }
        }
        return producer;
    }
}
