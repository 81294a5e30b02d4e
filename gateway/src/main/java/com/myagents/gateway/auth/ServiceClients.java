package com.myagents.gateway.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.gateway.GatewayProperties;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.InvalidTokenException;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

/**
 * The service clients the gateway knows, each with its own key. An assertion is checked with the
 * key of the client it claims to come from, so one client's key can never speak for another, and
 * a client may vouch only for the kinds of principal it serves (cp-backend: customers).
 */
public final class ServiceClients {

    private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);
    private static final String BEARER = "bearer ";

    /** Whom each well-known client may vouch for when its configuration does not say. */
    static final Map<String, Set<Principal.Kind>> DEFAULT_KINDS = Map.of(
            Hops.CP_ISSUER, Set.of(Principal.Kind.CUSTOMER, Principal.Kind.SERVICE),
            Hops.PP_ISSUER, Set.of(Principal.Kind.OPERATOR, Principal.Kind.SERVICE));

    private record Client(IdentityTokens tokens, Set<Principal.Kind> kinds) {
    }

    private final Map<String, Client> byIssuer;

    private ServiceClients(Map<String, Client> byIssuer) {
        this.byIssuer = Map.copyOf(byIssuer);
    }

    /** Clients with a blank key are left out; at least one must remain. */
    public static ServiceClients from(Map<String, GatewayProperties.Client> configured) {
        Map<String, Client> clients = new LinkedHashMap<>();
        configured.forEach((issuer, client) -> {
            if (client == null || client.key() == null || client.key().isBlank()) {
                log.warn("service client {} has no key configured; its calls will be rejected", issuer);
                return;
            }
            byte[] key;
            try {
                key = Keys.decode(client.key());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("myagents.gateway.clients." + issuer + ".key: " + e.getMessage(), e);
            }
            Set<Principal.Kind> kinds = client.kinds() == null || client.kinds().isEmpty()
                    ? DEFAULT_KINDS.getOrDefault(issuer, Set.of(Principal.Kind.SERVICE))
                    : Set.copyOf(client.kinds());
            clients.put(issuer, new Client(new IdentityTokens(issuer, key), kinds));
        });
        if (clients.isEmpty()) {
            throw new IllegalStateException("no service client has a key: set myagents.gateway.clients."
                    + Hops.CP_ISSUER + ".key (and/or " + Hops.PP_ISSUER + ") to a base64 key of at least "
                    + Keys.MIN_BYTES + " bytes");
        }
        return new ServiceClients(clients);
    }

    public Set<String> issuers() {
        return byIssuer.keySet();
    }

    /**
     * The verified call an {@code Authorization} header proves.
     *
     * @throws ApiProblem 401 for a missing, malformed, unknown or invalid assertion; 403 when the
     *                    client vouches for a kind of principal it does not serve
     */
    public ServiceCall authenticate(List<String> authorizationHeaders) {
        if (authorizationHeaders.size() != 1) {
            throw rejected(authorizationHeaders.isEmpty() ? "no Authorization header" : "several Authorization headers");
        }
        String header = authorizationHeaders.get(0);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw rejected("Authorization is not a bearer token");
        }
        String token = header.substring(BEARER.length()).strip();
        for (Map.Entry<String, Client> known : byIssuer.entrySet()) {
            // a door reuses its assertion for a few seconds: verified once, then answered from memory
            Optional<Principal> verified = known.getValue().tokens().alreadyVerified(token, known.getKey(),
                    Hops.GATEWAY_AUDIENCE);
            if (verified.isPresent()) {
                return call(known.getKey(), known.getValue(), verified.get());
            }
        }
        String issuer = IdentityTokens.unverifiedIssuer(token).orElse(null);
        Client client = issuer == null ? null : byIssuer.get(issuer);
        if (issuer == null) {
            throw rejected("assertion is not a signed JWT naming its issuer");
        }
        if (client == null) {
            throw rejected("assertion from unknown issuer " + issuer);
        }
        Principal principal;
        try {
            principal = client.tokens().verify(token, issuer, Hops.GATEWAY_AUDIENCE);
        } catch (InvalidTokenException e) {
            throw rejected("assertion from " + issuer + " rejected: " + e.getMessage());
        }
        return call(issuer, client, principal);
    }

    /** The call, once the client may vouch for this kind of principal. */
    private static ServiceCall call(String issuer, Client client, Principal principal) {
        if (!client.kinds().contains(principal.kind())) {
            log.warn("client {} vouched for a principal of kind {}, which it does not serve", issuer, principal.kind());
            throw ApiProblem.forbidden("principal_kind_not_allowed",
                    "this client may not act for a " + principal.kind().name().toLowerCase(Locale.ROOT) + " principal");
        }
        return new ServiceCall(issuer, principal);
    }

    private static ApiProblem rejected(String why) {
        // the caller learns only that it failed; the log says why
        log.warn("service assertion rejected: {}", why);
        return ApiProblem.unauthorized("a valid service assertion is required");
    }
}
