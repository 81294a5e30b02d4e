package com.myagents.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.myagents.embedded.FreePorts;

/**
 * How to run the local stack: where data lives, which ports, whether to use an external Kafka or
 * PostgreSQL instead of starting embedded ones, whether to seed the demo data.
 */
public record LocalStackOptions(
        Path dataDir,
        Ports ports,
        String externalKafka,
        ExternalDatabase externalDatabase,
        boolean demoData,
        Set<String> services,
        Map<String, String> overrides) {

    /** Every service of the system, in start order. */
    public static final List<String> ALL_SERVICES = List.of(
            "plant-store", "enforcement-streams", "goal-runner-streams", "connectors", "ingest-api", "gateway",
            "cp-backend", "pp-backend");

    /** The services in the order of their fields in {@link Ports}. */
    private static final List<String> ALL_SERVICES_BY_PORT_SLOT = List.of(
            "cp-backend", "pp-backend", "gateway", "ingest-api", "plant-store", "enforcement-streams",
            "goal-runner-streams", "connectors");

    public boolean runs(String service) {
        return services.isEmpty() || services.contains(service);
    }

    /**
     * Every port the stack listens on: the eight services' public ports, the embedded broker's
     * client and controller ports, PostgreSQL's, and each service's management port (actuator:
     * health, readiness, Prometheus metrics), by default its public port + {@value #MANAGEMENT_OFFSET}.
     */
    public record Ports(int cpBackend, int ppBackend, int gateway, int ingestApi, int plantStore,
                        int enforcement, int goalRunner, int connectors, int kafka, int kafkaController, int postgres,
                        Map<String, Integer> management) {

        /** Management port = public port + this, unless MYAGENTS_MGMT_PORT_&lt;SERVICE&gt; says otherwise. */
        public static final int MANAGEMENT_OFFSET = 100;

        public Ports {
            management = Map.copyOf(management);
        }

        /** These public and infrastructure ports, each service's management port at the default offset. */
        public Ports(int cpBackend, int ppBackend, int gateway, int ingestApi, int plantStore, int enforcement,
                     int goalRunner, int connectors, int kafka, int kafkaController, int postgres) {
            this(cpBackend, ppBackend, gateway, ingestApi, plantStore, enforcement, goalRunner, connectors, kafka,
                    kafkaController, postgres, offsetManagement(new int[] {cpBackend, ppBackend, gateway, ingestApi,
                            plantStore, enforcement, goalRunner, connectors}));
        }

        public static Ports defaults() {
            return new Ports(8080, 8081, 8090, 8091, 8092, 8093, 8094, 8095, 9092, 9093, 15432);
        }

        /** The public port of one service. */
        public int of(String service) {
            return publicPorts()[slot(service)];
        }

        /** The management port of one service. */
        public int managementOf(String service) {
            slot(service);
            return management.get(service);
        }

        /** These ports with one service's public port replaced; its management port moves along by the offset. */
        public Ports with(String service, int port) {
            int[] p = publicPorts();
            int index = slot(service);
            boolean managementAtOffset = management.get(service) == p[index] + MANAGEMENT_OFFSET;
            p[index] = port;
            Map<String, Integer> newManagement = new java.util.HashMap<>(management);
            if (managementAtOffset) {
                newManagement.put(service, port + MANAGEMENT_OFFSET);
            }
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], kafka, kafkaController, postgres, newManagement);
        }

        /** These ports with one service's management port replaced. */
        public Ports withManagement(String service, int port) {
            slot(service);
            Map<String, Integer> newManagement = new java.util.HashMap<>(management);
            newManagement.put(service, port);
            return new Ports(cpBackend, ppBackend, gateway, ingestApi, plantStore, enforcement, goalRunner, connectors,
                    kafka, kafkaController, postgres, newManagement);
        }

        /** These ports with the embedded broker's client and controller ports and PostgreSQL's replaced. */
        public Ports withInfrastructure(int newKafka, int newKafkaController, int newPostgres) {
            return new Ports(cpBackend, ppBackend, gateway, ingestApi, plantStore, enforcement, goalRunner, connectors,
                    newKafka, newKafkaController, newPostgres, management);
        }

        public static Ports free() {
            Map<String, Integer> management = new java.util.HashMap<>();
            for (String service : ALL_SERVICES_BY_PORT_SLOT) {
                management.put(service, FreePorts.next());
            }
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    management);
        }

        private int[] publicPorts() {
            return new int[] {cpBackend, ppBackend, gateway, ingestApi, plantStore, enforcement, goalRunner, connectors};
        }

        private static int slot(String service) {
            int index = ALL_SERVICES_BY_PORT_SLOT.indexOf(service);
            if (index < 0) {
                throw new IllegalArgumentException("no service " + service);
            }
            return index;
        }

        private static Map<String, Integer> offsetManagement(int[] publicPorts) {
            Map<String, Integer> management = new java.util.HashMap<>();
            for (int i = 0; i < publicPorts.length; i++) {
                management.put(ALL_SERVICES_BY_PORT_SLOT.get(i), publicPorts[i] + MANAGEMENT_OFFSET);
            }
            return management;
        }
    }

    public record ExternalDatabase(String url, String user, String password) {
    }

    /**
     * The README's defaults, changed by the environment: KAFKA_BOOTSTRAP_SERVERS, DATABASE_URL
     * (+ DATABASE_USER, DATABASE_PASSWORD), MYAGENTS_DATA_DIR, MYAGENTS_DEMO_DATA, and
     * MYAGENTS_SERVICES (comma-separated subset, as each container of docker-compose runs one).
     */
    public static LocalStackOptions fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("MYAGENTS_DATA_DIR", ".myagents-data")).toAbsolutePath();
        String databaseUrl = blankToNull(env.get("DATABASE_URL"));
        ExternalDatabase database = databaseUrl == null ? null : new ExternalDatabase(databaseUrl,
                env.getOrDefault("DATABASE_USER", "postgres"), env.getOrDefault("DATABASE_PASSWORD", ""));
        String services = env.getOrDefault("MYAGENTS_SERVICES", "");
        Set<String> selected = Arrays.stream(services.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        List<String> unknown = selected.stream().filter(s -> !ALL_SERVICES.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("MYAGENTS_SERVICES names unknown services " + unknown + "; known: " + ALL_SERVICES);
        }
        // Where the services are not all on localhost (one container each), say where the hops are.
        Map<String, String> hops = new java.util.HashMap<>();
        if (blankToNull(env.get("MYAGENTS_GATEWAY_URL")) != null) {
            hops.put("myagents.gateway.url", env.get("MYAGENTS_GATEWAY_URL"));
        }
        if (blankToNull(env.get("MYAGENTS_PLANT_URL")) != null) {
            hops.put("myagents.gateway.plant-url", env.get("MYAGENTS_PLANT_URL"));
        }
        if (blankToNull(env.get("MYAGENTS_VAULT_URL")) != null) {
            hops.put("myagents.connectors.vault-url", env.get("MYAGENTS_VAULT_URL"));
        }
        // MYAGENTS_PORT_<SERVICE> (e.g. MYAGENTS_PORT_CP_BACKEND=9080) moves one service's port (and its
        // management port along, at +100), MYAGENTS_MGMT_PORT_<SERVICE> its management port alone;
        // MYAGENTS_PORT_KAFKA, MYAGENTS_PORT_KAFKA_CONTROLLER and MYAGENTS_PORT_POSTGRES the embedded infrastructure's.
        Ports ports = Ports.defaults();
        for (String service : ALL_SERVICES) {
            String variable = service.toUpperCase().replace('-', '_');
            Integer port = port(env, "MYAGENTS_PORT_" + variable);
            if (port != null) {
                ports = ports.with(service, port);
            }
        }
        for (String service : ALL_SERVICES) {
            Integer port = port(env, "MYAGENTS_MGMT_PORT_" + service.toUpperCase().replace('-', '_'));
            if (port != null) {
                ports = ports.withManagement(service, port);
            }
        }
        Integer kafka = port(env, "MYAGENTS_PORT_KAFKA");
        Integer controller = port(env, "MYAGENTS_PORT_KAFKA_CONTROLLER");
        Integer postgres = port(env, "MYAGENTS_PORT_POSTGRES");
        ports = ports.withInfrastructure(kafka == null ? ports.kafka() : kafka,
                controller == null ? ports.kafkaController() : controller, postgres == null ? ports.postgres() : postgres);
        return new LocalStackOptions(dataDir, ports, blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                database, !"false".equalsIgnoreCase(env.get("MYAGENTS_DEMO_DATA")), selected, Map.copyOf(hops));
    }

    public LocalStackOptions withPorts(Ports newPorts) {
        return new LocalStackOptions(dataDir, newPorts, externalKafka, externalDatabase, demoData, services, overrides);
    }

    public LocalStackOptions withOverrides(Map<String, String> newOverrides) {
        return new LocalStackOptions(dataDir, ports, externalKafka, externalDatabase, demoData, services, newOverrides);
    }

    private static Integer port(Map<String, String> env, String variable) {
        String value = blankToNull(env.get(variable));
        if (value == null) {
            return null;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + "=" + value + " is not a port (1-65535)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
