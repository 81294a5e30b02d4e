package com.myagents.cp.media;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.publishing.MediaUrls;
import com.myagents.cp.Demo;
import com.myagents.cp.RunningCpBackend;

import tools.jackson.databind.JsonNode;

/** A customer's media library, and the signed address a platform fetches an image from. */
class MediaLibraryApiTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Test
    void uploadsAJpegListsItPreviewsItAndServesItToAPlatformOnlyWithAValidSignature() {
        HttpResponse<String> uploaded = upload(Demo.token(), "image/jpeg", JPEG, "clinic.jpg");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode asset = json(uploaded);
        String mediaId = asset.path("media_id").asString();
        assertThat(asset.path("content_type").asString()).isEqualTo("image/jpeg");
        assertThat(asset.path("size_bytes").asInt()).isEqualTo(JPEG.length);

        assertThat(json(HTTP.get("/api/cp/media", Demo.token())).path("media").toString()).contains(mediaId);
        HttpResponse<byte[]> preview = bytes(HTTP.request("/api/cp/media/" + mediaId + "/content")
                .header("Authorization", "Bearer " + Demo.token()).GET().build());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).isEqualTo(JPEG);

        // a platform: no login, only the signature a connector made with the shared key
        String customer = Demo.CUSTOMER_ID;
        MediaUrls urls = new MediaUrls(RunningCpBackend.MEDIA_KEY);
        URI signed = urls.sign(URI.create("http://ignored"), customer, mediaId, Instant.now().plusSeconds(300));
        HttpResponse<byte[]> fetched = bytes(HTTP.request(signed.getRawPath() + "?" + signed.getRawQuery()).GET().build());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(fetched.body()).isEqualTo(JPEG);

        URI expired = urls.sign(URI.create("http://ignored"), customer, mediaId, Instant.now().minusSeconds(1));
        URI forged = new MediaUrls(new byte[32]).sign(URI.create("http://ignored"), customer, mediaId,
                Instant.now().plusSeconds(300));
        URI otherImage = urls.sign(URI.create("http://ignored"), customer, UUID.randomUUID().toString(),
                Instant.now().plusSeconds(300));
        for (URI refused : new URI[] {expired, forged, otherImage}) {
            assertThat(bytes(HTTP.request(refused.getRawPath() + "?" + refused.getRawQuery()).GET().build()).statusCode())
                    .as(refused.toString()).isEqualTo(403);
        }
    }

    @Test
    void refusesWhatIsNotAJpegOrPngByItsBytesTooLargeOrEmptyNamingTheField() {
        HttpResponse<String> gif = upload(Demo.token(), "image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a'}, null);
        HttpResponse<String> lyingPng = upload(Demo.token(), "image/png", JPEG, null);
        HttpResponse<String> script = upload(Demo.token(), "image/jpeg", "<script>alert(1)</script>".getBytes(), null);
        HttpResponse<String> empty = upload(Demo.token(), "image/png", new byte[0], null);
        HttpResponse<String> huge = upload(Demo.token(), "image/jpeg", hugeJpeg(), null);
        HttpResponse<String> badName = upload(Demo.token(), "image/png", PNG, "../../etc/passwd");

        for (HttpResponse<String> refused : java.util.List.of(gif, lyingPng, script, empty, huge, badName)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(json(lyingPng).path("errors").get(0).path("pointer").asString()).isEqualTo("/file");
        assertThat(json(lyingPng).path("errors").get(0).path("message").asString()).contains("first bytes");
        assertThat(json(badName).path("errors").get(0).path("pointer").asString()).isEqualTo("/name");
        assertThat(upload(Demo.token(), "image/png", PNG, "smile.png").statusCode()).isEqualTo(201);
    }

    @Test
    void anotherCustomersImageIsNotFoundAndTheLibraryNeedsALogin() {
        String mediaId = json(upload(Demo.token(), "image/jpeg", JPEG, null)).path("media_id").asString();

        HttpResponse<String> other = HTTP.get("/api/cp/media/" + mediaId + "/content", Demo.otherToken());
        HttpResponse<String> anonymous = HTTP.send(HTTP.request("/api/cp/media").GET().build());

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(json(HTTP.get("/api/cp/media", Demo.otherToken())).path("media").toString()).doesNotContain(mediaId);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static byte[] hugeJpeg() {
        byte[] content = new byte[MediaController.MAX_BYTES + 1];
        System.arraycopy(JPEG, 0, content, 0, JPEG.length);
        return content;
    }

    private static HttpResponse<String> upload(String token, String type, byte[] content, String name) {
        return HTTP.send(HTTP.request("/api/cp/media" + (name == null ? "" : "?name=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    private static HttpResponse<byte[]> bytes(HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
