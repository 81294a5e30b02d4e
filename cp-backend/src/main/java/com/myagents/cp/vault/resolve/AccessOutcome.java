package com.myagents.cp.vault.resolve;

import java.util.Locale;

/** How one resolve attempt ended; the audit's {@code outcome} column, read by auditors. */
public enum AccessOutcome {
    /** The secret was handed out. */
    RESOLVED,
    /** No valid service token: the body was not even read. No longer written (an anonymous call writes nothing). */
    UNAUTHENTICATED,
    /** The execution already resolved this credential: a signed command resolves each credential once. */
    REPLAYED,
    /** A service token, but the request was incomplete or malformed. */
    INVALID_REQUEST,
    /** No such ref for that customer (or no such ref at all). */
    NOT_FOUND,
    /** The row exists but does not decrypt: tampered, moved, or its key is missing. */
    UNREADABLE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
