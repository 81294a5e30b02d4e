package com.myagents.connectors.connector;

/**
 * The command cannot be finished now (a platform or the vault unreachable or answering 5xx, the
 * hired-instances table not loaded yet): it is tried again after a pause, up to
 * {@code myagents.connectors.max-attempts} times.
 *
 * @see #nothingSent()
 */
public class RetryLater extends RuntimeException {

    private final boolean nothingSent;

    public RetryLater(String message, boolean nothingSent, Throwable cause) {
        super(message, cause);
        this.nothingSent = nothingSent;
    }

    /** True when this attempt certainly sent nothing that acts, so its claim may be given back. */
    public boolean nothingSent() {
        return nothingSent;
    }
}
