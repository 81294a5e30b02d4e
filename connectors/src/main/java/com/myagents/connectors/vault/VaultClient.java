package com.myagents.connectors.vault;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.NoAnswer;
import com.myagents.connectors.http.OutgoingRequest;
import com.myagents.connectors.http.PlatformResponse;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.http.Unreachable;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;

import tools.jackson.databind.JsonNode;

/**
 * cp-backend's {@code POST /internal/vault/resolve}, on the vault's own internal listener
 * ({@code myagents.connectors.vault-url}, port 8096 by default; CP's public port does not serve it):
 * one secret, for one customer's execution, for one purpose, with a short-lived HS256 service token
 * (issuer {@value #ISSUER}, audience {@value #AUDIENCE}, signed with {@code myagents.vault.resolver-key}).
 * The vault audits every authenticated call and hands each credential out once per execution (a
 * second resolve for the same correlation id is refused 409, a final refusal).
 * A vault that cannot be reached or answers 5xx is a transient failure ({@link VaultUnavailable});
 * every other refusal is final ({@link CredentialUnavailable}).
 */
public class VaultClient {

    public static final String PATH = "/internal/vault/resolve";
    public static final String ISSUER = "connector";
    public static final String AUDIENCE = "cp-vault";
    public static final String VAULT_REFUSED = "vault_refused";
    public static final String CREDENTIAL_NOT_FOUND = "credential_not_found";
    public static final String CREDENTIAL_UNREADABLE = "credential_unreadable";
    static final Duration TOKEN_TTL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(VaultClient.class);

    private final URI resolveUri;
    private final IdentityTokens tokens;
    private final Transport transport;

    /** @param resolverKey base64; blank leaves the client without a key, and every resolve is refused */
    public VaultClient(URI vaultUrl, String resolverKey, Transport transport) {
        this.resolveUri = vaultUrl.resolve(PATH);
        this.tokens = resolverKey == null || resolverKey.isBlank() ? null
                : new IdentityTokens(ISSUER, Keys.decode(resolverKey));
        this.transport = transport;
        if (tokens == null) {
            log.warn("myagents.vault.resolver-key is not set: live commands cannot resolve any credential");
        }
    }

    /**
     * @param caller    the connector asking, e.g. {@code delta}: the service identity is {@code connector-<caller>}
     * @param purpose   the action, e.g. {@code place_order}
     * @throws CredentialUnavailable when the vault refuses for good
     * @throws VaultUnavailable      when the vault could not answer; try again later
     */
    public Credential resolve(String caller, String credentialRef, String customerId, String purpose,
            String correlationId) {
        if (tokens == null) {
            throw new CredentialUnavailable(VAULT_REFUSED,
                    "no myagents.vault.resolver-key is configured, so the connector cannot ask CP's vault");
        }
        Principal service = new Principal("connector-" + caller, Principal.Kind.SERVICE, null, Set.of());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("credential_ref", credentialRef);
        body.put("customer_id", customerId);
        body.put("purpose", purpose);
        body.put("correlation_id", correlationId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + tokens.sign(service, AUDIENCE, TOKEN_TTL));
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        if (correlationId != null) {
            headers.put(Hops.CORRELATION_HEADER, correlationId);
        }
        OutgoingRequest request = new OutgoingRequest("POST", resolveUri, headers, Json.write(body),
                Map.of("Authorization", "Bearer <service token>"));
        PlatformResponse response;
        try {
            response = transport.send(request);
        } catch (Unreachable | NoAnswer e) {
            // nothing was answered (or the answer was lost): asking again is safe; if the vault did answer,
            // the repeat is refused as a replay and the command fails without any side effect
            throw new VaultUnavailable("CP's vault did not answer: " + e.getMessage(), e);
        }
        return read(response, credentialRef);
    }

    private static Credential read(PlatformResponse response, String credentialRef) {
        JsonNode json = response.json();
        if (response.status() == 200) {
            return credential(json, credentialRef);
        }
        String detail = Json.text(json, "detail");
        String type = Json.text(json, "type");
        if (response.status() == 404) {
            throw new CredentialUnavailable(CREDENTIAL_NOT_FOUND, "CP's vault has no credential " + credentialRef
                    + " for this customer (deleted, or never connected)");
        }
        if (response.status() == 401 || response.status() == 403) {
            throw new CredentialUnavailable(VAULT_REFUSED, "CP's vault refused the connector's service token"
                    + " (is myagents.vault.resolver-key the same in cp-backend and the connectors?)");
        }
        if (type != null && type.endsWith("credential-unreadable")) {
            throw new CredentialUnavailable(CREDENTIAL_UNREADABLE, "credential " + credentialRef
                    + " can no longer be decrypted in CP's vault; the customer has to connect it again");
        }
        if (response.serverError()) {
            throw new VaultUnavailable("CP's vault answered " + response.status() + ": " + response.excerpt(), null);
        }
        throw new CredentialUnavailable(VAULT_REFUSED, "CP's vault refused the request (" + response.status() + "): "
                + (detail != null ? detail : response.excerpt()));
    }

    private static Credential credential(JsonNode json, String credentialRef) {
        String kind = Json.text(json, "kind");
        if ("platform".equals(kind)) {
            return new PlatformCredential(credentialRef, Json.text(json, "platform"),
                    Json.text(json, "posting_identity"), instant(Json.text(json, "expires_at")),
                    Json.text(json, "access_token"));
        }
        if ("exchange".equals(kind)) {
            return new ExchangeCredential(credentialRef, Json.text(json, "exchange_provider"),
                    Json.text(json, "api_key"), Json.text(json, "api_secret"));
        }
        throw new CredentialUnavailable(VAULT_REFUSED, "CP's vault answered a credential of unknown kind " + kind);
    }

    /** ISO-8601 with an offset, as cp-backend writes it; epoch seconds are read too. */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochSecond(new BigDecimal(value).longValue());
            } catch (NumberFormatException notANumber) {
                // an expiry nobody can read is no reason to refuse: the platform refuses an expired token itself
                return null;
            }
        }
    }
}
