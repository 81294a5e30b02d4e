package com.myagents.cp.vault.resolve;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.cp.vault.resolve.CredentialAccessAudit.Attempt;
import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.InvalidTokenException;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /internal/vault/resolve}: the connectors' way to a secret, served only on the vault's
 * own listener ({@link VaultListener}; 404 on CP's public port). Outside {@code /api/cp/}, so neither
 * the customer token filter nor the gateway proxy ever handles it; only a connector service token
 * opens it. The caller is verified before its body is read, and a call without a valid token writes
 * nothing (an anonymous caller cannot fill the audit).
 */
@RestController
public record ResolveController(ResolverTokens tokens, SecretResolver resolver) {

    public static final String PATH = "/internal/vault/resolve";
    static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ResolveController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @PostMapping(PATH)
    public ResponseEntity<Object> resolve(HttpServletRequest request) {
        Principal caller;
        try {
            caller = tokens.verify(request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (InvalidTokenException e) {
            log.warn("refused a resolve without a valid service token: {}", e.getMessage());
            throw ApiProblem.unauthorized("a connector service token is required");
        }
        ResolveRequest body = read(request, caller.id());
        Object resolved = resolver.resolve(caller.id(), body);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(resolved);
    }

    private ResolveRequest read(HttpServletRequest request, String caller) {
        JsonNode json;
        try {
            byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw refused(caller, request, ApiProblem.payloadTooLarge("the request body is too large"));
            }
            json = JSON.readTree(bytes);
        } catch (IOException | JacksonException e) {
            throw refused(caller, request, notAnObject());
        }
        if (json == null || !json.isObject()) {
            throw refused(caller, request, notAnObject());
        }
        return new ResolveRequest(text(json, "credential_ref"), text(json, "customer_id"), text(json, "purpose"),
                text(json, "correlation_id"));
    }

    private ApiProblem refused(String caller, HttpServletRequest request, ApiProblem problem) {
        resolver.refuse(new Attempt(caller, null, null, null, CorrelationIdFilter.current(request),
                AccessOutcome.INVALID_REQUEST));
        return problem;
    }

    private static ApiProblem notAnObject() {
        return ApiProblem.badRequest(List.of(new Violation("", "the request body must be a JSON object")));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
