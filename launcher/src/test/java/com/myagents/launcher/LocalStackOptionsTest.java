package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackOptionsTest {

    @TempDir
    Path dir;

    @Test
    void withNothingSetItIsTheReadmesDefault() {
        LocalStackOptions options = LocalStackOptions.fromEnvironment(Map.of());

        assertThat(options.dataDir()).isEqualTo(Path.of(".myagents-data").toAbsolutePath());
        assertThat(options.externalKafka()).isNull();
        assertThat(options.externalDatabase()).isNull();
        assertThat(options.demoData()).isTrue();
        assertThat(options.ports()).isEqualTo(LocalStackOptions.Ports.defaults());
        assertThat(LocalStackOptions.ALL_SERVICES).allMatch(options::runs);
    }

    @Test
    void theEnvironmentNamesExternalInfrastructureOneServiceItsPortAndItsHops() {
        LocalStackOptions options = LocalStackOptions.fromEnvironment(Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"),
                Map.entry("DATABASE_URL", "jdbc:postgresql://db:5432/myagents"), Map.entry("DATABASE_USER", "u"),
                Map.entry("DATABASE_PASSWORD", "p"), Map.entry("MYAGENTS_DATA_DIR", dir.toString()),
                Map.entry("MYAGENTS_DEMO_DATA", "false"), Map.entry("MYAGENTS_SERVICES", "gateway, connectors"),
                Map.entry("MYAGENTS_PORT_GATEWAY", "9190"), Map.entry("MYAGENTS_GATEWAY_URL", "http://gateway:8090"),
                Map.entry("MYAGENTS_PLANT_URL", "http://ingest-api:8091"), Map.entry("MYAGENTS_VAULT_URL", "http://cp-backend:8080")));

        assertThat(options.externalKafka()).isEqualTo("kafka:9092");
        assertThat(options.externalDatabase()).isEqualTo(
                new LocalStackOptions.ExternalDatabase("jdbc:postgresql://db:5432/myagents", "u", "p"));
        assertThat(options.demoData()).isFalse();
        assertThat(options.runs("gateway")).isTrue();
        assertThat(options.runs("connectors")).isTrue();
        assertThat(options.runs("cp-backend")).isFalse();
        assertThat(options.ports().gateway()).isEqualTo(9190);
        assertThat(options.ports().cpBackend()).isEqualTo(8080);
        assertThat(options.overrides()).containsEntry("myagents.gateway.url", "http://gateway:8090")
                .containsEntry("myagents.gateway.plant-url", "http://ingest-api:8091")
                .containsEntry("myagents.connectors.vault-url", "http://cp-backend:8080");
        assertThat(options.withPorts(LocalStackOptions.Ports.defaults()).ports().gateway()).isEqualTo(8090);
        assertThat(options.withOverrides(Map.of("a", "b")).overrides()).containsOnlyKeys("a");
    }

    @Test
    void anUnknownServiceIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> LocalStackOptions.fromEnvironment(Map.of("MYAGENTS_SERVICES", "gateway,nope")))
                .hasMessageContaining("nope").hasMessageContaining("cp-backend");
        assertThatThrownBy(() -> LocalStackOptions.Ports.defaults().with("nope", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyServiceCanBeMovedToItsOwnPort() {
        LocalStackOptions.Ports ports = LocalStackOptions.Ports.defaults();
        int port = 20000;
        for (String service : LocalStackOptions.ALL_SERVICES) {
            ports = ports.with(service, ++port);
        }
        assertThat(ports).isEqualTo(new LocalStackOptions.Ports(20007, 20008, 20006, 20005, 20001, 20002, 20003, 20004,
                9092, 9093, 15432));
    }

    @Test
    void everyPortMovesTheInfrastructureAndTheManagementPortsToo() {
        LocalStackOptions options = LocalStackOptions.fromEnvironment(Map.of(
                "MYAGENTS_PORT_KAFKA", "19092", "MYAGENTS_PORT_KAFKA_CONTROLLER", "19093", "MYAGENTS_PORT_POSTGRES", "25432",
                "MYAGENTS_PORT_PLANT_STORE", "18092", "MYAGENTS_MGMT_PORT_GATEWAY", "28090"));

        assertThat(options.ports().kafka()).isEqualTo(19092);
        assertThat(options.ports().kafkaController()).isEqualTo(19093);
        assertThat(options.ports().postgres()).isEqualTo(25432);
        assertThat(options.ports().of("plant-store")).isEqualTo(18092);
        assertThat(options.ports().managementOf("plant-store")).as("moves along with its service").isEqualTo(18192);
        assertThat(options.ports().managementOf("gateway")).isEqualTo(28090);
        assertThat(options.ports().of("gateway")).isEqualTo(8090);
        assertThat(LocalStackOptions.Ports.defaults().managementOf("cp-backend")).isEqualTo(8180);
        assertThatThrownBy(() -> LocalStackOptions.fromEnvironment(Map.of("MYAGENTS_PORT_POSTGRES", "70000")))
                .hasMessageContaining("MYAGENTS_PORT_POSTGRES=70000 is not a port");
        assertThatThrownBy(() -> LocalStackOptions.Ports.defaults().managementOf("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStopDeadlineIsThirtySecondsUnlessSet() {
        assertThat(Launcher.stopTimeout(Map.of())).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(Launcher.stopTimeout(Map.of("MYAGENTS_STOP_TIMEOUT", "45"))).isEqualTo(java.time.Duration.ofSeconds(45));
        assertThat(Launcher.stopTimeout(Map.of("MYAGENTS_STOP_TIMEOUT", "PT1M"))).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThatThrownBy(() -> Launcher.stopTimeout(Map.of("MYAGENTS_STOP_TIMEOUT", "soon")))
                .hasMessageContaining("MYAGENTS_STOP_TIMEOUT=soon");
    }

    @Test
    void keysAreGeneratedOnceAndReadBackAndWipeRemovesEverything() throws Exception {
        LocalSecrets first = LocalSecrets.loadOrCreate(dir);
        LocalSecrets again = LocalSecrets.loadOrCreate(dir);

        for (String name : LocalSecrets.NAMES) {
            assertThat(again.get(name)).isEqualTo(first.get(name)).hasSizeGreaterThanOrEqualTo(43);
        }
        assertThat(first.get("cp-service-key")).isNotEqualTo(first.get("pp-service-key"));
        assertThatThrownBy(() -> first.get("no-such-key")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.getPosixFilePermissions(dir.resolve("secrets.properties")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        Launcher.wipe(dir);
        Launcher.wipe(dir);
        assertThat(dir).doesNotExist();
    }
}
