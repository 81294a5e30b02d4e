package com.myagents.cp.vault;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keys by id: the current one wraps new data keys, previous ones only unwrap. Loading
 * refuses every setting that would lose or silently replace a key (see {@link #load}).
 */
public final class MasterKeys {

    public static final String MASTER_KEY_PROPERTY = "myagents.vault.master-key";
    public static final String PREVIOUS_KEYS_PROPERTY = "myagents.vault.previous-keys";

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
    private static final Pattern KEY_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private final String currentId;
    private final Map<String, byte[]> keys;

    private MasterKeys(String currentId, Map<String, byte[]> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /** Keys as given: {@code current} under {@code currentId}, plus older ones that only unwrap. */
    public static MasterKeys of(String currentId, byte[] current, Map<String, byte[]> previous) {
        requireKeyId(currentId, "myagents.vault.master-key-id");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(currentId, requireLength(current.clone(), MASTER_KEY_PROPERTY));
        previous.forEach((id, key) -> {
            requireKeyId(id, PREVIOUS_KEYS_PROPERTY + "." + id);
            if (keys.containsKey(id)) {
                throw new IllegalStateException(PREVIOUS_KEYS_PROPERTY + "." + id
                        + " reuses the id of the current master key; give the new key a new id");
            }
            keys.put(id, requireLength(key.clone(), PREVIOUS_KEYS_PROPERTY + "." + id));
        });
        return new MasterKeys(currentId, Map.copyOf(keys));
    }

    /**
     * The keys configuration names, checked against the key ids the stored rows use. Refuses: no
     * master key while encrypted rows exist; no master key and no rows unless
     * {@code generate-if-missing} (then a key lives for this process only, and the next start without
     * it refuses); rows under a key id that no configured key has.
     */
    public static MasterKeys load(VaultProperties properties, Set<String> keyIdsInUse) {
        Map<String, byte[]> previous = new LinkedHashMap<>();
        properties.previousKeys().forEach((id, base64) ->
                previous.put(id, decode(base64, PREVIOUS_KEYS_PROPERTY + "." + id)));
        MasterKeys keys = of(properties.masterKeyId(), currentKey(properties, keyIdsInUse), previous);
        Set<String> unknown = new TreeSet<>(keyIdsInUse);
        unknown.removeAll(keys.ids());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("stored credentials are wrapped with master key id(s) " + unknown
                    + " that no configured key has; set " + PREVIOUS_KEYS_PROPERTY + ".<id> for each (the current id is "
                    + keys.currentId() + ")");
        }
        return keys;
    }

    private static byte[] currentKey(VaultProperties properties, Set<String> keyIdsInUse) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return decode(properties.masterKey(), MASTER_KEY_PROPERTY);
        }
        if (!keyIdsInUse.isEmpty()) {
            throw new IllegalStateException(MASTER_KEY_PROPERTY + " (env MYAGENTS_VAULT_MASTER_KEY) is not set, but "
                    + "stored credentials are encrypted with key id(s) " + new TreeSet<>(keyIdsInUse)
                    + "; refusing to start without the key that can read them");
        }
        if (!properties.generateIfMissing()) {
            throw new IllegalStateException(MASTER_KEY_PROPERTY + " (env MYAGENTS_VAULT_MASTER_KEY, base64 of 32 bytes) "
                    + "is required; set myagents.vault.generate-if-missing=true only for a throw-away local run");
        }
        log.warn("{} is not set: generated a master key for this process only; credentials stored now become "
                + "unreadable (and the next start refuses) unless this key is configured", MASTER_KEY_PROPERTY);
        byte[] key = new byte[AesGcm.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public String currentId() {
        return currentId;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    byte[] current() {
        return keys.get(currentId);
    }

    Optional<byte[]> byId(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public String toString() {
        return "MasterKeys[current=" + currentId + ", ids=" + new TreeSet<>(keys.keySet()) + "]";
    }

    private static byte[] decode(String base64, String property) {
        try {
            return requireLength(Base64.getDecoder().decode(base64.strip()), property);
        } catch (IllegalArgumentException notBase64) {
            // the message names the property only: the value is a key and stays out of logs
            throw new IllegalStateException(property + " is not valid base64");
        }
    }

    private static byte[] requireLength(byte[] key, String property) {
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalStateException(property + " must be base64 of exactly " + AesGcm.KEY_BYTES
                    + " bytes (AES-256); it is " + key.length + " bytes");
        }
        return key;
    }

    private static void requireKeyId(String id, String property) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(property + ": a key id is 1-64 characters of [A-Za-z0-9._-]");
        }
    }
}
