package com.myagents.ingest.ops;

import static com.myagents.ingest.ops.OpsPlant.AUDITOR;
import static com.myagents.ingest.ops.OpsPlant.SUPPORT;
import static com.myagents.ingest.ops.OpsPlant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;

import tools.jackson.databind.JsonNode;

/**
 * The dead letters over the real path: a record nobody can read goes onto a stream output topic,
 * the materializer dead-letters it and reads it back into plant.dead_letters, and support lists it.
 */
class OpsDeadLettersApiTest {

    final OpsPlant plant = OpsPlant.get();

    @Test
    void supportSeesARecordTheMaterializerDeadLetteredWithWhereItCameFromAndWhy() {
        String key = "poison-" + UUID.randomUUID();

        plant.publishRaw(Topics.EXECUTION_RESULTS.name(), key, "{not json".getBytes(StandardCharsets.UTF_8));

        JsonNode letter = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> find(key), found -> found != null);
        assertThat(letter.path("topic").asString()).isEqualTo(Topics.EXECUTION_RESULTS.name());
        assertThat(letter.path("partition").asInt()).isBetween(0, Topics.PARTITIONS - 1);
        assertThat(letter.path("offset").asLong()).isNotNegative();
        assertThat(letter.path("error").asString()).isNotBlank();
        assertThat(letter.path("value").asString()).isEqualTo("{not json");
        assertThat(letter.path("dead_lettered_at").asString()).isNotBlank();
    }

    @Test
    void onlySupportAndAdminsSeeDeadLettersAndAPageIsChecked() {
        var auditor = plant.call("GET", "/api/v1/ops/dead-letters", AUDITOR, null);
        var customer = plant.call("GET", "/api/v1/ops/dead-letters", OpsPlant.DEMO_CUSTOMER, null);
        var badSize = plant.call("GET", "/api/v1/ops/dead-letters?size=0", SUPPORT, null);

        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(json(auditor).path("reason").asString()).isEqualTo(OperatorViews.ROLE_NOT_ALLOWED);
        assertThat(customer.statusCode()).isEqualTo(404);
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(badSize.body()).contains("size");
    }

    private JsonNode find(String key) {
        JsonNode page = json(plant.call("GET", "/api/v1/ops/dead-letters?size=200", SUPPORT, null));
        assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(page.path("dead_letters").size());
        return StreamSupport.stream(page.path("dead_letters").spliterator(), false)
                .filter(letter -> key.equals(letter.path("key").asString())).findFirst().orElse(null);
    }
}
