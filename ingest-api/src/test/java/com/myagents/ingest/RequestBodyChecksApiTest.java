package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.DEMO_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;

/**
 * The static checks on request bodies (Bean Validation on the request records) answer through the
 * real server as every other refusal does: 400 problem+json naming the field by its JSON pointer,
 * with the words the API has always used, before anything is read or written.
 */
class RequestBodyChecksApiTest {

    private static final String SOME_ID = UUID.randomUUID().toString();

    final RunningIngestApi api = RunningIngestApi.get();

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/v1/subscriptions                    | {"agent_type_id":" "}                     | /agent_type_id   | is required
            PUT  | /api/v1/hired-agents/draft               | {"config":{}}                             | /subscription_id | is required
            PUT  | /api/v1/hired-agents/draft               | {"subscription_id":"x","config":[1]}      | /config          | must be a JSON object
            PUT  | /api/v1/hired-agents/draft               | {"subscription_id":"x"}                   | /config          | must be a JSON object
            PUT  | /api/v1/deliverables/ID                  | {"payload":"text"}                        | /payload         | must be a JSON object
            POST | /api/v1/deliverables/ID/review           | {"decision":"maybe"}                      | /decision        | must be approved or rejected
            POST | /api/v1/deliverables/ID/review           | {"decision":"approved","notes":"LONG"}    | /notes           | must be at most 2000 characters
            POST | /api/v1/deliverables/review-batch        | {"deliverable_ids":[],"decision":"approved"} | /deliverable_ids | must list 1 to 100 deliverables
            POST | /api/v1/deliverables/review-batch        | {"deliverable_ids":["ID"]}                | /decision        | must be approved or rejected
            POST | /api/v1/deliverables/ID/execute          | {"action":"Publish!"}                     | /action          | must be a lower-case action name such as publish or place_order
            """)
    void aBodyThatBreaksAStaticCheckIsRefusedNamingTheField(String method, String path, String body, String pointer,
                                                             String message) {
        HttpResponse<String> response = api.call(method, path.replace("ID", SOME_ID), DEMO_CUSTOMER,
                body.replace("ID", SOME_ID).replace("LONG", "n".repeat(2001)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("type").asString()).endsWith("/validation-failed");
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo(pointer);
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo(message);
    }
}
