package com.myagents.embedded;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Authentication and authorization of the embedded broker: clients log in with SASL/SCRAM-SHA-512
 * as the users given here, every request is checked by the {@code StandardAuthorizer} against the
 * ACLs (no ACL, no access), and an unauthenticated client cannot even connect.
 *
 * <p>The broker itself is the one super user ({@value #BROKER_USER}). It logs in with SASL/PLAIN
 * against a user that exists only in its own configuration: KRaft cannot authenticate the
 * controller connection with SCRAM (the credentials live in the metadata the controller serves),
 * and a static broker login also lets the SCRAM users be (re)written on every start with
 * {@code Admin#alterUserScramCredentials}, on storage formatted before or after they existed.
 *
 * @param brokerPassword the broker's own password (it never leaves this JVM and the data directory)
 * @param scramUsers     principal name → password of every client user
 */
public record BrokerSecurity(String brokerPassword, Map<String, String> scramUsers) {

    public static final String BROKER_USER = "broker";
    public static final String CLIENT_MECHANISM = "SCRAM-SHA-512";
    static final String LISTENER = "CLIENTS";
    private static final int ITERATIONS = 8192;

    public BrokerSecurity {
        if (brokerPassword == null || brokerPassword.isEmpty() || brokerPassword.contains("\"")) {
            throw new IllegalArgumentException("the broker needs a password without double quotes");
        }
        scramUsers = Map.copyOf(scramUsers);
        if (scramUsers.containsKey(BROKER_USER)) {
            throw new IllegalArgumentException(BROKER_USER + " is the broker's own user");
        }
    }

    /** The broker settings that replace the plaintext listeners: SASL everywhere, ACLs enforced. */
    Map<String, String> brokerConfig(int brokerPort, int controllerPort) {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER_USER
                + "\" password=\"" + brokerPassword + "\" user_" + BROKER_USER + "=\"" + brokerPassword + "\";";
        String listener = LISTENER.toLowerCase();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listeners", LISTENER + "://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", LISTENER + "://localhost:" + brokerPort);
        config.put("listener.security.protocol.map", LISTENER + ":SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        config.put("inter.broker.listener.name", LISTENER);
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name." + listener + ".sasl.enabled.mechanisms", CLIENT_MECHANISM + ",PLAIN");
        config.put("listener.name." + listener + ".plain.sasl.jaas.config", plain);
        config.put("listener.name." + listener + ".scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        config.put("listener.name.controller.plain.sasl.jaas.config", plain);
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + BROKER_USER);
        config.put("allow.everyone.if.no.acl.found", "false");
        return config;
    }

    /** Client settings of the broker's own user: for provisioning (users, ACLs, topics), never for a service. */
    public Map<String, Object> superUserClientConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + BROKER_USER + "\" password=\"" + brokerPassword + "\";");
        return config;
    }

    /** Writes every SCRAM user (again: a changed password takes effect) and waits until the broker knows them. */
    void writeScramUsers(Admin admin) {
        writeScramUsers(admin, scramUsers);
    }

    /**
     * Writes {@code scramUsers} (name → password) as SCRAM-SHA-512 credentials with an admin client of
     * a super user, on any KRaft broker, and waits until the broker knows them.
     */
    public static void writeScramUsers(Admin admin, Map<String, String> scramUsers) {
        if (scramUsers.isEmpty()) {
            return;
        }
        List<UserScramCredentialAlteration> upserts = scramUsers.entrySet().stream()
                .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), user.getValue()))
                .toList();
        write("the SCRAM users of the broker", () -> {
            admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
            awaitKnown(admin, scramUsers);
        });
    }

    /**
     * Creates {@code acls} (an existing one is left as it is) and waits until the broker enforces
     * them: the controller commits them before the broker's authorizer has loaded them.
     */
    public static void createAcls(Admin admin, Collection<AclBinding> acls) {
        write("the Kafka ACLs", () -> {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).containsAll(acls)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not load its ACLs in time");
                }
                Thread.sleep(50);
            }
        });
    }

    /** One write through the admin client and the wait until the broker applies it. */
    private interface AdminWrite {
        void run() throws ExecutionException, java.util.concurrent.TimeoutException, InterruptedException;
    }

    /** Runs {@code write}; its failure, time-out or interruption in words naming {@code what} was written. */
    private static void write(String what, AdminWrite write) {
        try {
            write.run();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write " + what, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("writing " + what + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + what, e);
        }
    }

    /** The controller has committed the users; a client must not race the broker applying them. */
    private static void awaitKnown(Admin admin, Map<String, String> scramUsers) throws InterruptedException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (admin.describeUserScramCredentials(List.copyOf(scramUsers.keySet())).all().get(30, TimeUnit.SECONDS)
                        .keySet().containsAll(Set.copyOf(scramUsers.keySet()))) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // a user the broker does not know yet is reported as an error: ask again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not learn its SCRAM users in time");
            }
            Thread.sleep(50);
        }
    }

    /** Never the passwords. */
    @Override
    public String toString() {
        return "BrokerSecurity[users=" + scramUsers.keySet() + "]";
    }
}
