package com.myagents.connectors.vault;

/** CP's vault could not be asked right now (down, unreachable, 5xx): a transient failure. */
public class VaultUnavailable extends RuntimeException {

    public VaultUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
