package com.myagents.cp.vault;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The row a secret belongs to. Both encryptions of an envelope take it as associated data, so a
 * ciphertext or wrapped key copied to another customer's or another ref's row does not decrypt.
 */
public record SecretOwner(UUID customerId, String credentialRef) {

    private static final String SECRET_CONTEXT = "myagents.vault.v1.secret";
    private static final String DATA_KEY_CONTEXT = "myagents.vault.v1.data-key";

    byte[] secretAssociatedData() {
        return encode(SECRET_CONTEXT, customerId.toString(), credentialRef);
    }

    /** The key id is bound too, so a row cannot claim a different master key than the one that wrapped it. */
    byte[] dataKeyAssociatedData(String keyId) {
        return encode(DATA_KEY_CONTEXT, keyId, customerId.toString(), credentialRef);
    }

    /** Length-prefixed parts: no choice of values can make two different owners encode alike. */
    private static byte[] encode(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
