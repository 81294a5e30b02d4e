package com.myagents.cp.vault;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals secrets into vault entries and opens them again. A secret is a small map of named strings
 * (e.g. {@code access_token}, {@code refresh_token}), encrypted as one JSON document.
 */
@Service
public class Vault {

    /** A fixed mapper: the stored format must not follow the application's JSON settings. */
    private static final JsonMapper SECRET_JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> SECRET_TYPE = new TypeReference<>() {
    };

    private final EnvelopeCipher cipher;
    private final VaultEntries entries;

    public Vault(EnvelopeCipher cipher, VaultEntries entries) {
        this.cipher = cipher;
        this.entries = entries;
    }

    /** A new entry under a freshly minted ref; the caller's transaction adds its descriptors. */
    public VaultEntry store(UUID customerId, SecretKind kind, Map<String, String> secret, String hint) {
        String ref = CredentialRefs.mint();
        OffsetDateTime now = now();
        VaultEntry entry = new VaultEntry(ref, customerId, kind, hint,
                cipher.seal(new SecretOwner(customerId, ref), encode(secret)), now, null, null);
        entries.insert(entry);
        return entry;
    }

    /** The same ref with a new secret: new data key, new nonces, {@code rotated_at} now. */
    public VaultEntry replace(VaultEntry existing, Map<String, String> secret, String hint) {
        OffsetDateTime now = now();
        SealedSecret sealed = cipher.seal(existing.owner(), encode(secret));
        entries.replaceSecret(existing.credentialRef(), sealed, hint, now);
        return new VaultEntry(existing.credentialRef(), existing.customerId(), existing.kind(), hint, sealed,
                existing.createdAt(), now, existing.lastUsedAt());
    }

    /** The customer's entry of that kind; empty for anyone else's ref. */
    public Optional<VaultEntry> find(UUID customerId, String credentialRef, SecretKind kind) {
        return entries.find(customerId, credentialRef, kind);
    }

    /** Deletes the customer's entry of that kind (its descriptors go with it); false when there is none. */
    public boolean delete(UUID customerId, String credentialRef, SecretKind kind) {
        return entries.delete(customerId, credentialRef, kind);
    }

    /** The secret of an entry. Only the internal resolve endpoint asks for this. */
    public Map<String, String> reveal(VaultEntry entry) {
        byte[] plaintext = cipher.open(entry.owner(), entry.sealed());
        try {
            return SECRET_JSON.readValue(plaintext, SECRET_TYPE);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    public OffsetDateTime now() {
        return entries.now();
    }

    private static byte[] encode(Map<String, String> secret) {
        return SECRET_JSON.writeValueAsBytes(secret);
    }
}
