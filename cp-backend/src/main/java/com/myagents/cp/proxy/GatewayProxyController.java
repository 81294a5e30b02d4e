package com.myagents.cp.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.forwarding.Forwarder;
import com.myagents.http.identity.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The single door: whatever {@code /api/cp/...} path no cp-backend controller serves goes to the
 * gateway's {@code /api/v1/...} as the verified customer. Spring MVC prefers every more specific
 * mapping over this {@code /**} one, so cp-backend's own endpoints always win.
 */
@RestController
public class GatewayProxyController {

    /** A browser never names the customer; only the signed assertion does. */
    static final String CUSTOMER_ID_PARAMETER = "customer_id";

    private final Forwarder gateway;
    private final ServiceAssertions assertions;

    public GatewayProxyController(Forwarder gatewayForwarder, ServiceAssertions assertions) {
        this.gateway = gatewayForwarder;
        this.assertions = assertions;
    }

    @RequestMapping("/api/cp/**")
    public ResponseEntity<byte[]> forward(HttpServletRequest request) {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        String target = ProxiedPath.gatewayPath(rawPath);
        Principal customer = Principal.from(request);
        return gateway.forward(new WithoutCustomerIdParameter(request), target,
                Map.of(HttpHeaders.AUTHORIZATION, assertions.bearerFor(customer)));
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
            return name.replace("_", "").replace("-", "").equalsIgnoreCase("customerid");
        }
    }
}
