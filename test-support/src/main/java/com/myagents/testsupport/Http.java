package com.myagents.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.myagents.http.identity.Hops;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the tests, as a browser or curl would call a door (cp-backend, pp-backend):
 * paths are resolved against the door's base address, asked for only when a request is built so the
 * door starts on first use.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Supplier<URI> base;
    private final String loginPath;

    /** A client of the door at {@code base}, whose sign-in is a POST of e-mail and password to {@code loginPath}. */
    public Http(Supplier<URI> base, String loginPath) {
        this.base = base;
        this.loginPath = loginPath;
    }

    /** A client of a service nobody signs in to (the callers' identities travel in headers). */
    public Http(Supplier<URI> base) {
        this(base, null);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.get().resolve(path)).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** With the body read as {@code body} says, e.g. as a stream for a download. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> get(String path, String bearer) {
        return send(request(path).header("Authorization", "Bearer " + bearer).GET().build());
    }

    public HttpResponse<String> putJson(String path, String bearer, String json) {
        return send(request(path).header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path, String bearer) {
        return send(request(path).header("Authorization", "Bearer " + bearer).DELETE().build());
    }

    /** Any method, a JSON body or none, and the correlation id the browser sent, or none. */
    public HttpResponse<String> call(String method, String path, String bearer, String jsonBody, String correlationId) {
        HttpRequest.Builder request = request(path).header("Authorization", "Bearer " + bearer)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (correlationId != null) {
            request.header(Hops.CORRELATION_HEADER, correlationId);
        }
        return send(request.build());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Signs in and returns the access token. */
    public String login(String email, String password) {
        if (loginPath == null) {
            throw new IllegalStateException("nobody signs in here");
        }
        HttpResponse<String> response = postJson(loginPath,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asString();
    }
}
