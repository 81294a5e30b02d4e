package com.myagents.cp.drafts;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.cp.Credentials;
import com.myagents.cp.Demo;
import com.myagents.cp.RunningCpBackend;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.testsupport.Http;
import com.myagents.testsupport.RecordingGateway;
import com.myagents.testsupport.RecordingGateway.Received;
import com.myagents.testsupport.RunningDoor;

import tools.jackson.databind.JsonNode;

class DraftConfigTest {

    private static final String PATH = "/api/cp/hired-agents/draft";
    private static final RecordingGateway GATEWAY = RunningCpBackend.GATEWAY;

    @RegisterExtension
    static final RunningDoor DOOR = RunningCpBackend.DOOR;

    @Test
    void forwardsAConfigWhoseRefsAreAllTheCallers() throws Exception {
        String linkedin = Credentials.platform(Demo.token(), "linkedin", "tok");
        String x = Credentials.platform(Demo.token(), "x", "tok");
        String exchange = Credentials.exchange(Demo.token());
        String draft = """
                {"subscription_id":"s-1","config":{"nickname":"Sunrise","platform_credentials":{
                 "linkedin":{"credential_ref":"%s"},"x":{"credential_ref":"%s"}},
                 "backup":[{"exchange_credential_ref":"%s"}],"unset":{"credential_ref":null}}}"""
                .formatted(linkedin, x, exchange);

        HttpResponse<String> response = HTTP.putJson(PATH, Demo.token(), draft);

        // Then Plant gets the same document, as the verified customer, through the usual door
        Received got = GATEWAY.next();
        assertThat(got.method()).isEqualTo("PUT");
        assertThat(got.path()).isEqualTo("/api/v1/hired-agents/draft");
        assertThat(Http.JSON.readTree(got.body())).isEqualTo(Http.JSON.readTree(draft));
        Principal asserted = new IdentityTokens(Hops.GATEWAY_ISSUER, RunningCpBackend.SERVICE_KEY)
                .verify(got.header("Authorization").substring(7), Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE);
        assertThat(asserted.id()).isEqualTo(Demo.CUSTOMER_ID);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("path").asString()).isEqualTo("/api/v1/hired-agents/draft");
    }

    @Test
    void refusesAnotherCustomersRefNamingItsPointerAndForwardsNothing() {
        String mine = Credentials.platform(Demo.token(), "x", "tok");
        String theirs = Credentials.platform(Demo.otherToken(), "linkedin", "tok");

        HttpResponse<String> response = HTTP.putJson(PATH, Demo.token(), """
                {"subscription_id":"s-1","config":{"platform_credentials":{
                 "linkedin":{"credential_ref":"%s"},"x":{"credential_ref":"%s"}}}}""".formatted(theirs, mine));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = json(response).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("pointer").asString()).isEqualTo("/config/platform_credentials/linkedin/credential_ref");
        assertThat(response.body()).doesNotContain(Demo.OTHER_ID);
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void refusesUnknownRefsRefsOfTheWrongKindAndNonStringRefs() {
        String platform = Credentials.platform(Demo.token(), "facebook", "tok");
        String exchange = Credentials.exchange(Demo.token());

        HttpResponse<String> response = HTTP.putJson(PATH, Demo.token(), """
                {"config":{"exchange_credential_ref":"%s","platform_credentials":{"facebook":{"credential_ref":"%s"},
                 "x":{"credential_ref":"cref_linkedin01"},"y":{"credential_ref":42},
                 "we/ird~key":{"credential_ref":["%s"]}}}}""".formatted(platform, exchange, platform));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").valueStream().map(error -> error.get("pointer").asString()).toList())
                .containsExactly("/config/exchange_credential_ref", "/config/platform_credentials/facebook/credential_ref",
                        "/config/platform_credentials/x/credential_ref", "/config/platform_credentials/y/credential_ref",
                        "/config/platform_credentials/we~1ird~0key/credential_ref");
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=UTF-16", "application/json; charset=UTF-16BE",
            "application/yaml", "text/plain", "application/x-www-form-urlencoded"})
    void refusesAnyOtherDeclaredTypeOrCharsetWith415AndForwardsNothing(String contentType) {
        String theirs = Credentials.platform(Demo.otherToken(), "linkedin", "tok");
        // read as UTF-8 JSON this is an unreadable body; read as UTF-16 (or YAML) it carries a foreign ref
        java.nio.charset.Charset charset = contentType.contains("UTF-16BE") ? java.nio.charset.StandardCharsets.UTF_16BE
                : contentType.contains("UTF-16") ? java.nio.charset.StandardCharsets.UTF_16
                : java.nio.charset.StandardCharsets.UTF_8;
        String body = contentType.contains("yaml") ? "config:\n  credential_ref: " + theirs + "\n"
                : "{\"config\":{\"credential_ref\":\"" + theirs + "\"}}";

        HttpResponse<String> response = HTTP.send(HTTP.request(PATH).header("Authorization", "Bearer " + Demo.token())
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(charset))).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void refusesUtf16BytesDeclaredAsJsonRatherThanGuessTheirEncoding() {
        String theirs = Credentials.platform(Demo.otherToken(), "linkedin", "tok");

        HttpResponse<String> response = HTTP.send(HTTP.request(PATH).header("Authorization", "Bearer " + Demo.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(("{\"config\":{\"credential_ref\":\"" + theirs + "\"}}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_16LE))).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void forwardsTheDocumentItCheckedReSerialisedNotTheCallersSpelling() throws Exception {
        String mine = Credentials.platform(Demo.token(), "x", "tok");

        HttpResponse<String> response = HTTP.putJson(PATH, Demo.token(),
                "{ \"config\" : { \"credential\\u005fref\" :\n \"" + mine + "\" } }");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GATEWAY.next().body()).isEqualTo("{\"config\":{\"credential_ref\":\"" + mine + "\"}}");
    }

    @Test
    void refusesABodyItCannotReadOrThatRepeatsAKey() {
        String mine = Credentials.platform(Demo.token(), "x", "tok");
        String theirs = Credentials.platform(Demo.otherToken(), "x", "tok");

        HttpResponse<String> truncated = HTTP.putJson(PATH, Demo.token(), "{\"config\":{\"credential_ref\":");
        // one parser might keep the first, another the last: neither gets the chance
        HttpResponse<String> repeated = HTTP.putJson(PATH, Demo.token(), """
                {"config":{"credential_ref":"%s","credential_ref":"%s"}}""".formatted(mine, theirs));

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void forwardsAConfigWithoutRefsAndAnEmptyBodyForPlantToJudge() throws Exception {
        HttpResponse<String> withoutRefs = HTTP.putJson(PATH, Demo.token(), "{\"config\":{\"nickname\":\"Desk\"}}");
        Received first = GATEWAY.next();
        HttpResponse<String> empty = HTTP.send(HTTP.request(PATH).header("Authorization", "Bearer " + Demo.token())
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        Received second = GATEWAY.next();

        assertThat(withoutRefs.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"config\":{\"nickname\":\"Desk\"}}");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/hired-agents//draft", "/api/cp/hired-agents/draft/", "/api/cp/hired-agents/DRAFT",
            "/api/cp/hired-agents/dr%61ft/"})
    void letsNoOtherSpellingOfThePathAroundTheCheck(String path) {
        String theirs = Credentials.platform(Demo.otherToken(), "linkedin", "tok");

        HttpResponse<String> response = HTTP.putJson(path, Demo.token(),
                "{\"config\":{\"credential_ref\":\"" + theirs + "\"}}");

        assertThat(response.statusCode()).isIn(400, 404);
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void letsNoOtherMethodOnThePathThrough() {
        for (String method : List.of("POST", "PATCH", "GET", "DELETE")) {
            HttpResponse<String> response = HTTP.send(HTTP.request(PATH).header("Authorization", "Bearer " + Demo.token())
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"config\":{}}")).build());

            assertThat(response.statusCode()).as(method).isIn(404, 405);
        }
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void refusesABodyLargerThanTheDoorForwards() {
        String huge = "{\"config\":{\"offerings\":[\"" + "x".repeat(2 * 1024 * 1024) + "\"]}}";

        // chunked, so the door has to count for itself
        HttpResponse<String> response = HTTP.send(HTTP.request(PATH).header("Authorization", "Bearer " + Demo.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(huge))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }
}
