package com.myagents.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.embedded.BrokerSecurity;
import com.myagents.enforcement.app.EnforcementStreamsConfig;
import com.myagents.goals.app.GoalRunnerStreamsConfig;
import com.myagents.plant.materializer.Materializer;

/**
 * Who may do what on the broker: one SCRAM principal per service that uses Kafka, plus the
 * read-only {@value #AUDITOR}. Only plant-store's outbox relay writes what customers asked for
 * (requests, approvals, subscriptions, hired agents, goals); only enforcement writes decisions and
 * commands; only connectors write results; the auditor reads denials and decisions and nothing
 * else. Anything not granted here is refused (the broker has no ACL, no access).
 */
final class KafkaAccessPolicy {

    static final String AUDITOR = "auditor";
    /** The console consumer's own group ids ({@code console-consumer-NNNNN}), and ours for auditors' tools. */
    static final List<String> AUDITOR_GROUP_PREFIXES = List.of("console-consumer-", "myagents-audit");
    static final String CONNECTORS_GROUP = "myagents-connectors";

    /** service name (as in MYAGENTS_SERVICES) → its Kafka principal; cp-backend and pp-backend use no Kafka. */
    static final Map<String, String> PRINCIPALS = Map.of("plant-store", "plant-store",
            "enforcement-streams", "enforcement", "goal-runner-streams", "goal-runner", "connectors", "connectors",
            "ingest-api", "ingest-api", "gateway", "gateway");

    private KafkaAccessPolicy() {
    }

    /** Every principal the broker must know: the services' and the auditor's. */
    static List<String> users() {
        List<String> users = new ArrayList<>(PRINCIPALS.values().stream().sorted().toList());
        users.add(AUDITOR);
        return users;
    }

    /** The secret (LocalSecrets name, env {@code MYAGENTS_KAFKA_PASSWORD_<PRINCIPAL>}) holding a principal's password. */
    static String passwordName(String principal) {
        return "kafka-password-" + principal;
    }

    static List<AclBinding> bindings() {
        List<AclBinding> acls = new ArrayList<>();
        String plantStore = PRINCIPALS.get("plant-store");
        write(acls, plantStore, Topics.EXECUTION_REQUESTS, Topics.APPROVALS, Topics.SUBSCRIPTIONS, Topics.HIRED_AGENTS,
                Topics.GOAL_CHANGES, Topics.GOAL_TRIGGERS);
        read(acls, plantStore, Materializer.TOPICS.toArray(Topic[]::new));
        // the materializer's poison records: it writes them to its dead-letter topic and reads them back for PP
        write(acls, plantStore, Topics.PLANT_DEAD_LETTERS);
        group(acls, plantStore, Materializer.DEFAULT_GROUP_ID, PatternType.LITERAL);

        String enforcement = PRINCIPALS.get("enforcement-streams");
        read(acls, enforcement, Topics.EXECUTION_REQUESTS, Topics.APPROVALS, Topics.SUBSCRIPTIONS, Topics.HIRED_AGENTS,
                Topics.EXECUTION_RESULTS, Topics.GOAL_RUN_REQUESTS, Topics.GOAL_RUN_REQUEST_BATCHES, Topics.GOAL_RUN_SETTLEMENTS);
        write(acls, enforcement, Topics.EXECUTION_DECISIONS, Topics.EXECUTION_COMMANDS, Topics.ENFORCEMENT_DENIALS,
                Topics.GOAL_RUN_DECISIONS);
        streamsApplication(acls, enforcement, EnforcementStreamsConfig.APPLICATION_ID);

        String goalRunner = PRINCIPALS.get("goal-runner-streams");
        read(acls, goalRunner, Topics.GOAL_CHANGES, Topics.HIRED_AGENTS, Topics.GOAL_TRIGGERS, Topics.GOAL_RUN_DECISIONS,
                Topics.EXECUTION_DECISIONS, Topics.MARK_PRICES);
        // a run the goal runner skips is recorded on the goal-run decisions (outcome skip), beside enforcement's;
        // metered runs ask in batches now, the per-run requests topic stays writable for a runner not yet upgraded
        write(acls, goalRunner, Topics.GOAL_TRIGGERS, Topics.GOAL_RUN_REQUESTS, Topics.GOAL_RUN_REQUEST_BATCHES, Topics.DELIVERABLE_DRAFTS,
                Topics.GOAL_RUN_DECISIONS, Topics.GOAL_RUN_SETTLEMENTS);
        streamsApplication(acls, goalRunner, GoalRunnerStreamsConfig.APPLICATION_ID);

        String connectors = PRINCIPALS.get("connectors");
        read(acls, connectors, Topics.EXECUTION_COMMANDS, Topics.HIRED_AGENTS);
        // a command connectors refuse (its signature does not verify) is a failed result: only
        // enforcement writes denials
        write(acls, connectors, Topics.EXECUTION_RESULTS, Topics.MARK_PRICES);
        group(acls, connectors, CONNECTORS_GROUP, PatternType.LITERAL);
        allow(acls, connectors, ResourceType.TRANSACTIONAL_ID, CONNECTORS_GROUP + "-", PatternType.PREFIXED, AclOperation.WRITE);
        allow(acls, connectors, ResourceType.TRANSACTIONAL_ID, CONNECTORS_GROUP + "-", PatternType.PREFIXED, AclOperation.DESCRIBE);

        read(acls, PRINCIPALS.get("ingest-api"), Topics.EXECUTION_DECISIONS);
        write(acls, PRINCIPALS.get("gateway"), Topics.ACCESS_RECORDS);

        // decisions of executions and of metered goal runs: what the replay verifier re-decides
        read(acls, AUDITOR, Topics.ENFORCEMENT_DENIALS, Topics.EXECUTION_DECISIONS, Topics.GOAL_RUN_DECISIONS);
        for (String prefix : AUDITOR_GROUP_PREFIXES) {
            group(acls, AUDITOR, prefix, PatternType.PREFIXED);
        }

        // Services that make sure the topics exist at start need to see that they do (nothing more).
        for (String service : List.of("plant-store", "enforcement-streams", "goal-runner-streams", "connectors")) {
            allow(acls, PRINCIPALS.get(service), ResourceType.TOPIC, "myagents.", PatternType.PREFIXED, AclOperation.DESCRIBE);
        }
        return List.copyOf(acls);
    }

    /** Writes every binding (creating an existing one again changes nothing) and waits until the broker enforces them. */
    static void apply(Admin admin) {
        BrokerSecurity.createAcls(admin, bindings());
    }

    /**
     * A Kafka Streams application with exactly-once: its internal topics (changelogs, repartition
     * topics, named after application.id) are its own, its consumer group, its transactional ids.
     */
    private static void streamsApplication(List<AclBinding> acls, String principal, String applicationId) {
        allow(acls, principal, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL);
        group(acls, principal, applicationId, PatternType.LITERAL);
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED, AclOperation.WRITE);
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED, AclOperation.DESCRIBE);
    }

    private static void read(List<AclBinding> acls, String principal, Topic<?, ?>... topics) {
        for (Topic<?, ?> topic : topics) {
            allow(acls, principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.READ);
        }
    }

    private static void write(List<AclBinding> acls, String principal, Topic<?, ?>... topics) {
        for (Topic<?, ?> topic : topics) {
            allow(acls, principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.WRITE);
        }
    }

    private static void group(List<AclBinding> acls, String principal, String group, PatternType pattern) {
        allow(acls, principal, ResourceType.GROUP, group, pattern, AclOperation.READ);
    }

    private static void allow(List<AclBinding> acls, String principal, ResourceType type, String name, PatternType pattern,
            AclOperation operation) {
        acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
    }
}
