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

    public record Ports(int cpBackend, int ppBackend, int gateway, int ingestApi, int plantStore,
                        int enforcement, int goalRunner, int connectors, int kafka, int kafkaController, int postgres) {

        public static Ports defaults() {
            return new Ports(8080, 8081, 8090, 8091, 8092, 8093, 8094, 8095, 9092, 9093, 15432);
        }

        /** These ports with one service's port replaced. */
        public Ports with(String service, int port) {
            int[] p = {cpBackend, ppBackend, gateway, ingestApi, plantStore, enforcement, goalRunner, connectors};
            int index = ALL_SERVICES_BY_PORT_SLOT.indexOf(service);
            if (index < 0) {
                throw new IllegalArgumentException("no service " + service);
            }
            p[index] = port;
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], kafka, kafkaController, postgres);
        }

        public static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
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
        // MYAGENTS_PORT_<SERVICE> (e.g. MYAGENTS_PORT_CP_BACKEND=9080) moves one service's port
        Ports ports = Ports.defaults();
        for (String service : ALL_SERVICES) {
            String port = blankToNull(env.get("MYAGENTS_PORT_" + service.toUpperCase().replace('-', '_')));
            if (port != null) {
                ports = ports.with(service, Integer.parseInt(port));
            }
        }
        return new LocalStackOptions(dataDir, ports, blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                database, !"false".equalsIgnoreCase(env.get("MYAGENTS_DEMO_DATA")), selected, Map.copyOf(hops));
    }

    public LocalStackOptions withPorts(Ports newPorts) {
        return new LocalStackOptions(dataDir, newPorts, externalKafka, externalDatabase, demoData, services, overrides);
    }

    public LocalStackOptions withOverrides(Map<String, String> newOverrides) {
        return new LocalStackOptions(dataDir, ports, externalKafka, externalDatabase, demoData, services, newOverrides);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
