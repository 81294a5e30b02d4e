package com.myagents.cp.media;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.myagents.cp.Demo;
import com.myagents.cp.RunningCpBackend;
import com.myagents.testsupport.Http;
import com.myagents.testsupport.RecordingGateway;
import com.myagents.testsupport.RecordingGateway.Received;
import com.myagents.testsupport.RunningDoor;

/** An image attached to a draft (the media picker's edit) must be one of the customer's own. */
class DraftImageTest {

    private static final RecordingGateway GATEWAY = RunningCpBackend.GATEWAY;
    private static final String DELIVERABLE = "9a8b7c6d-0000-4000-8000-000000000016";

    @RegisterExtension
    static final RunningDoor DOOR = RunningCpBackend.DOOR;

    @Test
    void anEditAttachingTheCallersOwnImageGoesToPlantAsSent() throws Exception {
        String mine = uploadedJpeg(Demo.token());
        String edit = """
                {"payload":{"platform":"instagram","text":"Flu shots this week","image":{"media_id":"%s"}}}""".formatted(mine);

        HttpResponse<String> response = HTTP.putJson("/api/cp/deliverables/" + DELIVERABLE, Demo.token(), edit);

        Received got = GATEWAY.next();
        assertThat(got.method()).isEqualTo("PUT");
        assertThat(got.path()).isEqualTo("/api/v1/deliverables/" + DELIVERABLE);
        assertThat(Http.JSON.readTree(got.body())).isEqualTo(Http.JSON.readTree(edit));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void anEditWithoutAnImageOrRemovingItGoesThroughUnchecked() throws Exception {
        HttpResponse<String> noImage = HTTP.putJson("/api/cp/deliverables/" + DELIVERABLE, Demo.token(),
                "{\"payload\":{\"text\":\"plain\"}}");
        GATEWAY.next();
        HttpResponse<String> removed = HTTP.putJson("/api/cp/deliverables/" + DELIVERABLE, Demo.token(),
                "{\"payload\":{\"text\":\"plain\",\"image\":null}}");
        GATEWAY.next();

        assertThat(noImage.statusCode()).isEqualTo(200);
        assertThat(removed.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnotherCustomersImageAnUnknownOneOrANonIdNamingTheFieldAndForwardsNothing() {
        String theirs = uploadedJpeg(Demo.otherToken());

        for (String mediaId : new String[] {"\"" + theirs + "\"", "\"" + UUID.randomUUID() + "\"", "\"../etc\"", "42"}) {
            HttpResponse<String> response = HTTP.putJson("/api/cp/deliverables/" + DELIVERABLE, Demo.token(),
                    "{\"payload\":{\"platform\":\"instagram\",\"image\":{\"media_id\":" + mediaId + "}}}");

            assertThat(response.statusCode()).as(mediaId).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(response).path("errors").get(0).path("pointer").asString()).isEqualTo("/payload/image/media_id");
            assertThat(response.body()).doesNotContain(Demo.OTHER_ID);
        }
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void anEditCannotSlipPastTheCheckByAnotherSpellingOfItsPath() {
        String theirs = uploadedJpeg(Demo.otherToken());
        String edit = "{\"payload\":{\"image\":{\"media_id\":\"" + theirs + "\"}}}";

        for (String path : new String[] {"/api/cp//deliverables/" + DELIVERABLE, "/api/cp/Deliverables/" + DELIVERABLE,
                "/api/cp/deliverables/" + DELIVERABLE + "/", "/api/cp/deliverables/not-a-uuid"}) {
            HttpResponse<String> response = HTTP.putJson(path, Demo.token(), edit);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
        }
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    private static String uploadedJpeg(String token) {
        HttpResponse<String> uploaded = HTTP.send(HTTP.request("/api/cp/media").header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(MediaLibraryApiTest.JPEG))
                .build());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return json(uploaded).path("media_id").asString();
    }
}
