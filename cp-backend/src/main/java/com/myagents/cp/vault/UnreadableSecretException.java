package com.myagents.cp.vault;

/** A sealed secret that does not open: tampered, moved to another row, or its master key is gone. */
public class UnreadableSecretException extends RuntimeException {

    public UnreadableSecretException(String credentialRef, String why) {
        super("the secret of " + credentialRef + " cannot be decrypted: " + why);
    }
}
