package com.myagents.cp.drafts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.myagents.cp.vault.SecretKind;
import com.myagents.cp.vault.VaultEntries;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plant stores refs, not secrets, and cannot tell whose ref a string is: cp-backend can. Every value
 * at a key named {@code credential_ref} (a platform credential) or {@code exchange_credential_ref} (an
 * exchange setup), at any depth of a document, must be a ref of the calling customer, of that kind.
 */
@Component
public class OwnedCredentialRefs {

    static final Map<String, SecretKind> REF_KEYS = Map.of(
            "credential_ref", SecretKind.PLATFORM,
            "exchange_credential_ref", SecretKind.EXCHANGE);

    /** Duplicate keys are refused: a parser further on might keep the other one than the one checked here. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One ref found in the document, where it was found and what it must be. */
    record Found(String pointer, String key, JsonNode value) {
    }

    private final VaultEntries entries;

    public OwnedCredentialRefs(VaultEntries entries) {
        this.entries = entries;
    }

    /** @throws ApiProblem 400 naming the JSON pointer of every ref that is not the customer's (or not JSON at all) */
    public void requireOwned(UUID customerId, byte[] document) {
        if (document.length == 0) {
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JacksonException e) {
            String message = "the request body is not well-formed JSON (or repeats a key)";
            throw new ApiProblem(400, "malformed-json", "Bad Request", message,
                    Map.of("errors", List.of(new Violation("", message))));
        }
        List<Found> found = new ArrayList<>();
        collect(root, "", found);
        if (found.isEmpty()) {
            return;
        }
        List<String> refs = found.stream()
                .filter(ref -> ref.value().isString())
                .map(ref -> ref.value().asString())
                .toList();
        Map<String, SecretKind> owned = entries.kindsOwnedBy(customerId, refs);
        List<Violation> violations = new ArrayList<>();
        for (Found ref : found) {
            problem(ref, owned).ifPresent(message -> violations.add(new Violation(ref.pointer(), message)));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.badRequest(violations);
        }
    }

    private static Optional<String> problem(Found ref, Map<String, SecretKind> owned) {
        SecretKind expected = REF_KEYS.get(ref.key());
        String source = expected == SecretKind.PLATFORM
                ? "PUT /api/cp/platform-credentials" : "PUT /api/cp/exchange-setup";
        if (ref.value().isNull()) {
            return Optional.empty();
        }
        if (!ref.value().isString()) {
            return Optional.of("must be a credential_ref string from " + source);
        }
        SecretKind kind = owned.get(ref.value().asString());
        if (kind == null) {
            // the same answer for someone else's ref and for no ref at all: nothing is learnt by probing
            return Optional.of("is not a credential of yours; store it with " + source + " and use its ref");
        }
        if (kind != expected) {
            return Optional.of("must be a ref from " + source + ", not from the other credential store");
        }
        return Optional.empty();
    }

    private static void collect(JsonNode node, String pointer, List<Found> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = pointer + "/" + escape(field.getKey());
                if (REF_KEYS.containsKey(field.getKey())) {
                    found.add(new Found(child, field.getKey(), field.getValue()));
                } else {
                    collect(field.getValue(), child, found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, found);
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
