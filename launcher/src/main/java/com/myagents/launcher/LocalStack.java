package com.myagents.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
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
import com.myagents.embedded.FreePorts;
import com.myagents.enforcement.EnforcementApplication;
import com.myagents.gateway.GatewayApplication;
import com.myagents.goals.GoalRunnerApplication;
import com.myagents.ingest.IngestApiApplication;
import com.myagents.launcher.lifecycle.StartFailure;
import com.myagents.launcher.lifecycle.StopSequence;
import com.myagents.plant.PlantStoreApplication;
import com.myagents.pp.PpBackendApplication;

/**
 * The whole system in one JVM: a real Kafka broker and a real PostgreSQL (unless external ones are
 * configured), then every service as its own Spring context on its own port, in dependency order,
 * one progress line per component. It stops in a fixed order, each step bounded (see
 * {@link #stopSequence()}); a stop asked for while it is still starting stops what has started and
 * starts nothing more.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    /** The vault's internal listener beside the default ports: connectors only, never published. */
    static final int VAULT_DEFAULT_PORT = 8096;

    /** The doors first, so that nothing new comes in while the rest drains. */
    private static final List<String> DOORS = List.of("cp-backend", "pp-backend", "gateway");
    private static final List<String> STREAM_APPS = List.of("enforcement-streams", "goal-runner-streams");

    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private final Map<String, Runnable> starters = new LinkedHashMap<>();
    private final LocalStackOptions options;
    /** Held while one component starts and while the stack stops: a stop waits for the start in flight. */
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile boolean stopping;
    private EmbeddedKafkaBroker kafka;
    private EmbeddedPostgresServer postgres;
    private final LocalSecrets keys;
    private String bootstrapServers;
    private String jdbcUrl;
    private EmbeddedKafkaBroker embeddedKafka;

    private LocalStack(LocalStackOptions options) {
        this.options = options;
        this.keys = LocalSecrets.loadOrCreate(options.dataDir());
    }

    public static LocalStack start(LocalStackOptions options) {
        LocalStack stack = prepare(options);
        stack.startAll();
        return stack;
    }

    /** A stack not started yet, so that a stop can be wired before the start begins. */
    public static LocalStack prepare(LocalStackOptions options) {
        return new LocalStack(options);
    }

    /**
     * Starts every component in order.
     *
     * @throws StartFailure naming the component that did not start and why, after stopping the rest
     * @throws StopRequested when a stop was asked for meanwhile (what had started is stopped by that stop)
     */
    public void startAll() {
        try {
            startInfrastructure();
            startServices();
        } catch (StopRequested e) {
            throw e;
        } catch (RuntimeException e) {
            if (stopping) {
                // a component that failed because the stop took its broker or database away: not a start failure
                throw new StopRequested();
            }
            close();
            throw e;
        }
    }

    /** Thrown by {@link #startAll()} when a stop came while it was starting. */
    public static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stop requested while starting");
        }
    }

    private void startInfrastructure() {
        if (options.externalKafka() != null) {
            bootstrapServers = options.externalKafka();
        } else {
            Path dir = options.dataDir().resolve("kafka");
            component("kafka", dir, () -> {
                StartFailure.requireFree("kafka", "Kafka's client (MYAGENTS_PORT_KAFKA)", options.ports().kafka());
                StartFailure.requireFree("kafka", "Kafka's controller (MYAGENTS_PORT_KAFKA_CONTROLLER)",
                        options.ports().kafkaController());
                kafka = EmbeddedKafkaBroker.start(dir, options.ports().kafka(), options.ports().kafkaController(),
                        brokerSecurity());
                embeddedKafka = kafka;
                bootstrapServers = kafka.bootstrapServers();
                return "KRaft on " + bootstrapServers + " (SASL/SCRAM + ACLs), controller on "
                        + options.ports().kafkaController();
            });
        }
        component("topics", null, () -> {
            if (embeddedKafka != null) {
                try (Admin admin = Admin.create(embeddedKafka.superUserClientConfig())) {
                    KafkaAccessPolicy.apply(admin);
                }
                TopicProvisioner.ensureTopics(embeddedKafka.superUserClientConfig(), (short) 1);
                return "every topic of the registry exists; one principal per service, ACLs applied";
            }
            if (!externalKafkaSecured()) {
                TopicProvisioner.ensureTopics(bootstrapServers, (short) 1);
            }
            return "every topic of the registry exists";
        });
        if (options.externalDatabase() != null) {
            jdbcUrl = options.externalDatabase().url();
        } else {
            Path dir = options.dataDir().resolve("postgres");
            component("postgresql", dir, () -> {
                StartFailure.requireFree("postgresql", "PostgreSQL (MYAGENTS_PORT_POSTGRES)", options.ports().postgres());
                // stopped by this stack, last, not by a JVM hook of its own racing the services that use it
                postgres = EmbeddedPostgresServer.start(dir, options.ports().postgres(), "myagents",
                        keys.get(LocalSecrets.POSTGRES_SUPERUSER_PASSWORD), false);
                jdbcUrl = postgres.jdbcUrl();
                try (Connection superuser = DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password())) {
                    DatabaseRoles.provision(superuser, "myagents", keys::get);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create the database roles", e);
                }
                return jdbcUrl + " (a login per service)";
            });
        }
    }

    /** Starts one component under the lifecycle lock, with its progress line, or names it in its failure. */
    private void component(String name, Path dataDir, Supplier<String> starter) {
        lifecycle.lock();
        try {
            if (stopping) {
                throw new StopRequested();
            }
            long begin = System.nanoTime();
            String where;
            try {
                where = starter.get();
            } catch (RuntimeException e) {
                throw StartFailure.of(name, e, dataDir);
            }
            log.info("  up  {} in {} ms  ({})", String.format("%-20s", name), (System.nanoTime() - begin) / 1_000_000, where);
        } finally {
            lifecycle.unlock();
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
        // the vault resolves on its own listener, never on CP's public port: 8096 beside the default ports
        int vaultPort = ports.equals(LocalStackOptions.Ports.defaults()) ? VAULT_DEFAULT_PORT : FreePorts.next();
        start("connectors", ConnectorsApplication::builder, ports.connectors(), Map.of(
                "myagents.enforcement.command-signing-key", keys.get("command-signing-key"),
                "myagents.vault.resolver-key", keys.get("vault-resolver-key"),
                "myagents.connectors.vault-url", "http://localhost:" + vaultPort));
        start("ingest-api", IngestApiApplication::builder, ports.ingestApi(), Map.of(
                "myagents.plant.identity-key", keys.get("plant-identity-key"),
                "myagents.review.receipt-key", keys.get("review-receipt-key")));
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
                "myagents.vault.resolver-key", keys.get("vault-resolver-key"),
                "myagents.vault.internal-port", Integer.toString(vaultPort)));
        start("pp-backend", PpBackendApplication::builder, ports.ppBackend(), Map.of(
                "myagents.gateway.url", gatewayUrl,
                "myagents.gateway.service-key", keys.get("pp-service-key"),
                "myagents.tokens.key", keys.get("operator-token-key"),
                "myagents.review.receipt-key", keys.get("review-receipt-key")));
    }

    /** What every service of this stack is started with, whatever its name and port. */
    private static final Map<String, String> EVERY_SERVICE = Map.ofEntries(
            Map.entry("spring.main.banner-mode", "off"),
            // the launcher prints one progress line per component; Boot's own start-up lines would repeat it
            Map.entry("spring.main.log-startup-info", "false"),
            // This stack stops its services in order (see stopSequence), not each context's own JVM hook
            Map.entry("spring.main.register-shutdown-hook", "false"),
            Map.entry("logging.register-shutdown-hook", "false"),
            // The doors stop accepting and finish what is in flight, briefly
            Map.entry("server.shutdown", "graceful"),
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "4s"),
            Map.entry("management.endpoints.web.exposure.include", "health,prometheus,metrics,info"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.show-details", "always"),
            // eight contexts in one JVM: each keeps its own registry, none joins the JVM-wide global one
            Map.entry("management.metrics.use-global-registry", "false"));

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
        properties.putAll(EVERY_SERVICE);
        int management = options.ports().managementOf(name);
        properties.put("management.server.port", Integer.toString(management));
        properties.put("management.metrics.tags.service", name);
        properties.putAll(credentials(name));
        properties.putAll(own);
        properties.putAll(options.overrides());
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        Runnable starter = () -> component(name, null, () -> {
            ConfigurableApplicationContext context = builder.get().run(args);
            synchronized (services) {
                services.put(name, context);
            }
            return "port " + port + ", management " + management;
        });
        starters.put(name, starter);
        starter.run();
    }

    /** Stops one service the way an orchestrator would (its state stays in Kafka and PostgreSQL). */
    public void stop(String name) {
        ConfigurableApplicationContext context;
        synchronized (services) {
            context = services.remove(name);
        }
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

    /**
     * The stop, in its order: the doors stop accepting (CP, PP, gateway, side by side) → ingest-api →
     * plant-store (outbox relay, materializer) → the stream apps (closed side by side, bounded) →
     * connectors → the broker (controlled shutdown) → PostgreSQL. Each step is bounded; a step past
     * its bound is named and left behind. Waits (bounded) for a component that is starting now;
     * after it, nothing more starts.
     */
    public StopSequence stopSequence() {
        stopping = true;
        List<StopSequence.Step> steps = new ArrayList<>();
        steps.add(StopSequence.Step.of("starting component", Duration.ofSeconds(15), this::awaitStartInFlight));
        steps.add(servicesStep("doors", Duration.ofSeconds(5), DOORS));
        steps.add(servicesStep("ingest-api", Duration.ofSeconds(4), List.of("ingest-api")));
        steps.add(servicesStep("plant-store", Duration.ofSeconds(4), List.of("plant-store")));
        steps.add(servicesStep("stream apps", Duration.ofSeconds(8), STREAM_APPS));
        steps.add(servicesStep("connectors", Duration.ofSeconds(4), List.of("connectors")));
        steps.add(StopSequence.Step.of("kafka", Duration.ofSeconds(8), this::stopKafka));
        steps.add(StopSequence.Step.of("postgresql", Duration.ofSeconds(5), this::stopPostgres));
        return new StopSequence(steps);
    }

    /** Until the component starting now (if any) is up; past the step's bound the stop goes on without it. */
    private void awaitStartInFlight() {
        try {
            lifecycle.lockInterruptibly();
            lifecycle.unlock();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StopSequence.Step servicesStep(String step, Duration bound, List<String> names) {
        List<Runnable> parts = new ArrayList<>();
        for (String name : names) {
            parts.add(() -> stop(name));
        }
        if (parts.isEmpty()) {
            parts.add(() -> { });
        }
        return new StopSequence.Step(step, bound, parts);
    }

    private void stopKafka() {
        EmbeddedKafkaBroker broker = kafka;
        kafka = null;
        if (broker != null && !broker.close(Duration.ofSeconds(6))) {
            log.warn("Kafka's controller did not finish its raft shutdown in 6 s (see EmbeddedKafkaBroker#close(Duration)); "
                    + "the broker's partitions are closed, the metadata log is recovered on the next start");
        }
    }

    private void stopPostgres() {
        EmbeddedPostgresServer server = postgres;
        postgres = null;
        if (server != null) {
            server.close();
        }
    }

    /** Stops everything in the order of {@link #stopSequence()}, each step bounded. */
    @Override
    public void close() {
        StopSequence.Outcome outcome = stopSequence().run();
        if (!outcome.clean()) {
            log.warn("stopped; these steps overran their bound: {}", outcome.overran());
        }
    }
}
