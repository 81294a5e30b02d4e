package com.myagents.enforcement.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topic;
import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.testsupport.SharedTestInfra;

/**
 * {@code migrate-approvals} on a real broker: the latest approval event of every deliverable on
 * the retired v1 topic reaches v2 keyed by its subscription, a deliverable reviewed on v2 since
 * keeps its newer event, and a second run copies nothing.
 */
class MigrateApprovalsOnBrokerTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String subscription = "sub-" + run;

    @Test
    void replaysTheLatestApprovalOfEachDeliverableUnderItsSubscriptionOnce() throws Exception {
        String bootstrap = SharedTestInfra.kafkaBootstrapServers();
        TopicProvisioner.ensureTopics(bootstrap, (short) 1);
        createRetiredTopic(bootstrap);
        try (KafkaProducer<String, ApprovalEvent> producer = producer(bootstrap)) {
            // v1, keyed by deliverable: d1 approved then voided, d2 approved, d3 approved; and d3 reviewed again on v2
            send(producer, Topics.APPROVALS_V1, deliverable(1), event(1, "a1", ApprovalEvent.Verdict.APPROVED));
            send(producer, Topics.APPROVALS_V1, deliverable(1), event(1, "a1", ApprovalEvent.Verdict.VOIDED));
            send(producer, Topics.APPROVALS_V1, deliverable(2), event(2, "a2", ApprovalEvent.Verdict.APPROVED));
            send(producer, Topics.APPROVALS_V1, deliverable(3), event(3, "a3", ApprovalEvent.Verdict.APPROVED));
            send(producer, Topics.APPROVALS, subscription, event(3, "a3-new", ApprovalEvent.Verdict.APPROVED));
            producer.send(new ProducerRecord<>(Topics.APPROVALS_V1.name(), "no-subscription-" + run,
                    new ApprovalEvent("a4", deliverable(4), null, "customer", ApprovalEvent.Verdict.APPROVED, "reviewer",
                            null, "hash", Instant.now(), null))).get();
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = MigrateApprovalsCommand.run(new String[] {"--bootstrap-servers", bootstrap},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        List<ConsumerRecord<String, ApprovalEvent>> mine = onV2(bootstrap);
        assertThat(mine).allSatisfy(r -> assertThat(r.key()).isEqualTo(subscription));
        assertThat(mine).extracting(r -> r.value().deliverableId() + " " + r.value().approvalId() + " " + r.value().verdict().code())
                .containsExactlyInAnyOrder(deliverable(3) + " a3-new-" + run + " approved",
                        deliverable(1) + " a1-" + run + " voided", deliverable(2) + " a2-" + run + " approved");
        assertThat(status).as("a v1 record without a subscription is reported, not copied").isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("copied", "could not be read");

        int again = MigrateApprovalsCommand.run(new String[] {"--bootstrap-servers", bootstrap},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertThat(again).isEqualTo(1);
        assertThat(onV2(bootstrap)).as("a second run copies nothing").hasSameSizeAs(mine);
    }

    @Test
    void refusesUnknownArgumentsWithItsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = MigrateApprovalsCommand.run(new String[] {"--bootstrap-servers"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int unknown = MigrateApprovalsCommand.run(new String[] {"--from", "x"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(MigrateApprovalsCommand.USAGE);
        assertThat(unknown).isEqualTo(MigrateApprovalsCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bootstrap-servers needs a value",
                "unknown argument --from", "usage: migrate-approvals");
    }

    private String deliverable(int i) {
        return "deliverable-" + run + "-" + i;
    }

    private ApprovalEvent event(int i, String approval, ApprovalEvent.Verdict verdict) {
        return new ApprovalEvent(approval + "-" + run, deliverable(i), subscription, "customer-" + run, verdict,
                "reviewer", null, "hash-" + i, Instant.now(), Instant.now().plus(Duration.ofDays(1)));
    }

    private static void createRetiredTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(Topics.APPROVALS_V1.newTopic((short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static KafkaProducer<String, ApprovalEvent> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                Topics.APPROVALS.valueSerde().serializer());
    }

    private static void send(KafkaProducer<String, ApprovalEvent> producer, Topic<String, ApprovalEvent> topic, String key,
                             ApprovalEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, event)).get();
    }

    /** This run's records on v2, read to the end. */
    private List<ConsumerRecord<String, ApprovalEvent>> onV2(String bootstrap) {
        List<ConsumerRecord<String, ApprovalEvent>> mine = new ArrayList<>();
        try (KafkaConsumer<String, ApprovalEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
                Topics.APPROVALS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.APPROVALS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, ApprovalEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().deliverableId() != null
                            && record.value().deliverableId().startsWith("deliverable-" + run)) {
                        mine.add(record);
                    }
                }
            }
        }
        return mine;
    }
}
