package com.myagents.connectors.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends {@link OutgoingRequest}s with the JDK client and tells the two kinds of failure apart: the
 * request never left ({@link Unreachable}) or its fate is unknown ({@link NoAnswer}). Redirects are
 * not followed: a platform API that redirects a signed call is answered by failing, not by resending.
 */
public class Transport {

    private final HttpClient client;
    private final Duration timeout;

    public Transport(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public PlatformResponse send(OutgoingRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        request.headers().forEach(builder::header);
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, java.util.List<String>> headers = new TreeMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new PlatformResponse(response.statusCode(), headers, response.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new Unreachable(request + " could not connect: " + e, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException) {
                throw new Unreachable(request + " could not resolve the host", e);
            }
            throw new NoAnswer(request + " got no complete answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer(request + " was interrupted while waiting for its answer", e);
        }
    }
}
