package com.myagents.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.embedded.EmbeddedPostgresServer;

class SharedTestInfraTest {

    @Test
    void sharedInfraServesOneBrokerWithEveryTopicAndOneDatabase() throws Exception {
        String bootstrap = SharedTestInfra.kafkaBootstrapServers();
        assertThat(SharedTestInfra.kafkaBootstrapServers()).isSameAs(bootstrap);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.all().stream().map(com.myagents.contracts.Topic::name).toList());
        }
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        assertThat(SharedTestInfra.postgres()).isSameAs(postgres);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            assertThat(c.getCatalog()).isEqualTo("myagents");
        }
    }
}
