package com.myagents.cp.proxy;

import com.myagents.http.body.InMemoryBodyRequest;
import com.myagents.http.door.GatewayOnBehalf;
import com.myagents.http.door.ProxiedPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.myagents.http.identity.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * cp-backend's one way into Plant: a request goes to the gateway as the verified customer, with a
 * short-lived service assertion, only forwardable headers and never a browser-supplied customer id.
 * The catch-all proxy and the controllers that check or aggregate before calling Plant all use it.
 */
@Component
public record GatewayDoor(GatewayOnBehalf gateway, ProxiedPath paths) {

    /** A browser never names the customer; only the signed assertion does. */
    static final String CUSTOMER_ID_PARAMETER = "customer_id";

    /** The request to the same path under the gateway's {@code /api/v1/}, unless cp-backend serves that path itself. */
    public ResponseEntity<byte[]> forward(HttpServletRequest request) {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        return forward(request, paths.gatewayPath(request.getMethod(), rawPath));
    }

    /** The request to {@code gatewayPath}: for a controller that has checked a request to its own path. */
    public ResponseEntity<byte[]> forward(HttpServletRequest request, String gatewayPath) {
        return send(new WithoutCustomerIdParameter(request), gatewayPath, Map.of());
    }

    /**
     * A JSON read of {@code gatewayPath} on the customer's behalf: GET, without the caller's query or
     * body, for a controller that builds its own answer from Plant's.
     */
    public ResponseEntity<byte[]> read(HttpServletRequest request, String gatewayPath) {
        return send(new PlainGet(request), gatewayPath, Map.of(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE));
    }

    private ResponseEntity<byte[]> send(HttpServletRequest request, String target, Map<String, String> extraHeaders) {
        return gateway.forward(request, target, Principal.from(request), extraHeaders);
    }

    /** The caller's query string without any {@code customer_id} parameter. */
    static final class WithoutCustomerIdParameter extends HttpServletRequestWrapper {

        WithoutCustomerIdParameter(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            String query = super.getQueryString();
            if (query == null) {
                return null;
            }
            String kept = Arrays.stream(query.split("&"))
                    .filter(pair -> !pair.isEmpty() && !isCustomerId(pair))
                    .collect(Collectors.joining("&"));
            return kept.isEmpty() ? null : kept;
        }

        /** Also catches encoded and re-spelled names ({@code customer%5Fid}, {@code customerId}). */
        private static boolean isCustomerId(String pair) {
            String name = pair.split("=", 2)[0];
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return true;
            }
            return name.replace("_", "").replace("-", "").equalsIgnoreCase(CUSTOMER_ID_PARAMETER.replace("_", ""));
        }
    }

    /** The caller's request as a bare GET: no query, no body, no content type. */
    static final class PlainGet extends InMemoryBodyRequest {

        PlainGet(HttpServletRequest request) {
            super(request, new byte[0]);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE))
                    .toList());
        }
    }
}
