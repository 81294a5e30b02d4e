package com.myagents.connectors.market;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.myagents.connectors.delta.DeltaTickers;
import com.myagents.contracts.Topics;
import com.myagents.contracts.market.MarkPrice;
import com.myagents.contracts.worker.WorkerThread;

/**
 * Publishes the mark price of each configured product to the compacted mark-prices topic, every
 * interval, so the trading planner can price market orders with the latest one. Reading a public
 * ticker has no side effect, so it does not depend on the dry-run mode; with no products
 * configured (the default) it does nothing, and market orders are refused for want of a price.
 * A price Delta cannot give now is skipped this round; the topic keeps the last one, whose age the
 * planner judges.
 */
public class MarkPricePublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarkPricePublisher.class);

    private final DeltaTickers tickers;
    private final List<String> symbols;
    private final Duration interval;
    private final Map<String, Object> clientConfig;
    private final WorkerThread worker = new WorkerThread("connectors-mark-prices", this::work);

    public MarkPricePublisher(DeltaTickers tickers, List<String> symbols, Duration interval,
            Map<String, Object> clientConfig) {
        this.tickers = tickers;
        this.symbols = List.copyOf(symbols);
        this.interval = interval;
        this.clientConfig = Map.copyOf(clientConfig);
    }

    @Override
    public void start() {
        if (!symbols.isEmpty()) {
            worker.start();
        }
    }

    @Override
    public void stop() {
        worker.stop(Thread::interrupt, Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return worker.running();
    }

    private void work() {
        try (Producer<String, MarkPrice> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                Topics.MARK_PRICES.valueSerde().serializer())) {
            while (worker.running()) {
                publishRound(producer);
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("mark prices stopped: {}", e.toString());
        }
    }

    /** One price per product that Delta answers for; returns how many were published. */
    int publishRound(Producer<String, MarkPrice> producer) throws InterruptedException {
        int published = 0;
        for (String symbol : symbols) {
            try {
                MarkPrice price = tickers.markPrice(symbol);
                producer.send(new ProducerRecord<>(Topics.MARK_PRICES.name(), symbol, price)).get(30, TimeUnit.SECONDS);
                published++;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                log.warn("no mark price of {} this round: {}", symbol, e.toString());
            }
        }
        return published;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "connectors-mark-prices");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }
}
