package com.myagents.connectors.vault;

/**
 * The credential cannot be had for this command, and asking again will not change that (no such
 * ref for the customer, the vault refused the connector, the secret no longer decrypts). The
 * command fails with {@code code}; nothing is sent anywhere.
 */
public class CredentialUnavailable extends RuntimeException {

    private final String code;

    public CredentialUnavailable(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
