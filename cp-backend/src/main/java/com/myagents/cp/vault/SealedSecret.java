package com.myagents.cp.vault;

/**
 * A secret as stored: encrypted with its own data key, and that data key wrapped by the master key
 * {@code keyId}. Nothing here is readable without the master key.
 */
public record SealedSecret(String keyId, byte[] dataKeyNonce, byte[] wrappedDataKey, byte[] secretNonce,
                           byte[] secretCiphertext) {

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", " + secretCiphertext.length + " bytes]";
    }
}
