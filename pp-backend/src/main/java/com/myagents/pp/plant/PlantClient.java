package com.myagents.pp.plant;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.door.GatewayProperties;
import com.myagents.http.door.ServiceAssertions;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plant's JSON API as pp-backend itself calls it, for actions that read or check before they change
 * anything (agent-type validation and publishing): always through the gateway, as the verified
 * operator, under the operator's correlation id.
 */
@Component
public class PlantClient {

    /** An answer from Plant: its status, its JSON body (or null) and its content type. */
    public record Reply(int status, JsonNode body, String contentType) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The answer passed on to the browser as Plant gave it. */
        public ResponseEntity<Object> relay() {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
            if (contentType != null) {
                builder.header(HttpHeaders.CONTENT_TYPE, contentType);
            }
            return builder.body(body);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PlantClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;
    private final Duration timeout;
    private final ServiceAssertions assertions;

    public PlantClient(GatewayProperties gateway, ServiceAssertions assertions) {
        String url = gateway.url().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = gateway.timeout();
        this.assertions = assertions;
    }

    public Reply get(String path, Principal operator, String correlationId) {
        return send(request(path, operator, correlationId).GET());
    }

    public Reply post(String path, JsonNode body, Principal operator, String correlationId) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest.Builder request = request(path, operator, correlationId).POST(publisher);
        if (body != null) {
            request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, Principal operator, String correlationId) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .header(HttpHeaders.AUTHORIZATION, assertions.bearerFor(operator))
                .header(Hops.CORRELATION_HEADER, correlationId);
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()),
                    response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(null));
        } catch (HttpTimeoutException e) {
            log.warn("gateway {} timed out after {}", request.uri(), timeout);
            throw ApiProblem.gatewayTimeout("Plant did not answer in time");
        } catch (ConnectException e) {
            throw ApiProblem.badGateway("the gateway is unreachable");
        } catch (IOException e) {
            log.warn("gateway {} failed: {}", request.uri(), e.toString());
            throw ApiProblem.badGateway("the gateway failed to answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.badGateway("the call to Plant was interrupted");
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            return JSON.getNodeFactory().stringNode(body);
        }
    }
}
