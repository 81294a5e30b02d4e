package com.myagents.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.myagents.http.identity.Principal;

/**
 * {@code myagents.gateway.*}.
 *
 * @param plantUrl         base URL of ingest-api
 * @param plantIdentityKey base64 HS256 key shared with ingest-api for {@code X-Plant-Identity}
 * @param clients          service clients by issuer ({@code cp-backend}, {@code pp-backend}); a client
 *                         with a blank key is not accepted at all
 * @param rateLimit        per-principal token bucket
 * @param upstreamTimeout  how long a forwarded call may take before the caller gets 504
 * @param maxBodyBytes     larger request bodies are refused with 413
 */
@ConfigurationProperties("myagents.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8091") URI plantUrl,
        String plantIdentityKey,
        @DefaultValue Map<String, Client> clients,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("10s") Duration upstreamTimeout,
        @DefaultValue("2097152") long maxBodyBytes) {

    /**
     * @param key   base64 HS256 key the client signs its service assertions with
     * @param kinds principal kinds this client may vouch for; when empty, cp-backend may vouch for
     *              customers and itself, pp-backend for operators and itself, any other client only
     *              for itself (SERVICE)
     */
    public record Client(String key, @DefaultValue Set<Principal.Kind> kinds) {
    }

    public record RateLimit(@DefaultValue("50") double requestsPerSecond, @DefaultValue("100") int burst) {
    }
}
