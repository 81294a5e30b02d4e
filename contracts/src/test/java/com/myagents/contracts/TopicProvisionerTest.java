package com.myagents.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class TopicProvisionerTest {

    static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void createsEveryTopicWithItsPartitionsAndCleanupAndLeavesThemAloneTheSecondTime() throws Exception {
        String bootstrap = broker.getBrokersAsString();

        TopicProvisioner.ensureTopics(bootstrap, (short) 1);
        TopicProvisioner.ensureTopics(bootstrap, (short) 1);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicDescription subscriptions = admin.describeTopics(java.util.List.of(Topics.SUBSCRIPTIONS.name()))
                    .allTopicNames().get().get(Topics.SUBSCRIPTIONS.name());
            assertThat(subscriptions.partitions()).hasSize(Topics.PARTITIONS);
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SUBSCRIPTIONS.name());
            assertThat(admin.describeConfigs(java.util.List.of(resource)).all().get().get(resource)
                    .get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.all().stream().map(Topic::name).toList());
        }
    }
}
