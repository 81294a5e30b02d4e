package com.myagents.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.contracts.serde.JsonSerde;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.app.EnforcementStreamsConfig;
import com.myagents.testsupport.SharedTestInfra;

/**
 * The application on a real broker, exactly-once: stopped mid-stream and restarted, with every
 * request delivered twice, each correlation id is still decided once, and the trial cap holds.
 */
class EnforcementOnBrokerTest {

    private static final int APPROVED = 100;
    private static final int UNAPPROVED = 100;
    private static final int TRIAL_CAP = 70;

    private static String bootstrap;
    private static String signingKey;

    @TempDir
    Path dataDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String subscription = "sub-" + run;
    private ConfigurableApplicationContext app;

    @BeforeAll
    static void broker() {
        bootstrap = SharedTestInfra.kafkaBootstrapServers();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        signingKey = Base64.getEncoder().encodeToString(key);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void decidesEveryRequestExactlyOnceAcrossARestartAndRedeliveries() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        List<ExecutionRequest> requests = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // Given a trial subscription with room for 70 actions today, 100 approved deliverables and 100 unapproved
            send(producer, Topics.SUBSCRIPTIONS, subscription, new SubscriptionState(subscription, "customer-" + run,
                    "marketing", "active", "active", Instant.now().minus(Duration.ofDays(1)),
                    Instant.now().plus(Duration.ofDays(7)), TRIAL_CAP, List.of("publish"), 0, Instant.now(), 0, 1_000_000, java.util.Map.of("publish", 100L), java.util.Map.of()));
            for (int i = 0; i < APPROVED + UNAPPROVED; i++) {
                boolean approved = i < APPROVED;
                String deliverable = "deliverable-" + run + "-" + i;
                if (approved) {
                    send(producer, Topics.APPROVALS, subscription, new ApprovalEvent("approval-" + run + "-" + i, deliverable,
                            subscription, "customer-" + run, ApprovalEvent.Verdict.APPROVED, "reviewer", null, com.myagents.contracts.deliverables.PayloadHash.of(java.util.Map.of("n", 1)),
                            Instant.now(), Instant.now().plus(Duration.ofDays(1))));
                }
                requests.add(new ExecutionRequest("corr-" + run + "-" + i, deliverable, subscription, "customer-" + run,
                        "hired-" + run, "publish", approved ? "approval-" + run + "-" + i : null,
                        com.myagents.contracts.deliverables.PayloadHash.of(java.util.Map.of("n", 1)),
                        "customer-" + run, Instant.now(), java.util.Map.of("n", 1), List.of("publish")));
            }
            producer.send(new ProducerRecord<>(Topics.EXECUTION_REQUESTS.name(), "garbage",
                    "{not json".getBytes(StandardCharsets.UTF_8)));
            java.util.Collections.shuffle(requests);
            List<ExecutionRequest> firstHalf = requests.subList(0, requests.size() / 2);
            List<ExecutionRequest> secondHalf = requests.subList(requests.size() / 2, requests.size());

            try (Outputs outputs = new Outputs()) {
                // When the app decides the first half and is stopped while it is at it
                app = startApp();
                awaitHealthUp();
                // approvals precede executions by minutes in real life; here, by the app having read them
                awaitConsumed(Topics.APPROVALS.name());
                firstHalf.forEach(r -> send(producer, Topics.EXECUTION_REQUESTS, r.subscriptionId(), r));
                producer.flush();
                await().atMost(Duration.ofSeconds(60)).until(() -> outputs.poll().decisions.size() >= 10);
                app.close();
                app = null;

                // And the relay delivers everything again, plus the second half, while it is down
                requests.forEach(r -> send(producer, Topics.EXECUTION_REQUESTS, r.subscriptionId(), r));
                producer.flush();
                app = startApp();

                // Then every request gets a decision
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> outputs.poll().decisions.size() >= requests.size());
                // (and nothing more arrives afterwards)
                Thread.sleep(2_000);
                outputs.poll();

                Map<String, Long> decisionsPerId = outputs.decisions.stream()
                        .collect(Collectors.groupingBy(ExecutionDecision::correlationId, Collectors.counting()));
                assertThat(decisionsPerId).hasSize(requests.size()).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));

                Map<ReasonCode, Long> reasons = outputs.decisions.stream()
                        .collect(Collectors.groupingBy(ExecutionDecision::reason, Collectors.counting()));
                assertThat(reasons).containsEntry(ReasonCode.APPROVAL_MISSING, (long) UNAPPROVED);
                // every approved request is allowed within the cap, over the cap, or (when the broker
                // hands the stream a request before its approval) not found yet: none is lost
                assertThat(reasons.getOrDefault(ReasonCode.ALLOWED, 0L) + reasons.getOrDefault(ReasonCode.TRIAL_CAP_EXCEEDED, 0L)
                        + reasons.getOrDefault(ReasonCode.APPROVAL_NOT_FOUND, 0L)).isEqualTo(APPROVED);
                if (day.equals(LocalDate.now(ZoneOffset.UTC))) {
                    // the cap is per UTC day: it holds across the restart unless the test ran over midnight
                    assertThat(reasons.getOrDefault(ReasonCode.ALLOWED, 0L)).isLessThanOrEqualTo(TRIAL_CAP);
                    if (!reasons.containsKey(ReasonCode.APPROVAL_NOT_FOUND)) {
                        assertThat(reasons).containsEntry(ReasonCode.ALLOWED, (long) TRIAL_CAP);
                    }
                }

                long allowed = reasons.getOrDefault(ReasonCode.ALLOWED, 0L);
                assertThat(outputs.denials).hasSize(requests.size() - (int) allowed)
                        .extracting(EnforcementDenial::correlationId).doesNotHaveDuplicates();
                assertThat(outputs.commands).hasSize((int) allowed)
                        .extracting(ExecutionCommand::correlationId).doesNotHaveDuplicates();
                CommandSigner verifier = CommandSigner.fromBase64(signingKey);
                assertThat(outputs.commands).allMatch(verifier::verify);
            }
        }
    }

    private ConfigurableApplicationContext startApp() {
        return EnforcementApplication.builder().run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--myagents.data-dir=" + dataDir,
                "--myagents.enforcement.command-signing-key=" + signingKey);
    }

    /** Until the app's committed position on every partition of {@code topic} is its end. */
    private void awaitConsumed(String topic) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(EnforcementStreamsConfig.APPLICATION_ID).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                for (int p = 0; p < Topics.PARTITIONS; p++) {
                    latest.put(new TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset());
            });
        }
    }

    private void awaitHealthUp() {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
        });
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static <V> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value) {
        byte[] bytes = ((JsonSerde<V>) topic.valueSerde()).write(value);
        producer.send(new ProducerRecord<>(topic.name(), key, bytes));
    }

    /** What enforcement published for this run, read as a downstream consumer would: committed only. */
    private final class Outputs implements AutoCloseable {

        final List<ExecutionDecision> decisions = new ArrayList<>();
        final List<EnforcementDenial> denials = new ArrayList<>();
        final List<ExecutionCommand> commands = new ArrayList<>();
        private final KafkaConsumer<String, String> consumer;

        Outputs() {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<String, ?> topic : List.of(Topics.EXECUTION_DECISIONS, Topics.ENFORCEMENT_DENIALS, Topics.EXECUTION_COMMANDS)) {
                for (int p = 0; p < topic.partitions(); p++) {
                    partitions.add(new TopicPartition(topic.name(), p));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        Outputs poll() {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                byte[] value = record.value().getBytes(StandardCharsets.UTF_8);
                if (record.topic().equals(Topics.EXECUTION_DECISIONS.name())) {
                    collect(decisions, Topics.EXECUTION_DECISIONS, value, ExecutionDecision::subscriptionId);
                } else if (record.topic().equals(Topics.ENFORCEMENT_DENIALS.name())) {
                    collect(denials, Topics.ENFORCEMENT_DENIALS, value, EnforcementDenial::subscriptionId);
                } else {
                    collect(commands, Topics.EXECUTION_COMMANDS, value, ExecutionCommand::subscriptionId);
                }
            }
            return this;
        }

        private <V> void collect(List<V> into, Topic<String, V> topic, byte[] bytes, Function<V, String> subscriptionOf) {
            V value = ((JsonSerde<V>) topic.valueSerde()).read(bytes);
            if (subscription.equals(subscriptionOf.apply(value))) {
                into.add(value);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
