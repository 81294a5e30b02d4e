package com.myagents.connectors.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.myagents.connectors.http.Json;

import tools.jackson.databind.JsonNode;

/**
 * Instagram's container step as Meta runs it: the platform itself downloads {@code image_url}
 * when the container is created, and refuses the container when what it gets is not a JPEG/PNG
 * image (an expired or forged signed URL gets cp-backend's 403, so no container either).
 */
final class InstagramFetchesImage implements ResponseDefinitionTransformerV2 {

    static final String NAME = "instagram-fetches-image";

    /** Every image fetch the stub made: the URL and the HTTP status it got. */
    final List<Fetch> fetches = new CopyOnWriteArrayList<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Fetch(String url, int status, int bytes) {
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode body = Json.readTree(event.getRequest().getBodyAsString());
        String url = Json.text(body, "image_url");
        int status;
        byte[] image;
        String type;
        try {
            HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            status = got.statusCode();
            image = got.body();
            type = got.headers().firstValue("Content-Type").orElse("");
        } catch (Exception e) {
            status = 0;
            image = new byte[0];
            type = "";
        }
        fetches.add(new Fetch(url, status, image.length));
        boolean isImage = status == 200 && (type.equals("image/jpeg") || type.equals("image/png")) && image.length > 4;
        if (!isImage) {
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"The media could not be fetched from this uri: " + url
                            + "\",\"type\":\"OAuthException\",\"code\":9004,\"error_subcode\":2207052}}")
                    .build();
        }
        String container = event.getTransformerParameters().getString("container_id");
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + container + "\"}").build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
