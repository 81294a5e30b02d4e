package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.junit.jupiter.api.Test;

/**
 * {@code --provision} (docker-compose's one-shot container) against a running deployment: run
 * again, it leaves every user, ACL and role as the services need them; a missing password is named.
 */
class ProvisioningTest {

    @Test
    void provisioningARunningDeploymentAgainKeepsEveryLoginAndRule() throws Exception {
        LocalStack stack = RunningSystem.stack();
        Map<String, String> env = environment(stack);

        Provisioning.run(env);

        try (Connection cp = DriverManager.getConnection(stack.jdbcUrl(), "myagents_cp_backend",
                env.get("MYAGENTS_DATABASE_PASSWORD_CP_BACKEND"));
             Statement statement = cp.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from cp.customers")) {
            assertThat(rows.next()).isTrue();
        }
        try (Admin admin = Admin.create(stack.kafkaSuperUserConfig())) {
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get())
                    .containsExactlyInAnyOrderElementsOf(KafkaAccessPolicy.bindings());
        }
        try (Admin auditor = Admin.create(stack.kafkaClientConfig(KafkaAccessPolicy.AUDITOR))) {
            assertThat(auditor.listTopics().names().get())
                    .containsExactlyInAnyOrder("myagents.enforcement-denials.v1", "myagents.execution-decisions.v1",
                            "myagents.goal-run-decisions.v1");
        }
    }

    @Test
    void aMissingPasswordOrAnotherOwnerIsNamedBeforeAnythingIsWritten() {
        Map<String, String> env = environment(RunningSystem.stack());
        env.remove("MYAGENTS_KAFKA_PASSWORD_AUDITOR");
        assertThatThrownBy(() -> Provisioning.run(env)).hasMessageContaining("MYAGENTS_KAFKA_PASSWORD_AUDITOR");

        Map<String, String> otherOwner = environment(RunningSystem.stack());
        otherOwner.put("DATABASE_USER", "postgres");
        assertThatThrownBy(() -> Provisioning.run(otherOwner)).hasMessageContaining(DatabaseRoles.OWNER);
    }

    /** What docker-compose gives the provision container, here with the running system's secrets. */
    private static Map<String, String> environment(LocalStack stack) {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(RunningSystem.options().dataDir());
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("KAFKA_ADMIN_USERNAME", "broker");
        env.put("KAFKA_ADMIN_PASSWORD", secrets.get(LocalSecrets.KAFKA_BROKER_PASSWORD));
        env.put("DATABASE_URL", stack.jdbcUrl());
        env.put("DATABASE_ADMIN_USER", "postgres");
        env.put("DATABASE_ADMIN_PASSWORD", RunningSystem.postgresPassword());
        env.put("DATABASE_USER", DatabaseRoles.OWNER);
        env.put("DATABASE_PASSWORD", secrets.get(DatabaseRoles.OWNER_PASSWORD));
        for (String name : LocalSecrets.NAMES) {
            if (name.startsWith("kafka-password-") || name.startsWith("database-password-")) {
                env.put(LocalSecrets.environmentVariable(name), secrets.get(name));
            }
        }
        return env;
    }
}
