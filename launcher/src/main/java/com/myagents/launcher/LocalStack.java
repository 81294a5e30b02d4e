package com.myagents.launcher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.security.KafkaClientSecurity;
import com.myagents.connectors.ConnectorsApplication;
import com.myagents.cp.CpBackendApplication;
import com.myagents.embedded.BrokerSecurity;
import com.myagents.embedded.EmbeddedKafkaBroker;
import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.enforcement.EnforcementApplication;
import com.myagents.gateway.GatewayApplication;
import com.myagents.goals.GoalRunnerApplication;
import com.myagents.ingest.IngestApiApplication;
import com.myagents.plant.PlantStoreApplication;
import com.myagents.pp.PpBackendApplication;

/**
 * The whole system in one JVM: a real Kafka broker and a real PostgreSQL (unless external ones are
 * configured), then every service as its own Spring context on its own port, in dependency order.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private final Map<String, Runnable> starters = new LinkedHashMap<>();
    private final LocalStackOptions options;
    private final LocalSecrets keys;
    private String bootstrapServers;
    private String jdbcUrl;
    private EmbeddedKafkaBroker embeddedKafka;

    private LocalStack(LocalStackOptions options) {
        this.options = options;
        this.keys = LocalSecrets.loadOrCreate(options.dataDir());
    }

    public static LocalStack start(LocalStackOptions options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startInfrastructure();
            stack.startServices();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        if (options.externalKafka() != null) {
            bootstrapServers = options.externalKafka();
        } else {
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(options.dataDir().resolve("kafka"),
                    options.ports().kafka(), options.ports().kafkaController(), brokerSecurity());
            started.add(kafka);
            embeddedKafka = kafka;
            bootstrapServers = kafka.bootstrapServers();
            log.info("Kafka (KRaft, embedded, SASL/SCRAM + ACLs) on {}", bootstrapServers);
            try (Admin admin = Admin.create(kafka.superUserClientConfig())) {
                KafkaAccessPolicy.apply(admin);
            }
            TopicProvisioner.ensureTopics(kafka.superUserClientConfig(), (short) 1);
        }
        if (options.externalKafka() != null && !externalKafkaSecured()) {
            TopicProvisioner.ensureTopics(bootstrapServers, (short) 1);
        }
        if (options.externalDatabase() != null) {
            jdbcUrl = options.externalDatabase().url();
        } else {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(options.dataDir().resolve("postgres"),
                    options.ports().postgres(), "myagents", keys.get(LocalSecrets.POSTGRES_SUPERUSER_PASSWORD));
            started.add(postgres);
            jdbcUrl = postgres.jdbcUrl();
            try (Connection superuser = DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password())) {
                DatabaseRoles.provision(superuser, "myagents", keys::get);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the database roles", e);
            }
            log.info("PostgreSQL (embedded, a login per service) on {}", jdbcUrl);
        }
    }

    /** The embedded broker's users: one per service that uses Kafka, and the auditor. */
    private BrokerSecurity brokerSecurity() {
        Map<String, String> users = new LinkedHashMap<>();
        for (String user : KafkaAccessPolicy.users()) {
            users.put(user, keys.get(KafkaAccessPolicy.passwordName(user)));
        }
        return new BrokerSecurity(keys.get(LocalSecrets.KAFKA_BROKER_PASSWORD), users);
    }

    /** An external broker is taken as secured when the environment gives the services' Kafka passwords. */
    private boolean externalKafkaSecured() {
        return KafkaAccessPolicy.PRINCIPALS.values().stream()
                .anyMatch(principal -> keys.fromEnvironment(KafkaAccessPolicy.passwordName(principal)) != null);
    }

    /**
     * Who one service is to Kafka and PostgreSQL. Embedded: its own SCRAM principal and its own
     * database role (Flyway migrates as the owner), passwords from the data directory. External:
     * the same from MYAGENTS_KAFKA_PASSWORD_<PRINCIPAL> and MYAGENTS_DATABASE_PASSWORD_<SERVICE>
     * (then DATABASE_USER is the owner Flyway uses), or, without them, anonymous Kafka and
     * DATABASE_USER for everything.
     */
    private Map<String, String> credentials(String service) {
        Map<String, String> properties = new LinkedHashMap<>();
        String principal = KafkaAccessPolicy.PRINCIPALS.get(service);
        if (principal != null) {
            String name = KafkaAccessPolicy.passwordName(principal);
            String password = options.externalKafka() == null ? keys.get(name) : keys.fromEnvironment(name);
            if (password != null) {
                properties.put(KafkaClientSecurity.USERNAME_PROPERTY, principal);
                properties.put(KafkaClientSecurity.PASSWORD_PROPERTY, password);
            }
        }
        String role = DatabaseRoles.SERVICE_ROLES.get(service);
        if (role != null) {
            String name = DatabaseRoles.passwordName(service);
            boolean embedded = options.externalDatabase() == null;
            String password = embedded ? keys.get(name) : keys.fromEnvironment(name);
            if (password != null) {
                properties.put("spring.datasource.username", role);
                properties.put("spring.datasource.password", password);
                properties.put("spring.flyway.user", embedded ? DatabaseRoles.OWNER : options.externalDatabase().user());
                properties.put("spring.flyway.password",
                        embedded ? keys.get(DatabaseRoles.OWNER_PASSWORD) : options.externalDatabase().password());
            }
        }
        return properties;
    }

    private void startServices() {
        LocalStackOptions.Ports ports = options.ports();
        String gatewayUrl = "http://localhost:" + ports.gateway();
        // Order matters: plant-store migrates the schema; ingest-api listens for decisions; the doors last.
        start("plant-store", PlantStoreApplication::builder, ports.plantStore(), Map.of());
        start("enforcement-streams", EnforcementApplication::builder, ports.enforcement(), Map.of(
                "myagents.enforcement.command-signing-key", keys.get("command-signing-key")));
        start("goal-runner-streams", GoalRunnerApplication::builder, ports.goalRunner(), Map.of());
        start("connectors", ConnectorsApplication::builder, ports.connectors(), Map.of(
                "myagents.enforcement.command-signing-key", keys.get("command-signing-key"),
                "myagents.vault.resolver-key", keys.get("vault-resolver-key"),
                "myagents.connectors.vault-url", "http://localhost:" + ports.cpBackend()));
        start("ingest-api", IngestApiApplication::builder, ports.ingestApi(), Map.of(
                "myagents.plant.identity-key", keys.get("plant-identity-key")));
        start("gateway", GatewayApplication::builder, ports.gateway(), Map.of(
                "myagents.gateway.plant-url", "http://localhost:" + ports.ingestApi(),
                "myagents.gateway.plant-identity-key", keys.get("plant-identity-key"),
                "myagents.gateway.clients.cp-backend.key", keys.get("cp-service-key"),
                "myagents.gateway.clients.pp-backend.key", keys.get("pp-service-key")));
        start("cp-backend", CpBackendApplication::builder, ports.cpBackend(), Map.of(
                "myagents.gateway.url", gatewayUrl,
                "myagents.gateway.service-key", keys.get("cp-service-key"),
                "myagents.tokens.key", keys.get("customer-token-key"),
                "myagents.vault.master-key", keys.get("vault-master-key"),
                "myagents.vault.resolver-key", keys.get("vault-resolver-key")));
        start("pp-backend", PpBackendApplication::builder, ports.ppBackend(), Map.of(
                "myagents.gateway.url", gatewayUrl,
                "myagents.gateway.service-key", keys.get("pp-service-key"),
                "myagents.tokens.key", keys.get("operator-token-key")));
    }

    private void start(String name, Supplier<SpringApplicationBuilder> builder, int port, Map<String, String> own) {
        if (!options.runs(name)) {
            return;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(port));
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("spring.datasource.url", jdbcUrl);
        if (options.externalDatabase() != null) {
            properties.put("spring.datasource.username", options.externalDatabase().user());
            properties.put("spring.datasource.password", options.externalDatabase().password());
        } else {
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        }
        properties.put("myagents.data-dir", options.dataDir().toString());
        properties.put("myagents.demo-data", Boolean.toString(options.demoData()));
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(credentials(name));
        properties.putAll(own);
        properties.putAll(options.overrides());
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        Runnable starter = () -> {
            long begin = System.nanoTime();
            services.put(name, builder.get().run(args));
            log.info("{} up on port {} in {} ms", name, port, (System.nanoTime() - begin) / 1_000_000);
        };
        starters.put(name, starter);
        starter.run();
        started.add(() -> stop(name));
    }

    /** Stops one service the way an orchestrator would (its state stays in Kafka and PostgreSQL). */
    public void stop(String name) {
        ConfigurableApplicationContext context = services.remove(name);
        if (context != null) {
            context.close();
        }
    }

    /** Starts a stopped service again with exactly the settings it had. */
    public void restart(String name) {
        stop(name);
        Runnable starter = starters.get(name);
        if (starter == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        starter.run();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Settings of a Kafka client that logs in as {@code principal} (e.g. {@code auditor}) where the
     * broker wants a login: the embedded one, or an external one given its password in the environment.
     */
    public Map<String, Object> kafkaClientConfig(String principal) {
        String name = KafkaAccessPolicy.passwordName(principal);
        String password = embeddedKafka != null ? keys.get(name) : keys.fromEnvironment(name);
        KafkaClientSecurity security = password == null ? KafkaClientSecurity.none() : KafkaClientSecurity.scram(principal, password);
        return security.applyTo(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** The embedded broker's super user (it sees every topic): for provisioning and for checks in tests. */
    public Map<String, Object> kafkaSuperUserConfig() {
        return embeddedKafka != null ? embeddedKafka.superUserClientConfig() : Map.of("bootstrap.servers", bootstrapServers);
    }

    public Map<String, ConfigurableApplicationContext> services() {
        return Collections.unmodifiableMap(services);
    }

    public Path dataDir() {
        return options.dataDir();
    }

    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("error while stopping", e);
            }
        }
        started.clear();
        services.clear();
    }
}
