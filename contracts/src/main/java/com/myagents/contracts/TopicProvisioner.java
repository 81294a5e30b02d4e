package com.myagents.contracts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import com.myagents.contracts.security.KafkaClientSecurity;

/**
 * Creates the missing topics of {@link Topics} with their declared partitions and cleanup.
 * Idempotent: existing topics are left as they are.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    public static void ensureTopics(String bootstrapServers, short replicationFactor) {
        ensureTopics(bootstrapServers, KafkaClientSecurity.none(), replicationFactor);
    }

    /**
     * As the given principal: it must be allowed to describe every topic of the registry (then
     * nothing is created) or to create the missing ones.
     */
    public static void ensureTopics(String bootstrapServers, KafkaClientSecurity security, short replicationFactor) {
        ensureTopics(security.applyTo(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)), replicationFactor);
    }

    /** With an admin client of these settings (bootstrap and credentials, e.g. a super user's). */
    public static void ensureTopics(Map<String, Object> adminConfig, short replicationFactor) {
        Object bootstrapServers = adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.all().stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> t.newTopic(replicationFactor))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create topics on " + bootstrapServers, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
