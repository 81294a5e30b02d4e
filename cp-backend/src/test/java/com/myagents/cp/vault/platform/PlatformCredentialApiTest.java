package com.myagents.cp.vault.platform;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.myagents.cp.CapturedLogs;
import com.myagents.cp.CpDatabase;
import com.myagents.cp.Credentials;
import com.myagents.cp.Demo;
import com.myagents.cp.RunningCpBackend;

import tools.jackson.databind.JsonNode;

class PlatformCredentialApiTest {

    private static final String PATH = "/api/cp/platform-credentials";

    @Test
    void storesTokensAndAnswersWithARefAndAHintOnly() {
        String accessToken = Credentials.unique("AQV-linkedin-access");
        String refreshToken = Credentials.unique("AQW-linkedin-refresh");
        try (CapturedLogs logs = new CapturedLogs()) {
            // When the customer connects LinkedIn
            HttpResponse<String> created = HTTP.putJson(PATH, Demo.token(), """
                    {"platform":"linkedin","posting_identity":"urn:li:organization:42","access_token":"%s",
                     "refresh_token":"%s","expires_at":"2030-01-02T03:04:05+05:30"}""".formatted(accessToken, refreshToken));

            // Then they get an opaque ref, the platform, the identity and a masked hint
            String ref = Credentials.createdRef(created);
            JsonNode body = json(created);
            assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + ref);
            assertThat(body.get("platform").asString()).isEqualTo("linkedin");
            assertThat(body.get("posting_identity").asString()).isEqualTo("urn:li:organization:42");
            assertThat(body.get("hint").asString()).isEqualTo("****" + accessToken.substring(accessToken.length() - 4));
            assertThat(body.get("expires_at").asString()).isEqualTo("2030-01-01T21:34:05Z");
            assertThat(body.get("created_at").asString()).isNotBlank();
            assertThat(body.get("rotated_at").isNull()).isTrue();
            assertThat(body.get("last_used_at").isNull()).isTrue();

            // and neither listing nor reading it back ever shows a token
            HttpResponse<String> list = HTTP.get(PATH, Demo.token());
            HttpResponse<String> one = HTTP.get(PATH + "/" + ref, Demo.token());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(json(one)).isEqualTo(body);
            assertThat(refs(json(list).get("credentials"))).contains(ref);
            for (HttpResponse<String> response : List.of(created, list, one)) {
                assertThat(response.body()).doesNotContain(accessToken).doesNotContain(refreshToken)
                        .doesNotContain(accessToken.substring(0, 12));
            }

            // and the tokens are nowhere in cp's tables as text, nor in the logs
            assertThat(CpDatabase.tables()).contains("vault_entries", "platform_credentials", "credential_access_audit");
            // the scan does find what is stored in plain text
            assertThat(CpDatabase.whereStored("urn:li:organization:42")).contains("platform_credentials.posting_identity");
            assertThat(CpDatabase.whereStored(accessToken)).isEmpty();
            assertThat(CpDatabase.whereStored(refreshToken)).isEmpty();
            assertThat(logs.text()).doesNotContain(accessToken).doesNotContain(refreshToken);
        }
    }

    @Test
    void rotatesTheTokensOfAnExistingRef() {
        String ref = Credentials.platform(Demo.token(), "x", Credentials.unique("x-first"));
        String newToken = Credentials.unique("x-second");

        HttpResponse<String> rotated = HTTP.putJson(PATH, Demo.token(), """
                {"platform":"x","posting_identity":"@clinic_new","access_token":"%s","credential_ref":"%s"}"""
                .formatted(newToken, ref));

        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonNode body = json(rotated);
        assertThat(body.get("credential_ref").asString()).isEqualTo(ref);
        assertThat(body.get("posting_identity").asString()).isEqualTo("@clinic_new");
        assertThat(body.get("hint").asString()).isEqualTo("****" + newToken.substring(newToken.length() - 4));
        assertThat(body.get("rotated_at").isNull()).isFalse();
        assertThat(body.get("expires_at").isNull()).isTrue();
        assertThat(CpDatabase.whereStored(newToken)).isEmpty();
    }

    @Test
    void keepsAPlatformForTheLifeOfItsRef() {
        String ref = Credentials.platform(Demo.token(), "x", Credentials.unique("x-token"));

        HttpResponse<String> response = HTTP.putJson(PATH, Demo.token(), """
                {"platform":"facebook","posting_identity":"page","access_token":"abc","credential_ref":"%s"}"""
                .formatted(ref));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("pointer").asString()).isEqualTo("/platform");
    }

    @Test
    void namesEveryInvalidField() {
        HttpResponse<String> response = HTTP.putJson(PATH, Demo.token(),
                "{\"platform\":\"myspace\",\"posting_identity\":\" \",\"refresh_token\":\"" + "r".repeat(9000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(pointers(json(response))).containsExactly("/platform", "/posting_identity", "/access_token",
                "/refresh_token");
    }

    @Test
    void namesAMalformedExpiry() {
        HttpResponse<String> response = HTTP.putJson(PATH, Demo.token(),
                "{\"platform\":\"x\",\"posting_identity\":\"@a\",\"access_token\":\"t\",\"expires_at\":\"tomorrow\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(pointers(json(response))).containsExactly("/expires_at");
    }

    @Test
    void keepsTokensOfARejectedBodyOutOfTheAnswerAndTheLogs() {
        String token = Credentials.unique("rejected");
        try (CapturedLogs logs = new CapturedLogs()) {
            HttpResponse<String> unterminated = HTTP.putJson(PATH, Demo.token(),
                    "{\"platform\":\"x\",\"access_token\":\"" + token);
            HttpResponse<String> badField = HTTP.putJson(PATH, Demo.token(), """
                    {"platform":"x","posting_identity":"@a","access_token":"%s","expires_at":[1]}""".formatted(token));
            HttpResponse<String> invalid = HTTP.putJson(PATH, Demo.token(), """
                    {"platform":"nope","access_token":"%s"}""".formatted(token));

            for (HttpResponse<String> response : List.of(unterminated, badField, invalid)) {
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.body()).doesNotContain(token);
            }
            assertThat(logs.text()).doesNotContain(token);
        }
        assertThat(CpDatabase.whereStored(token)).isEmpty();
    }

    @Test
    void treatsAnotherCustomersRefAsNotFound() {
        String token = Credentials.unique("other-customers-token");
        String othersRef = Credentials.platform(Demo.otherToken(), "youtube", token);

        HttpResponse<String> read = HTTP.get(PATH + "/" + othersRef, Demo.token());
        HttpResponse<String> update = HTTP.putJson(PATH, Demo.token(), """
                {"platform":"youtube","posting_identity":"hijack","access_token":"mine","credential_ref":"%s"}"""
                .formatted(othersRef));
        HttpResponse<String> remove = HTTP.delete(PATH + "/" + othersRef, Demo.token());
        HttpResponse<String> list = HTTP.get(PATH, Demo.token());

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(update.statusCode()).isEqualTo(404);
        assertThat(remove.statusCode()).isEqualTo(404);
        assertThat(refs(json(list).get("credentials"))).doesNotContain(othersRef);
        // and the owner's credential is untouched
        JsonNode still = json(HTTP.get(PATH + "/" + othersRef, Demo.otherToken()));
        assertThat(still.get("posting_identity").asString()).isEqualTo("identity");
        assertThat(still.get("rotated_at").isNull()).isTrue();
    }

    @Test
    void deletesARefOfTheCaller() {
        String ref = Credentials.platform(Demo.token(), "instagram", Credentials.unique("ig"));

        assertThat(HTTP.delete(PATH + "/" + ref, Demo.token()).statusCode()).isEqualTo(204);
        assertThat(HTTP.get(PATH + "/" + ref, Demo.token()).statusCode()).isEqualTo(404);
        assertThat(HTTP.delete(PATH + "/" + ref, Demo.token()).statusCode()).isEqualTo(404);
        assertThat(CpDatabase.query("SELECT count(*) AS n FROM cp.platform_credentials WHERE credential_ref = ?", ref)
                .get(0).get("n")).isEqualTo(0L);
    }

    @Test
    void answersNotFoundForRefsThatCannotExist() {
        assertThat(HTTP.get(PATH + "/cref_nope", Demo.token()).statusCode()).isEqualTo(404);
        assertThat(HTTP.putJson(PATH, Demo.token(),
                "{\"platform\":\"x\",\"posting_identity\":\"@a\",\"access_token\":\"t\",\"credential_ref\":\"guess\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void needsACustomerToken() {
        RunningCpBackend.base();
        assertThat(HTTP.get(PATH, "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void keepsTokensOutOfItsRequestText() {
        PlatformCredentialRequest request = new PlatformCredentialRequest("x", "@a", "tok-123456789", "ref-987654321",
                null, null);

        assertThat(request.toString()).doesNotContain("tok-123456789").doesNotContain("ref-987654321");
    }

    private static List<String> refs(JsonNode credentials) {
        return credentials.valueStream().map(node -> node.get("credential_ref").asString()).toList();
    }

    private static List<String> pointers(JsonNode problem) {
        return problem.get("errors").valueStream().map(node -> node.get("pointer").asString()).toList();
    }
}
