package com.myagents.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.embedded.BrokerSecurity;

/**
 * {@code java -jar myagents.jar --provision}: what a deployment with its own Kafka and PostgreSQL
 * (docker-compose) does once before the services start, with administrator credentials that no
 * service gets: the Kafka users of the services and the auditor, their ACLs and the topics
 * (KAFKA_ADMIN_USERNAME / KAFKA_ADMIN_PASSWORD, a super user logging in with SASL/PLAIN); the
 * database owner and the services' login roles (DATABASE_ADMIN_USER / DATABASE_ADMIN_PASSWORD, a
 * superuser; DATABASE_USER / DATABASE_PASSWORD name the owner Flyway migrates with). Passwords come
 * from the MYAGENTS_KAFKA_PASSWORD_* and MYAGENTS_DATABASE_PASSWORD_* variables.
 */
final class Provisioning {

    private static final Logger log = LoggerFactory.getLogger(Provisioning.class);

    private Provisioning() {
    }

    static void run(Map<String, String> env) throws SQLException {
        if (!DatabaseRoles.OWNER.equals(env.get("DATABASE_USER"))) {
            throw new IllegalArgumentException("DATABASE_USER must be " + DatabaseRoles.OWNER + " (the owner Flyway migrates with)");
        }
        String bootstrap = required(env, "KAFKA_BOOTSTRAP_SERVERS");
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        admin.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        admin.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + required(env, "KAFKA_ADMIN_USERNAME") + "\" password=\"" + required(env, "KAFKA_ADMIN_PASSWORD") + "\";");
        Map<String, String> users = new LinkedHashMap<>();
        for (String user : KafkaAccessPolicy.users()) {
            users.put(user, required(env, LocalSecrets.environmentVariable(KafkaAccessPolicy.passwordName(user))));
        }
        try (Admin kafka = Admin.create(admin)) {
            BrokerSecurity.writeScramUsers(kafka, users);
            KafkaAccessPolicy.apply(kafka);
        }
        TopicProvisioner.ensureTopics(admin, Short.parseShort(env.getOrDefault("MYAGENTS_KAFKA_REPLICATION_FACTOR", "1")));
        log.info("Kafka on {}: users {}, their ACLs and the topics are in place", bootstrap, users.keySet());

        String url = required(env, "DATABASE_URL");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection superuser = DriverManager.getConnection(url, required(env, "DATABASE_ADMIN_USER"),
                required(env, "DATABASE_ADMIN_PASSWORD"))) {
            DatabaseRoles.provision(superuser, database, name -> DatabaseRoles.OWNER_PASSWORD.equals(name)
                    ? required(env, "DATABASE_PASSWORD")
                    : required(env, LocalSecrets.environmentVariable(name)));
        }
        log.info("PostgreSQL {}: owner {} and roles {} are in place", url, DatabaseRoles.OWNER,
                DatabaseRoles.SERVICE_ROLES.values());
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set (needed by --provision)");
        }
        return value;
    }
}
