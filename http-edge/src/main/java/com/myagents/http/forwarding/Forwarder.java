package com.myagents.http.forwarding;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.myagents.http.body.InMemoryBodyRequest;
import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Hops;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Sends the current request one hop further: same method, query and body, only
 * {@link ServerOnlyHeaders forwardable} caller headers, this request's correlation id, and the
 * headers the hop itself vouches for (e.g. a signed identity).
 */
public class Forwarder {

    /** Upstream response headers a caller may see; everything else stays behind this hop. */
    public static final List<String> RETURNED_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, Hops.CORRELATION_HEADER);

    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

    /** Bodies are buffered; JSON commands are small, so anything bigger than this is refused. */
    public static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;

    private final HttpClient client;
    private final String base;
    private final Duration timeout;
    private final long maxBodyBytes;

    public Forwarder(HttpClient client, URI base, Duration timeout) {
        this(client, base, timeout, DEFAULT_MAX_BODY_BYTES);
    }

    /** @param maxBodyBytes larger request bodies are answered 413 without being forwarded */
    public Forwarder(HttpClient client, URI base, Duration timeout, long maxBodyBytes) {
        this.client = client;
        this.maxBodyBytes = maxBodyBytes;
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = timeout;
    }

    /**
     * @param targetPath   path on the upstream, starting with {@code /}
     * @param extraHeaders headers this hop adds; they replace any caller header of the same name
     * @throws ApiProblem 502 when the upstream cannot be reached, 504 when it does not answer in time
     */
    public ResponseEntity<byte[]> forward(HttpServletRequest request, String targetPath,
                                          Map<String, String> extraHeaders) {
        HttpResponse<byte[]> response = send(outgoing(request, targetPath, extraHeaders),
                HttpResponse.BodyHandlers.ofByteArray());
        return ResponseEntity.status(response.statusCode())
                .headers(returnedHeaders(response))
                .body(response.body());
    }

    /**
     * Like {@link #forward}, but the answer's body is passed on as it arrives instead of being
     * buffered: for downloads of any size (audit exports). The body's own end is the upstream's.
     */
    public ResponseEntity<StreamingResponseBody> forwardStreaming(HttpServletRequest request, String targetPath,
                                                                  Map<String, String> extraHeaders) {
        HttpResponse<InputStream> response = send(outgoing(request, targetPath, extraHeaders),
                HttpResponse.BodyHandlers.ofInputStream());
        HttpHeaders headers = returnedHeaders(response);
        response.headers().firstValue(HttpHeaders.CONTENT_DISPOSITION)
                .ifPresent(value -> headers.set(HttpHeaders.CONTENT_DISPOSITION, value));
        InputStream upstream = response.body();
        StreamingResponseBody body = out -> {
            try (InputStream in = upstream) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.status(response.statusCode()).headers(headers).body(body);
    }

    /** The upstream's answer, or the problem a caller can act on when there is none. */
    private <T> HttpResponse<T> send(HttpRequest outgoing, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(outgoing, handler);
        } catch (HttpTimeoutException e) {
            log.warn("upstream {} timed out after {}", outgoing.uri(), timeout);
            throw ApiProblem.gatewayTimeout("the upstream service did not answer in time");
        } catch (ConnectException e) {
            log.warn("upstream {} unreachable: {}", outgoing.uri(), e.toString());
            throw ApiProblem.badGateway("the upstream service is unreachable");
        } catch (IOException e) {
            log.warn("upstream {} failed: {}", outgoing.uri(), e.toString());
            throw ApiProblem.badGateway("the upstream service failed to answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.badGateway("forwarding was interrupted");
        }
    }

    private HttpRequest outgoing(HttpServletRequest request, String targetPath, Map<String, String> extraHeaders) {
        String path = targetPath.startsWith("/") ? targetPath : "/" + targetPath;
        String query = request.getQueryString();
        URI uri = URI.create(base + path + (query == null || query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(request.getMethod(), body(request));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (ServerOnlyHeaders.forwardable(name) && !extraHeaders.containsKey(name)) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    builder.header(name, value);
                }
            }
        }
        builder.setHeader(Hops.CORRELATION_HEADER, CorrelationIdFilter.current(request));
        if (request.getAttribute(CorrelationIdFilter.CLIENT_ATTRIBUTE) instanceof String offered) {
            builder.setHeader(Hops.CLIENT_CORRELATION_HEADER, offered);
        }
        extraHeaders.forEach(builder::setHeader);
        return builder.build();
    }

    private HttpRequest.BodyPublisher body(HttpServletRequest request) {
        byte[] bytes = InMemoryBodyRequest.readAtMost(request, maxBodyBytes);
        return bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    private static HttpHeaders returnedHeaders(HttpResponse<?> response) {
        HttpHeaders headers = new HttpHeaders();
        for (String name : RETURNED_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> headers.set(name, value));
        }
        return headers;
    }
}
