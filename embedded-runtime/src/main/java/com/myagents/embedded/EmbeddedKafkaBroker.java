package com.myagents.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * Kafka's own production server in KRaft mode (broker and controller in one node), started in
 * this JVM. The storage is formatted once; later starts on the same directory keep every topic
 * and offset, as a real broker would.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private BrokerSecurity security;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Open to anonymous clients (module tests): one plaintext listener, no authorizer. */
    public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort, int controllerPort) {
        return start(dataDir, brokerPort, controllerPort, null);
    }

    /**
     * With {@code security}: SASL/SCRAM users, ACLs enforced, anonymous clients refused (the local
     * runtime's default). Without (null): as {@link #start(Path, int, int)}.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort, int controllerPort, BrokerSecurity security) {
        EmbeddedKafkaBroker broker = startServer(dataDir, brokerPort, controllerPort, security);
        if (security != null) {
            broker.security = security;
            try (Admin admin = Admin.create(broker.superUserClientConfig())) {
                security.writeScramUsers(admin);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }
        return broker;
    }

    private static EmbeddedKafkaBroker startServer(Path dataDir, int brokerPort, int controllerPort, BrokerSecurity security) {
        try {
            Files.createDirectories(dataDir);
            Map<String, String> config = config(dataDir, brokerPort, controllerPort);
            if (security != null) {
                config.putAll(security.brokerConfig(brokerPort, controllerPort));
            }
            Path configFile = dataDir.resolve("server.properties");
            Properties properties = new Properties();
            properties.putAll(config);
            try (OutputStream out = Files.newOutputStream(configFile)) {
                properties.store(out, "written by myagents embedded-runtime on every start");
            }
            if (security != null) {
                // it holds the broker's password
                Files.setPosixFilePermissions(configFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            format(dataDir, configFile);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafkaBroker(server, "localhost:" + brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    /** A single node: every internal topic has one replica, transactions (exactly-once) included; no rebalance delay. */
    private static final Map<String, String> SINGLE_NODE = Map.of("offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1", "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0");

    private static Map<String, String> config(Path dataDir, int brokerPort, int controllerPort) {
        Map<String, String> config = new TreeMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", dataDir.resolve("logs").toString());
        config.putAll(SINGLE_NODE);
        config.put("num.partitions", "6");
        config.put("auto.create.topics.enable", "false");
        config.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return config;
    }

    private static void format(Path dataDir, Path configFile) throws IOException {
        Path clusterIdFile = dataDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {
                "format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether clients must authenticate (and are checked against ACLs). */
    public boolean secured() {
        return security != null;
    }

    /**
     * Client settings (bootstrap included) of a super user, for provisioning topics, users and
     * ACLs: the broker's own login when secured, anonymous otherwise. Never give it to a service.
     */
    public Map<String, Object> superUserClientConfig() {
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (security != null) {
            config.putAll(security.superUserClientConfig());
        }
        return config;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Controlled shutdown, bounded. The broker half (which closes every partition's log cleanly)
     * goes first inside {@code KafkaRaftServer.shutdown}; the controller half then shuts down the
     * raft manager. On a single combined node that last step has been seen to spin for minutes on
     * the raft I/O thread (stack: {@code SharedServer.ensureNotRaftLeader} → {@code
     * KafkaRaftManager.shutdown} → raft I/O thread still reading metadata batches), which blocks a
     * JVM shutdown hook for good. Nothing of ours runs on that thread (our part was stopping
     * PostgreSQL and the services from racing JVM hooks of their own at the same time; the launcher
     * now stops them first, in order), so the stop is given {@code timeout} and then abandoned: the
     * partitions are already closed, and the metadata log is recovered on the next start as after
     * any unclean stop. Kafka's side: in combined mode {@code ControllerServer.shutdown} shuts down
     * the raft manager the broker half shares (see KAFKA-18584, same code path); no Kafka issue
     * describing this exact spin was found, so the bound stays until Kafka's own shutdown is.
     *
     * @return true when the server stopped within {@code timeout}
     */
    public boolean close(Duration timeout) {
        Thread stopping = new Thread(this::close, "kafka-embedded-stop");
        stopping.setDaemon(true);
        stopping.start();
        try {
            stopping.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !stopping.isAlive();
    }
}
