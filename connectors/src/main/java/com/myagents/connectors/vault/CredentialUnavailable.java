package com.myagents.connectors.vault;

import com.myagents.connectors.connector.FinalFailure;

/**
 * The credential cannot be had for this command, and asking again will not change that (no such
 * ref for the customer, the vault refused the connector, the secret no longer decrypts). The
 * command fails with {@code code}; nothing is sent anywhere.
 */
public class CredentialUnavailable extends FinalFailure {

    private static final long serialVersionUID = 1L;

    public CredentialUnavailable(String code, String message) {
        super(code, message);
    }
}
