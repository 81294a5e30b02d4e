package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.ADMIN;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.serde.EventJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The frontend's Plant API types are generated (openapi-typescript, at build time, offline) from
 * {@code frontend/openapi/plant.json}. This test keeps that file the document the real ingest-api
 * serves at {@code /v3/api-docs}: a changed controller or record fails here until the snapshot is
 * refreshed, so the CP/PP types cannot drift from Plant unnoticed.
 */
class OpenApiSnapshotTest {

    /** Surefire runs in the module directory; the snapshot lives with the code generated from it. */
    static final Path SNAPSHOT = Path.of("..", "frontend", "openapi", "plant.json");
    static final String REFRESH = "openapi.write";

    final RunningIngestApi api = RunningIngestApi.get();

    @Test
    void theCheckedInOpenApiSnapshotIsTheDocumentPlantServes() throws IOException {
        HttpResponse<String> response = api.call("GET", "/v3/api-docs", ADMIN, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = canonical(json(response));

        if (Boolean.getBoolean(REFRESH)) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, text(served), StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(SNAPSHOT))
                .as("%s is missing; write it with -D%s=true", SNAPSHOT.normalize(), REFRESH)
                .isTrue();
        JsonNode checkedIn = EventJson.MAPPER.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
        // equals, not a diff of two 60 kB documents: the message names where they part
        assertThat(checkedIn.equals(served))
                .as("""
                        %s is not the document ingest-api serves at /v3/api-docs (differences: %s).
                        Refresh it: ./mvnw -B -q -o -pl ingest-api -am verify -Dtest=OpenApiSnapshotTest \
                        -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -D%s=true
                        then rebuild the frontend (npm run generate:api) and fix what its type check finds.""",
                        SNAPSHOT.normalize(), differences("", checkedIn, served), REFRESH)
                .isTrue();
    }

    /**
     * The document without what changes from run to run (the generated server URL carries the
     * random port), keys sorted so the checked-in file diffs line by line.
     */
    static JsonNode canonical(JsonNode document) {
        ObjectNode copy = (ObjectNode) sorted(document);
        copy.remove("servers");
        return copy;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(entry -> fields.put(entry.getKey(), sorted(entry.getValue())));
            ObjectNode result = EventJson.MAPPER.createObjectNode();
            fields.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = EventJson.MAPPER.createArrayNode();
            node.forEach(item -> result.add(sorted(item)));
            return result;
        }
        return node;
    }

    private static String text(JsonNode document) {
        return EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    }

    /** The JSON pointers where the two documents part, the first few: enough to see what changed. */
    static List<String> differences(String at, JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        collect(at, expected, actual, found);
        return found.size() > 10 ? List.copyOf(found.subList(0, 10)) : found;
    }

    private static void collect(String at, JsonNode expected, JsonNode actual, List<String> found) {
        if (found.size() > 10 || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeMap<String, Boolean> names = new TreeMap<>();
            expected.propertyNames().forEach(name -> names.put(name, true));
            actual.propertyNames().forEach(name -> names.put(name, true));
            for (String name : names.keySet()) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    found.add(child + " (served, not in the file)");
                } else if (!actual.has(name)) {
                    found.add(child + " (in the file, no longer served)");
                } else {
                    collect(child, expected.get(name), actual.get(name), found);
                }
            }
            return;
        }
        found.add(at.isEmpty() ? "/" : at);
    }
}
